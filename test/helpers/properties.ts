// Shared pieces of the property-based tests (test/unit/properties-*.test.ts):
// run settings, the arbitraries that make case files, and the checks every
// property repeats (ranges inside the document, no contained error).
//
// Runs are deterministic: every property uses a fixed seed, so CI sees the
// same inputs each time and a failure prints a counterexample that reproduces.
// For a long hunt, raise the run count or change the seed:
//   IMR_PROPERTY_RUNS=20 IMR_PROPERTY_SEED=7 node test/run-unit.mjs properties
import fc from 'fast-check';
import * as fs from 'fs';
import assert from 'node:assert/strict';
import { SECTION_SPECS } from '../../server/src/service/schema/fields';
import { BUILT_IN_LIBRARY } from '../../server/src/service/necessity/library';
import { computeLineStarts } from '../../server/src/service/syntax/positions';
import { onContainedError } from '../../server/src/service/contained';
import type { Range } from '../../server/src/service/types';
import { EXAMPLES, readExample } from './fixtures';

const FACTOR = Math.max(1, Number(process.env.IMR_PROPERTY_RUNS) || 1);
const SEED = Number(process.env.IMR_PROPERTY_SEED) || 20261125;

/** fc.assert parameters: the fixed seed and `runs` runs (times IMR_PROPERTY_RUNS). */
export function settings(runs: number): fc.Parameters<unknown> {
  return { seed: SEED, numRuns: Math.round(runs * FACTOR), endOnFailure: false };
}

// ---- the checks ----

/**
 * Runs `body` and fails if the service contained an error meanwhile: a
 * parser, rule, feature, renderer or importer that threw and answered with
 * its fallback. The fallback keeps the author working, but it is a bug.
 */
export function noContainedError<T>(body: () => T): T {
  const errors: string[] = [];
  onContainedError((err, place) => errors.push(`${place}: ${err instanceof Error ? err.stack : String(err)}`));
  try {
    const result = body();
    if (errors.length) assert.fail(`the service contained an error in ${errors[0]}`);
    return result;
  } finally {
    onContainedError(undefined);
  }
}

/** The async form, for the PDF renderer. */
export async function noContainedErrorAsync<T>(body: () => Promise<T>): Promise<T> {
  const errors: string[] = [];
  onContainedError((err, place) => errors.push(`${place}: ${err instanceof Error ? err.stack : String(err)}`));
  try {
    const result = await body();
    if (errors.length) assert.fail(`the service contained an error in ${errors[0]}`);
    return result;
  } finally {
    onContainedError(undefined);
  }
}

/** Length of each line of `text` without its line break, as an editor counts them. */
export function lineLengths(text: string): number[] {
  const starts = computeLineStarts(text);
  return starts.map((s, i) => {
    let e = i + 1 < starts.length ? starts[i + 1] : text.length;
    while (e > s && (text[e - 1] === '\n' || text[e - 1] === '\r')) e--;
    return e - s;
  });
}

/** Fails unless every range lies inside `text` and starts before it ends. */
export function assertRangesInside(text: string, ranges: Range[], what: string): void {
  const lengths = lineLengths(text);
  for (const rg of ranges) {
    for (const p of [rg.start, rg.end]) {
      if (!(Number.isInteger(p.line) && p.line >= 0 && p.line < lengths.length))
        assert.fail(`${what}: line ${p.line} outside the document (${lengths.length} lines)`);
      if (!(Number.isInteger(p.character) && p.character >= 0 && p.character <= lengths[p.line])) {
        assert.fail(`${what}: character ${p.character} outside line ${p.line} (length ${lengths[p.line]})`);
      }
    }
    if (rg.start.line > rg.end.line || (rg.start.line === rg.end.line && rg.start.character > rg.end.character))
      assert.fail(`${what}: a range ends before it starts`);
  }
}

/** Every {start, end} range anywhere inside `value` (a parse tree, a list of symbols ...). */
export function collectRanges(value: unknown, out: Range[] = []): Range[] {
  if (Array.isArray(value)) for (const v of value) collectRanges(v, out);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const s = o.start as { line?: unknown } | undefined;
    if (s && typeof s.line === 'number' && o.end) out.push(o as unknown as Range);
    for (const [k, v] of Object.entries(o)) if (k !== 'text' && k !== 'lineStarts') collectRanges(v, out);
  }
  return out;
}

