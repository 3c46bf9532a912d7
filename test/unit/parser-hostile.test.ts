// The parser on input a physician never meant to write: it must not throw, must
// keep every range inside the document, and must not let one broken line hide
// the rest of the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCase } from '../../server/src/service/syntax/parser';
import { computeLineStarts } from '../../server/src/service/syntax/positions';
import type { CaseFile, Position, Range } from '../../server/src/service/syntax/ast';
import { diagnose, readExample } from '../helpers/fixtures';
import { prng as rng } from '../helpers/random';

const SEED = readExample('lumbar-mri-upheld.imr');

/** Every {start,end} range anywhere in `value`. */
function collectRanges(value: unknown, out: Range[] = []): Range[] {
  if (Array.isArray(value)) for (const v of value) collectRanges(v, out);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (isPos(o.start) && isPos(o.end)) out.push(o as unknown as Range);
    for (const [k, v] of Object.entries(o)) if (k !== 'text' && k !== 'lineStarts') collectRanges(v, out);
  }
  return out;
}
function isPos(v: unknown): v is Position {
  return !!v && typeof (v as Position).line === 'number' && typeof (v as Position).character === 'number';
}

/** Asserts each range lies inside the text, line by line, with start before end. */
function assertRangesInside(text: string, ranges: Range[], what: string): void {
  const starts = computeLineStarts(text);
  const lineLength = (line: number) => {
    const end = line + 1 < starts.length ? starts[line + 1] : text.length;
    let e = end;
    while (e > starts[line] && (text[e - 1] === '\n' || text[e - 1] === '\r')) e--;
    return e - starts[line];
  };
  // Messages are built only on failure: a 5 MB file has a million ranges.
  for (const rg of ranges) {
    for (const p of [rg.start, rg.end]) {
      if (!(p.line >= 0 && p.line < starts.length)) assert.fail(`${what}: line ${p.line} outside 0..${starts.length - 1}`);
      if (!(p.character >= 0 && p.character <= lineLength(p.line))) assert.fail(`${what}: character ${p.character} outside line ${p.line}`);
    }
    if (!(rg.start.line < rg.end.line || (rg.start.line === rg.end.line && rg.start.character <= rg.end.character)))
      assert.fail(`${what}: range ends before it starts`);
  }
}

function checkHostile(text: string, what: string): CaseFile {
  const file = parseCase(text);
  assert.ok(!file.problems.some((p) => /could not read/.test(p.message)), `${what}: the parser hit its catch-all`);
  assertRangesInside(text, collectRanges(file), `${what} (tree)`);
  const diags = diagnose(text);
  assertRangesInside(
    text,
    diags.map((d) => d.range),
    `${what} (diagnostics)`,
  );
  return file;
}

test('random bytes and binary content neither throw nor leave the document', () => {
  const next = rng(42);
  for (let i = 0; i < 20; i++) {
    const bytes = Buffer.from(Array.from({ length: 2000 }, () => Math.floor(next() * 256)));
    checkHostile(bytes.toString('utf8'), `utf8 bytes #${i}`);
    checkHostile(bytes.toString('latin1'), `latin1 bytes #${i}`);
  }
  checkHostile('\u0000\u0001\u0002case\u0000 CM\n\u0000  x: y\n', 'NUL characters');
});

test('empty, whitespace-only and BOM-only files', () => {
  for (const text of ['', '\ufeff', '\ufeff\n', '\n\n\n', '   \t  ', '\r', '\r\r\n\n', '--', '-- imr-disable-next-line']) {
    const file = checkHostile(text, JSON.stringify(text));
    assert.deepEqual(file.sections, []);
  }
  assert.deepEqual(parseCase('\ufeff').problems, []);
});

test('a 5 MB file parses and every range stays inside it', () => {
  const big = SEED.repeat(Math.ceil(5_000_000 / SEED.length));
  const file = checkHostile(big, '5 MB of repeated cases');
  assert.equal(file.items.length, Math.ceil(5_000_000 / SEED.length));
});

test('very long lines: a megabyte of blanks inside a field, prose and a criterion line', () => {
  const blanks = ' '.repeat(1_000_000);
  const text = `case CM16-0221706\n  organization: a${blanks}b\nsummary\n  Dots${'.'.repeat(200_000)}x and${blanks}more [#fact].\nitem X\n  criteria: s\n    A-1: met${blanks}note\n  rationale\n  ${'Dr. '.repeat(100_000)}\n`;
  const file = checkHostile(text, 'long lines');
  assert.equal(file.header!.fields[0].value, `a${blanks}b`);
  assert.equal(file.items[0].criteria!.entries[0].note?.value, 'note');
  assert.equal(file.facts[0].label.name, 'fact');
});

test('unicode: astral characters, combining marks and right-to-left text keep UTF-16 columns', () => {
  const text = 'case CM16-0221706\nworker\n  diagnosis: 😀 é café שלום\nsummary\n  Pain 😀😀 in the knee [#knee].\n';
  const file = checkHostile(text, 'unicode');
  assert.equal(file.worker!.fields[0].value, '😀 é café שלום');
  // Two emoji are four UTF-16 code units: the label starts at 2 + "Pain 😀😀 in the knee ".length.
  const col = 2 + 'Pain 😀😀 in the knee '.length;
  assert.deepEqual(file.facts[0].label.range, { start: { line: 4, character: col }, end: { line: 4, character: col + 7 } });
});

