// The patterns of identifying information (data/terms/phi.json), compiled
// once, and the matcher the `phi` rule runs over letter text.
import phiData from '../data/terms/phi.json';

export interface PhiPatternData {
  id: string;
  what: string;
  advice: string;
  description: string;
  regex: string;
  /** A literal every match contains; the pattern is skipped on text without it. */
  requires?: string;
  flags?: string;
  replacements: string[];
  matches: { text: string; hit: string }[];
  nonMatches: string[];
}

export interface PhiPattern extends PhiPatternData {
  compiled: RegExp;
}

/** One place in a text that looks identifying; offsets into that text. */
export interface PhiMatch {
  pattern: PhiPattern;
  start: number;
  end: number;
  text: string;
}

export const PHI_DATA = phiData as { fragments: { name: string; regex: string }[]; patterns: PhiPatternData[] };

/** `{name}` in a regex stands for the fragment of that name (fragments may use earlier ones). */
export function expandFragments(source: string, fragments: readonly { name: string; regex: string }[]): string {
  const byName = new Map(fragments.map((f) => [f.name, f.regex]));
  let out = source;
  // A few rounds cover fragments inside fragments; a cycle stays unexpanded and fails to compile.
  for (let round = 0; round < 5 && /\{[a-z]+\}/.test(out); round++) {
    out = out.replace(/\{([a-z]+)\}/g, (whole, name: string) => byName.get(name) ?? whole);
  }
  return out;
}

/** Compile one pattern: `d` for the `hit` group's indices, `g` to find every match. */
export function compilePattern(p: PhiPatternData, fragments = PHI_DATA.fragments): PhiPattern {
  return { ...p, compiled: new RegExp(expandFragments(p.regex, fragments), `dg${p.flags ?? ''}`) };
}

export const PHI_PATTERNS: readonly PhiPattern[] = PHI_DATA.patterns.map((p) => compilePattern(p));

/**
 * What a schema cannot check in phi.json: each regex compiles with its
 * fragments, ids are unique, every `matches` text gives exactly its `hit`
 * from its own pattern, and no pattern fires on a `nonMatches` text.
 * Returns one sentence per problem; [] when the file is sound.
 */
export function checkPhiData(data: { fragments: { name: string; regex: string }[]; patterns: PhiPatternData[] }): string[] {
  const problems: string[] = [];
  const compiled: PhiPattern[] = [];
  const ids = new Set<string>();
  for (const p of data.patterns) {
    if (ids.has(p.id)) problems.push(`${p.id}: the id is used twice.`);
    ids.add(p.id);
    const source = expandFragments(p.regex, data.fragments);
    if (p.requires && p.flags?.includes('i') && p.requires.toLowerCase() !== p.requires.toUpperCase()) {
      problems.push(`${p.id}: "requires" is compared letter case and all, so it cannot go with the case-insensitive flag i.`);
    }
    const unknown = /\{([a-z]+)\}/.exec(source);
    if (unknown) problems.push(`${p.id}: no fragment is named "${unknown[1]}".`);
    try {
      compiled.push(compilePattern(p, data.fragments));
    } catch (err) {
      problems.push(`${p.id}: the regex does not compile (${(err as Error).message}).`);
    }
  }
  for (const p of compiled) {
    for (const ex of p.matches) {
      const found = findPhi(ex.text, compiled).map((m) => `${m.pattern.id}: "${m.text}"`);
      const expected = `${p.id}: "${ex.hit}"`;
      if (found.length !== 1 || found[0] !== expected)
        problems.push(`${p.id}: in "${ex.text}" expected only ${expected}, found ${found.length ? found.join(', ') : 'nothing'}.`);
    }
    for (const text of p.nonMatches) {
      const found = findPhi(text, compiled).map((m) => `${m.pattern.id}: "${m.text}"`);
      if (found.length) problems.push(`${p.id}: "${text}" must not match, but ${found.join(', ')} did.`);
    }
  }
  return problems;
}

/**
 * Every identifying-looking span of `text`, in order. Two patterns that
 * find the same span (a Social Security number with and without its "SSN")
 * give it once, the first pattern in the file winning; overlapping spans
 * keep the one that starts first.
 */
export function findPhi(text: string, patterns: readonly PhiPattern[] = PHI_PATTERNS): PhiMatch[] {
  const found: PhiMatch[] = [];
  for (const pattern of patterns) {
    // An e-mail address needs an @: skip the scan of a long text that has none.
    if (pattern.requires && !text.includes(pattern.requires)) continue;
    const re = pattern.compiled;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) re.lastIndex++; // never loop on an empty match
      const [start, end] = m.indices?.groups?.hit ?? m.indices![0];
      if (end > start) found.push({ pattern, start, end, text: text.slice(start, end) });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: PhiMatch[] = [];
  for (const f of found) {
    const last = out[out.length - 1];
    if (last && f.start < last.end) continue;
    out.push(f);
  }
  return out;
}