// ---- the examples ----

export const EXAMPLE_NAMES = fs
  .readdirSync(EXAMPLES)
  .filter((n) => n.endsWith('.imr'))
  .sort();
export const EXAMPLE_TEXTS = new Map(EXAMPLE_NAMES.map((n) => [n, readExample(n)]));

// ---- arbitraries: raw text ----

/** A UTF-16 code unit, lone surrogates included (an editor buffer can hold them). */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

/** Pieces that matter to the case language: separators, markup, keywords. */
const PIECES = [
  '\n',
  '\r\n',
  '\r',
  '\t',
  ' ',
  '  ',
  ':',
  '[#',
  ']',
  '[#x]',
  '--',
  '-- imr-disable-next-line\n',
  '\ufeff',
  '\u0000',
  '😀',
  '\ud800',
  'é',
  '.',
  '"',
  // Characters that print nothing or print as others: bidi controls, zero-width
  // and soft-hyphen characters, a non-breaking hyphen and space, a full-width digit.
  '\u202e',
  '\u2066',
  '\u200b',
  '\u00ad',
  '\u2011',
  '\u00a0',
  '\uff11',
];

/** Invisible and look-alike characters, for properties about what a letter prints. */
export const INVISIBLE_PIECES = ['\u202e', '\u202c', '\u2066', '\u2069', '\u200e', '\u200b', '\u200d', '\u2060', '\u00ad', '\ufeff'];

/** Random text: any code point, any code unit, and the language's separators, mixed. */
export const unicodeText = fc.string({
  unit: fc.oneof(
    { arbitrary: fc.constantFrom(...PIECES), weight: 2 },
    { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), weight: 3 },
    { arbitrary: codeUnit, weight: 1 },
  ),
  maxLength: 400,
});

/** Random bytes read as a file would be: UTF-8 (invalid sequences become U+FFFD) or Latin-1. */
export const bytesAsText = fc.tuple(fc.uint8Array({ maxLength: 200 }), fc.boolean()).map(([b, utf8]) => Buffer.from(b).toString(utf8 ? 'utf8' : 'latin1'));

// ---- arbitraries: text in the case language's own words ----

const SECTION_KEYWORDS = SECTION_SPECS.map((s) => s.keyword);
const ALL_KEYS = [...new Set(SECTION_SPECS.flatMap((s) => s.fields.map((f) => f.key)))];
const LIBRARY_SECTIONS = [...BUILT_IN_LIBRARY.sections.values()];
const CRITERION_IDS = LIBRARY_SECTIONS.flatMap((s) => s.criteria.map((c) => c.id));
const STATUSES = ['met', 'not met', 'unknown', 'not applicable', 'n/a', 'probably', ''];
const LABELS = ['neuro-findings', 'exam', 'mri-findings', 'conservative-care', 'x', 'no-red-flags'];

const indent = fc.constantFrom('', ' ', '  ', '  ', '  ', '    ', '\t', ' \t', '      ');
const label = fc.constantFrom(...LABELS).map((l) => `[#${l}]`);
const word = fc.oneof(
  fc.constantFrom(
    'the',
    'worker',
    'MRI',
    'lumbar',
    'is',
    'not',
    'medically',
    'necessary',
    'recommended',
    'pain',
    'radiating',
    'therapy',
    'MTUS',
    'ODG',
    'denied',
    'upheld',
    'overturned',
    'no',
    'without',
  ),
  // Text the phi rule flags, so its quick-fixes are exercised too.
  fc.constantFrom(
    'Mr. Jones',
    'Dr. Alvarez',
    'SSN 123-45-6789',
    '(555) 123-4567',
    'jane.doe@example.com',
    '1234 Main Street',
    'DOB 01/02/1960',
    'claim number 05-1234567',
  ),
  label,
  fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 8 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }),
);
const sentence = fc.array(word, { minLength: 1, maxLength: 12 }).map((ws) => ws.join(' '));
const conclusion = fc.constantFrom(
  'The request is medically necessary.',
  'The request is not medically necessary.',
  'The MRI is not recommended.',
  'Therefore the treatment is medically necessary.',
);
const prose = fc.oneof({ arbitrary: sentence.map((s) => s + '.'), weight: 3 }, { arbitrary: conclusion, weight: 1 });

