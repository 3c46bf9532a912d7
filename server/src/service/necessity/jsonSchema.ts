// A small JSON Schema validator for the subset our data schemas use (type,
// properties, required, additionalProperties: false, items, enum, const,
// pattern, minLength, maxLength, minItems, minimum, maximum, local $ref,
// oneOf). The
// data files are read by clinicians and may be written by them in a
// workspace, so errors name the place (a JSON path) and say what to write.

export interface SchemaError {
  /** Path of the offending value, e.g. ["sections", 0, "criteria", 2, "id"]. */
  path: (string | number)[];
  message: string;
}

type Schema = Record<string, any>;

export function validateAgainstSchema(value: unknown, schema: Schema): SchemaError[] {
  const errors: SchemaError[] = [];
  check(value, schema, schema, [], errors);
  return errors;
}

function resolve(schema: Schema, root: Schema): Schema {
  let s = schema;
  for (let depth = 0; s && typeof s.$ref === 'string' && depth < 20; depth++) {
    const parts = s.$ref.replace(/^#\//, '').split('/');
    let target: any = root;
    for (const p of parts) target = target?.[p];
    s = { ...target, ...Object.fromEntries(Object.entries(s).filter(([k]) => k !== '$ref')) };
  }
  return s;
}

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function where(path: (string | number)[]): string {
  return path.length
    ? path
        .map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`))
        .join('')
        .replace(/^\./, '')
    : 'the file';
}

function check(value: unknown, raw: Schema, root: Schema, path: (string | number)[], errors: SchemaError[]): void {
  const schema = resolve(raw, root);
  if (schema.oneOf) {
    const branches: SchemaError[][] = schema.oneOf.map((b: Schema) => {
      const e: SchemaError[] = [];
      check(value, b, root, path, e);
      return e;
    });
    if (branches.some((b) => b.length === 0)) return;
    // Report the branch whose `kind` matches, else the one with the fewest errors.
    const kind = (value as any)?.kind;
    let pick = schema.oneOf.findIndex((b: Schema) => resolve(b, root).properties?.kind?.const === kind);
    if (pick < 0) pick = branches.reduce((best, b, i) => (b.length < branches[best].length ? i : best), 0);
    errors.push(...branches[pick]);
    return;
  }
  if ('const' in schema && value !== schema.const) {
    errors.push({ path, message: `${where(path)} must be ${JSON.stringify(schema.const)}.` });
    return;
  }
  if (schema.type) {
    const t = typeOf(value);
    const ok = schema.type === t || (schema.type === 'number' && t === 'integer');
    if (!ok) {
      errors.push({ path, message: `${where(path)} must be ${article(schema.type)}, not ${article(t)}.` });
      return;
    }
  }
  if (schema.enum && !schema.enum.includes(value)) {
    errors.push({
      path,
      message: `${where(path)} must be one of ${schema.enum.map((e: unknown) => JSON.stringify(e)).join(', ')}; ${JSON.stringify(value)} is not.`,
    });
  }
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) errors.push({ path, message: `${where(path)} must not be empty.` });
    else if (schema.maxLength !== undefined && value.length > schema.maxLength)
      errors.push({ path, message: `${where(path)} is ${value.length} characters long; at most ${schema.maxLength} are allowed.` });
    else if (schema.pattern && !new RegExp(schema.pattern).test(value))
      errors.push({ path, message: `${where(path)} "${value}" does not have the expected form (${describePattern(schema.pattern)}).` });
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) errors.push({ path, message: `${where(path)} must be at least ${schema.minimum}.` });
    if (schema.maximum !== undefined && value > schema.maximum) errors.push({ path, message: `${where(path)} must be at most ${schema.maximum}.` });
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems)
      errors.push({ path, message: `${where(path)} needs at least ${schema.minItems} entr${schema.minItems === 1 ? 'y' : 'ies'}.` });
    if (schema.items) value.forEach((v, i) => check(v, schema.items, root, [...path, i], errors));
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    for (const key of schema.required ?? []) {
      if (!Object.hasOwn(obj, key)) errors.push({ path, message: `${where(path)} needs "${key}".` });
    }
    const props: Schema = schema.properties ?? {};
    for (const [key, v] of Object.entries(obj)) {
      // Own properties only: "constructor" or "toString" are not schemas.
      if (Object.hasOwn(props, key)) check(v, props[key], root, [...path, key], errors);
      else if (schema.additionalProperties === false) {
        errors.push({
          path: [...path, key],
          message: `"${key}" is not a known property here; known: ${Object.keys(props)
            .filter((k) => !k.startsWith('$'))
            .join(', ')}.`,
        });
      }
    }
    for (const sub of schema.allOf ?? []) check(value, sub, root, path, errors);
  }
}

function article(t: string): string {
  const word = t === 'integer' ? 'whole number' : t === 'array' ? 'list' : t === 'object' ? 'object' : t;
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}

function describePattern(p: string): string {
  if (p.includes('A-Z][A-Z0-9]*-[0-9]')) return 'capital letters, a dash and two or three digits, like LMRI-01';
  if (p.includes('a-z0-9]+(-[a-z0-9]+)*')) return 'lower-case words joined by dashes, like low-back-mri';
  if (p.includes('[^* ]+\\*?')) return 'words, with * only at the end of a word, like radicul* or straight leg rais*';
  return `pattern ${p}`;
}