test('deeply weird indentation never throws and keeps the sections', () => {
  const lines = SEED.split(/\r?\n/);
  const next = rng(7);
  const weird = lines
    .map((l) => (l.trim() && /^\s/.test(l) ? ' \t'.slice(0, 1 + Math.floor(next() * 2)).repeat(1 + Math.floor(next() * 40)) + l.trim() : l))
    .join('\n');
  const file = checkHostile(weird, 'weird indentation');
  assert.deepEqual(
    file.sections.map((s) => s.kind),
    ['case', 'reviewer', 'worker', 'summary', 'item'],
  );
  checkHostile(' '.repeat(5000) + 'case X\n' + '\t'.repeat(5000) + 'item Y\n', 'huge indents');
});

test('a syntax error on line 3 does not hide a later item', () => {
  const text = [
    'case CM16-0221706',
    '  organization: MAXIMUS Federal Services',
    'this line is not a keyword ]][[#',
    '  priority: standard',
    'item Knee MRI',
    '  decision: upheld',
    '  rationale',
    '    Not needed.',
  ].join('\n');
  const file = parseCase(text);
  assert.deepEqual(
    file.problems.map((p) => [p.code, p.range.start.line]),
    [['syntax', 2]],
  );
  assert.deepEqual(
    file.header!.fields.map((f) => f.key),
    ['organization', 'priority'],
  );
  assert.equal(file.items.length, 1);
  assert.equal(file.items[0].service?.value, 'Knee MRI');
  assert.equal(file.items[0].rationale!.prose.text, 'Not needed.');
});

test('a malformed label in prose is reported and the rest of the summary still yields facts', () => {
  const text = 'summary\n  A sentence [#broken. Another sentence [#ok].\n';
  const file = parseCase(text);
  assert.deepEqual(
    file.problems.map((p) => [p.code, p.range]),
    [['syntax', { start: { line: 1, character: 13 }, end: { line: 1, character: 46 } }]],
  );
  assert.deepEqual(
    file.facts.map((f) => f.label.name),
    ['ok'],
  );
});

test('mixed tabs and spaces give one indentation warning at the first offending line and the sections still parse', () => {
  const text = [
    'case CM16-0221706',
    '  organization: MAXIMUS Federal Services',
    '\tpriority: standard',
    'reviewer',
    ' \tlicensure: California',
    'item X',
    '\tdecision: upheld',
  ].join('\n');
  const file = parseCase(text);
  assert.deepEqual(
    file.problems.map((p) => [p.code, p.severity, p.range]),
    [['indentation', 'warning', { start: { line: 2, character: 0 }, end: { line: 2, character: 1 } }]],
  );
  assert.match(file.problems[0].message, /tabs while earlier lines use spaces/);
  assert.deepEqual(
    file.sections.map((s) => [s.kind, s.fields.map((f) => f.key)]),
    [
      ['case', ['organization', 'priority']],
      ['reviewer', ['licensure']],
      ['item', ['decision']],
    ],
  );
});

test('a line indented with both a tab and spaces is itself reported', () => {
  const file = parseCase('reviewer\n \t licensure: California\n');
  assert.deepEqual(
    file.problems.map((p) => [p.code, p.range]),
    [['indentation', { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } }]],
  );
  assert.match(file.problems[0].message, /both tabs and spaces/);
});

test('consistent indentation gives no indentation warning', () => {
  assert.deepEqual(parseCase(SEED).problems, []);
  assert.deepEqual(parseCase('reviewer\n\tlicensure: California\n\tspecialty: Surgery\n').problems, []);
});

test('a line that begins with a non-breaking space (pasted text) is reported as such, not as text at the left margin', () => {
  for (const space of ['\u00a0', '\u2003', '\ufeff']) {
    const file = parseCase(`summary\n  She had therapy.\n${space} Exam showed weakness.\n  MRI was requested.\n`);
    assert.equal(file.problems.length, 1, JSON.stringify(space));
    const p = file.problems[0];
    assert.equal(p.code, 'syntax');
    assert.deepEqual(p.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 1 } });
    assert.match(p.message, /non-breaking or other special space.*ordinary spaces so the line belongs to the clinical case summary/);
    assert.doesNotMatch(p.message, /left margin/);
    // The lines around it still belong to the summary.
    assert.equal(file.summary!.prose.text, 'She had therapy. MRI was requested.');
  }
});

test('a broken label in a criterion line is a syntax error, as in prose, not a silent note', () => {
  const text =
    'item MRI\n  criteria: low-back-mri\n    LMRI-01: not met [#neuro findings]\n    LMRI-02: met [#care] [#therapy\n    LMRI-03: met [#care] tried for six weeks\n';
  const file = parseCase(text);
  const broken = file.problems.filter((p) => /A fact label is written `\[#name\]`/.test(p.message));
  assert.deepEqual(
    broken.map((p) => [p.code, p.range]),
    [
      ['syntax', { start: { line: 2, character: 21 }, end: { line: 2, character: 38 } }],
      ['syntax', { start: { line: 3, character: 25 }, end: { line: 3, character: 34 } }],
    ],
  );
  // The well-formed ones are still evidence, and the note of the third line is kept.
  const entries = file.items[0].criteria!.entries;
  assert.deepEqual(
    entries.map((e) => e.evidence.map((l) => l.name)),
    [[], ['care'], ['care']],
  );
  assert.equal(entries[2].note?.value, 'tried for six weeks');
  assert.equal(file.problems.length, 2);
});
