// invalid-value: a field value the letter cannot state (a date that is not a
// date, a decision other than upheld/overturned, an age out of range...). For
// an enum field the fixes offer each allowed value.
import type { FieldSpec } from '../../../schema/fields';
import type { DocumentEntry, Section } from '../../../syntax/ast';
import { defineRule, type Finding } from '../../defineRule';
import { at, fix, str } from '../../fixes';
import { sectionSpec } from '../../../schema/fields';
import { parseDate } from '../../../syntax/dates';
import { lineText } from '../../../syntax/layout';
import { sourceText } from '../../../syntax/positions';
import { byCloseness, capitalize, orList } from '../../../text/words';

export default defineRule<{ key: string; values: string[] }>({
  code: 'invalid-value',
  family: 'structure',
  severity: 'error',
  inputs: { unit: 'case', reads: ['header', 'summary', 'items'] },
  summary: 'A field value that is not valid (a date, a decision, an age...).',
  // The header's case number, the documents and the fields of the sections other than items, then each item on
  // its own (its service, its fields): an edit checks again only the part it is in.
  units: [
    {
      inputs: { unit: 'case', reads: ['header', 'summary'] },
      check({ file }) {
        const out: InvalidFinding[] = [];
        const cn = file.header?.caseNumber;
        if (cn && !/^CM\d{2}-\d{7}$/.test(cn.value.trim())) {
          out.push({
            severity: 'warning',
            message: `Case numbers look like CM16-0221706 (CM, the year's two digits, a dash and seven digits); "${cn.value}" does not.`,
            range: cn.range,
          });
        }
        for (const entry of file.documents?.entries ?? []) {
          const problem = documentProblem(entry);
          if (problem) out.push({ severity: 'warning', message: problem, range: entry.range });
        }
        for (const section of file.sections) if (section.kind !== 'item') invalidFields(section, out);
        return out;
      },
    },
    {
      inputs: { unit: 'item', reads: [] },
      checkItem(_ctx, { section: item }) {
        const out: InvalidFinding[] = [];
        if (!item.service || !item.service.value.trim()) {
          out.push({
            message: 'Name the disputed service after `item`, as the request for authorization names it and the letter should show it.',
            range: item.keywordRange,
          });
        }
        return invalidFields(item, out);
      },
    },
  ],
  /**
   * One action per allowed value of an enum field (decision, priority, sex),
   * the closest to what was typed first: the editor's first quick-fix is what
   * Ctrl+. Enter applies, and for `decision: overturn` it must not be
   * "upheld". None is preferred: a decision, a priority or a sex is the
   * reviewer's to state, so no fix-all or auto-fix may choose it.
   */
  fixes({ file }, d) {
    const values = Array.isArray(d.data?.values) ? (d.data!.values as unknown[]).filter((v): v is string => typeof v === 'string') : [];
    if (values.length === 0) return [];
    const key = str(d.data?.key);
    // An empty value is reported on the whole `key:`; the value is then added after it, not over it.
    const lineEnd = lineText(file, d.range.end.line).slice(0, d.range.end.character);
    const empty = lineEnd.trimEnd().endsWith(':');
    const typed = empty ? '' : sourceText(file, d.range);
    return byCloseness(typed, values).map((v) =>
      fix(
        `Change ${key || 'the value'} to "${v}"`,
        d,
        [empty ? { range: at(d.range.end), newText: (lineEnd.endsWith(' ') ? '' : ' ') + v } : { range: d.range, newText: v }],
        false,
      ),
    );
  },
});

type InvalidFinding = Finding<{ key: string; values: string[] }>;

/** The section's invalid values, added to `out` (an array, not a generator: see missing-field.ts's missingFields). */
function invalidFields(section: Section, out: InvalidFinding[]): InvalidFinding[] {
  const spec = sectionSpec(section.kind);
  if (!spec) return out;
  for (const field of section.fields) {
    const f = spec.fields.find((x) => x.key === field.key);
    if (!f) continue;
    const problem = checkValue(f, field.value);
    if (problem)
      out.push({ message: problem, range: field.value ? field.valueRange : field.range, data: f.values ? { key: f.key, values: f.values } : undefined });
  }
  return out;
}

function checkValue(spec: FieldSpec, raw: string): string | undefined {
  const value = raw.trim();
  if (!value) return `Give a value for ${spec.key} (${spec.letter}); it is empty.`;
  switch (spec.type) {
    case 'enum':
      return spec.values!.includes(value.toLowerCase()) ? undefined : `${capitalize(spec.key)} must be ${orList(spec.values!)}; "${value}" is not one of them.`;
    case 'date':
      return parseDate(value) ? undefined : `"${value}" is not a date. Write ${spec.letter} as 10/02/2015, 10-2-15 or 2015-10-02.`;
    case 'age': {
      // Digits only: Number() would also take 0x2D, 4.5e1 or 45.0, which the letter would print as written.
      const n = /^\d+$/.test(value) ? Number(value) : NaN;
      return n >= 14 && n <= 110 ? undefined : `The worker's age is a whole number of years (14 to 110); "${value}" is not.`;
    }
    case 'list':
      return value.split(',').every((s) => s.trim()) ? undefined : `Separate each entry of ${spec.letter} with one comma; "${value}" has an empty entry.`;
    default:
      return undefined;
  }
}

/**
 * A document reviewed is listed with its author or source and its dates
 * (8 CCR 9792.10.6(d): a provider and a date range suffice), as
 * `<document>; <author or source>; <date or date range>`.
 */
function documentProblem(entry: DocumentEntry): string | undefined {
  const shape =
    'Write each document reviewed as `<document>; <author or source>; <date or date range>`, for example `Progress reports; primary treating physician; 01/30/2014 to 09/23/2015`';
  if (entry.parts.length < 3) return `${shape}; this line gives ${entry.parts.length === 1 ? 'only the document' : 'two of the three'}.`;
  const dates = entry.parts[entry.parts.length - 1].value.split(/\s+(?:to|through|until|-|–|—)\s+/i);
  const bad = dates.find((x) => !parseDate(x.trim()));
  return bad === undefined ? undefined : `"${bad.trim()}" is not a date. ${shape}.`;
}