const date = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 1999, max: 2031 })).map(([m, d, y]) => `${m}/${d}/${y}`),
  fc
    .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.integer({ min: 0, max: 99 }))
    .map(([m, d, y]) => `${m}-${d}-${String(y).padStart(2, '0')}`),
  fc.constantFrom('2016-02-30', '13/45/99', 'MM/DD/YYYY', ''),
);
const value = fc.oneof(
  date,
  fc.constantFrom('standard', 'expedited', 'upheld', 'overturned', 'male', 'female', '44', '-3', '200', 'California, Nevada', ''),
  fc.constantFrom(...LIBRARY_SECTIONS.map((s) => s.source.citation)),
  sentence,
);
const key = fc.oneof({ arbitrary: fc.constantFrom(...ALL_KEYS), weight: 5 }, { arbitrary: fc.constantFrom('diagnosys', 'decison', 'x', ''), weight: 1 });
const fieldLine = fc.tuple(indent, key, fc.constantFrom(': ', ':', ' : '), value).map(([i, k, c, v]) => `${i}${k}${c}${v}`);
const criterionLine = fc
  .tuple(
    indent,
    fc.oneof(fc.constantFrom(...CRITERION_IDS), fc.constantFrom('XX-01', 'LMRI-99')),
    fc.constantFrom(...STATUSES),
    fc.array(label, { maxLength: 2 }),
    fc.option(sentence, { nil: undefined }),
  )
  .map(([i, id, st, ls, note]) => `    ${i}${id}: ${st}${ls.length ? ' ' + ls.join(' ') : ''}${note ? ' ' + note : ''}`);
const criteriaBlock = fc
  .tuple(fc.oneof(fc.constantFrom(...LIBRARY_SECTIONS.map((s) => s.id)), fc.constantFrom('', 'no-such-section')), fc.array(criterionLine, { maxLength: 6 }))
  .map(([id, lines]) => [`  criteria: ${id}`, ...lines]);
const proseBlock = (head: string) => fc.array(prose, { minLength: 0, maxLength: 5 }).map((ps) => [head, ...ps.map((p) => `    ${p}`)]);
const comment = fc.oneof(
  sentence.map((s) => `-- ${s}`),
  fc.constantFrom(...['', ' syntax', ' missing-field', ' unsupported-necessity-claim'].map((c) => `-- imr-disable-next-line${c}`)),
);

const headerLine = fc.oneof(
  fc.constantFrom(...SECTION_KEYWORDS),
  fc.constantFrom(
    'case CM16-0207731',
    'case',
    'case CM00-',
    'item MRI of the lumbar spine',
    'item Physical therapy 12 visits',
    'item Norco 10/325 mg #120',
    'item',
  ),
  fc.tuple(fc.constantFrom(...SECTION_KEYWORDS), sentence).map(([k, s]) => `${k} ${s}`),
);

/** One section: its keyword line, fields, and (for items) criteria and a rationale. */
const block = fc.oneof(
  fc
    .tuple(
      headerLine,
      fc.array(
        fieldLine.map((l) => [l]),
        { maxLength: 7 },
      ),
    )
    .map(([h, fs]) => [h, ...fs.flat()]),
  fc.tuple(fc.constant('summary'), fc.array(prose, { maxLength: 6 })).map(([h, ps]) => [h, ...ps.map((p) => `  ${p}`)]),
  fc
    .tuple(
      headerLine.filter((h) => h.startsWith('item')),
      fc.array(fieldLine, { maxLength: 5 }),
      fc.option(criteriaBlock, { nil: undefined }),
      fc.option(proseBlock('  rationale'), { nil: undefined }),
    )
    .map(([h, fs, cr, ra]) => [h, ...fs, ...(cr ?? []), ...(ra ?? [])]),
  comment.map((c) => [c]),
  fc.constant(['']),
  unicodeText.map((t) => [t]),
);

/** A case file made of the language's own parts, in any order, so the parser and the rules get deep. */
export const caseText = fc
  .tuple(fc.array(block, { maxLength: 12 }), fc.constantFrom('\n', '\n', '\r\n'), fc.boolean())
  .map(([blocks, eol, finalEol]) => blocks.flat().join(eol) + (finalEol ? eol : ''));

// ---- arbitraries: mutations of the examples ----

export type Mutation =
  | { kind: 'delete' | 'duplicate'; line: number }
  | { kind: 'cut'; at: number; length: number }
  | { kind: 'swap'; line: number; other: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'truncate'; at: number }
  | { kind: 'reindent'; line: number; indent: string }
  | { kind: 'unlabel'; line: number }
  | { kind: 'non-mtus'; line: number };

const fraction = fc.integer({ min: 0, max: 10_000 });
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete' as const, 'duplicate' as const), line: fraction }),
  fc.record({ kind: fc.constant('swap' as const), line: fraction, other: fraction }),
  fc.record({ kind: fc.constant('insert' as const), at: fraction, text: fc.oneof(bytesAsText, fc.constantFrom(...PIECES), unicodeText) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fraction }),
  fc.record({ kind: fc.constant('cut' as const), at: fraction, length: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('reindent' as const), line: fraction, indent }),
  fc.record({ kind: fc.constantFrom('unlabel' as const, 'non-mtus' as const), line: fraction }),
);

// Edits an author makes that only the necessity rules notice: evidence taken
// off a criterion (criterion-without-evidence), a non-MTUS guideline cited
// for a service the MTUS covers (evidence-hierarchy). Each picks one of the
// lines it applies to; none, and the text stays as it is.
const CRITERION_LINE = /^\s+[A-Z]+-\d+:/;
const GUIDELINE_LINE = /^(\s+guideline:).*$/;

/** Applies one mutation; positions are fractions (of 10,000) of the text, so they shrink toward its start. */
export function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const lineAt = (f: number) => Math.min(lines.length - 1, Math.floor((f / 10_001) * lines.length));
  const offset = (f: number) => Math.floor((f / 10_000) * text.length);
  switch (m.kind) {
    case 'delete':
      lines.splice(lineAt(m.line), 1);
      return lines.join('\n');
    case 'duplicate':
      lines.splice(lineAt(m.line), 0, lines[lineAt(m.line)]);
      return lines.join('\n');
    case 'swap': {
      const i = lineAt(m.line);
      const j = lineAt(m.other);
      [lines[i], lines[j]] = [lines[j], lines[i]];
      return lines.join('\n');
    }
    case 'insert':
      return text.slice(0, offset(m.at)) + m.text + text.slice(offset(m.at));
    case 'truncate':
      return text.slice(0, offset(m.at));
    case 'cut':
      return text.slice(0, offset(m.at)) + text.slice(offset(m.at) + m.length);
    case 'unlabel':
    case 'non-mtus': {
      const re = m.kind === 'unlabel' ? CRITERION_LINE : GUIDELINE_LINE;
      const candidates = lines.flatMap((l, i) => (re.test(l) ? [i] : []));
      if (candidates.length === 0) return text;
      const i = candidates[Math.floor((m.line / 10_001) * candidates.length)];
      lines[i] =
        m.kind === 'unlabel'
          ? lines[i].replace(/\s*\[#[^\]]*\]/g, '')
          : lines[i].replace(GUIDELINE_LINE, '$1 Non-MTUS Citation Official Disability Guidelines, Low Back, MRIs');
      return lines.join('\n');
    }
    case 'reindent': {
      const i = lineAt(m.line);
      lines[i] = m.indent + lines[i].trimStart();
      return lines.join('\n');
    }
  }
}

/** An example, changed by one to five mutations. */
export const mutatedExample = fc
  .tuple(fc.constantFrom(...EXAMPLE_NAMES), fc.array(mutation, { minLength: 1, maxLength: 5 }))
  .map(([name, ms]) => ms.reduce(mutate, EXAMPLE_TEXTS.get(name)!));

/** Every kind of input the properties use, the case-shaped ones weighted up. */
export const anyCaseText = fc.oneof(
  { arbitrary: mutatedExample, weight: 4 },
  { arbitrary: caseText, weight: 4 },
  { arbitrary: unicodeText, weight: 1 },
  { arbitrary: bytesAsText, weight: 1 },
);
