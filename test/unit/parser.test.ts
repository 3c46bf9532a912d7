// The parser on well-formed input: the tree it builds, the exact ranges of its
// nodes, and the tolerated spellings the language specification promises
// (docs/language.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCase } from '../../server/src/service/syntax/parser';
import type { CaseFile, Range } from '../../server/src/service/syntax/ast';
import * as fs from 'fs';
import * as path from 'path';
import { SECTION_SPECS } from '../../server/src/service/schema/fields';
import { ROOT, diagnose, readExample } from '../helpers/fixtures';

const r = (line: number, start: number, end: number, endLine = line): Range => ({
  start: { line, character: start },
  end: { line: endLine, character: end },
});

test('the seed case parses with no syntax problems', () => {
  const file = parseCase(readExample('lumbar-mri-upheld.imr'));
  assert.deepEqual(file.problems, []);
  assert.deepEqual(
    file.sections.map((s) => s.kind),
    ['case', 'reviewer', 'worker', 'summary', 'item'],
  );
  assert.equal(file.items[0].criteria?.entries.length, 6);
  assert.ok(file.facts.some((f) => f.label.name === 'neuro-findings' && /strength and-or sensation/.test(f.sentence.text)));
});

// Columns are counted by hand in the comments: the test is only as good as they are.
const SMALL = [
  'case CM16-0221706', //                       0: number at 5..17
  '  organization: MAXIMUS Federal Services', // 1: key 2..14, value 16..40
  '',
  'item MRI of the knee', //                    3: service 5..20
  '  decision: upheld', //                      4: key 2..10, value 12..18
  '  criteria: knee-mri', //                    5: keyword 2..10, section 12..20
  '    KMRI-01: not met [#no-care] too early', // 6: id 4..11, status 13..20, label 21..31, note 32..41
  '  rationale', //                             7: keyword 2..11
  '    No care yet [#no-care]. Not necessary.', // 8: label 16..26
].join('\n');

test('nodes carry exact ranges', () => {
  const file = parseCase(SMALL);
  assert.deepEqual(file.problems, []);
  const header = file.header!;
  assert.deepEqual(header.keywordRange, r(0, 0, 4));
  assert.deepEqual(header.caseNumber, { value: 'CM16-0221706', range: r(0, 5, 17) });
  assert.deepEqual(header.range, r(0, 0, 40, 1));
  const org = header.fields[0];
  assert.equal(org.key, 'organization');
  assert.deepEqual(org.keyRange, r(1, 2, 14));
  assert.equal(org.value, 'MAXIMUS Federal Services');
  assert.deepEqual(org.valueRange, r(1, 16, 40));

  const item = file.items[0];
  assert.deepEqual(item.service, { value: 'MRI of the knee', range: r(3, 5, 20) });
  assert.deepEqual(
    item.fields.map((f) => [f.key, f.value]),
    [['decision', 'upheld']],
  );
  assert.deepEqual(item.fields[0].valueRange, r(4, 12, 18));
  const criteria = item.criteria!;
  assert.deepEqual(criteria.keywordRange, r(5, 2, 10));
  assert.deepEqual(criteria.section, { value: 'knee-mri', range: r(5, 12, 20) });
  const entry = criteria.entries[0];
  assert.deepEqual(entry.id, { value: 'KMRI-01', range: r(6, 4, 11) });
  assert.equal(entry.status, 'not met');
  assert.deepEqual(entry.statusText?.range, r(6, 13, 20));
  assert.deepEqual(entry.evidence, [{ name: 'no-care', range: r(6, 21, 31), nameRange: r(6, 23, 30) }]);
  assert.deepEqual(entry.note, { value: 'too early', range: r(6, 32, 41) });
  assert.deepEqual(item.rationale!.keywordRange, r(7, 2, 11));
  const prose = item.rationale!.prose;
  assert.equal(prose.text, 'No care yet. Not necessary.');
  assert.deepEqual(
    prose.labels.map((l) => [l.name, l.range, l.nameRange]),
    [['no-care', r(8, 16, 26), r(8, 18, 25)]],
  );
  assert.deepEqual(
    prose.sentences.map((s) => [s.text, s.range]),
    [
      ['No care yet.', r(8, 4, 27)],
      ['Not necessary.', r(8, 28, 42)],
    ],
  );
  assert.deepEqual(item.range, r(3, 0, 42, 8));
});

test('summary facts: a label names the sentence it follows, across line breaks', () => {
  const text = [
    'summary',
    '  She had six sessions of therapy', // 1
    '  without benefit [#failed-pt]. Exam was normal', // 2: label 18..30
    '  [#normal-exam].', // 3: label 2..16
    '',
    '  A second paragraph.',
  ].join('\n');
  const file = parseCase(text);
  assert.deepEqual(file.problems, []);
  const prose = file.summary!.prose;
  assert.equal(prose.text, 'She had six sessions of therapy without benefit. Exam was normal.\n\nA second paragraph.');
  assert.deepEqual(
    file.facts.map((f) => [f.label.name, f.label.range, f.sentence.text]),
    [
      ['failed-pt', r(2, 18, 30), 'She had six sessions of therapy without benefit.'],
      ['normal-exam', r(3, 2, 16), 'Exam was normal.'],
    ],
  );
  assert.equal(prose.paragraphs.length, 2);
  // The sentence ends at its full stop, after the label (col 30).
  assert.deepEqual(prose.sentences[0].range, r(1, 2, 31, 2));
});

test('trailing blanks do not shift the ranges of the case number, the service or inline rationale text', () => {
  const text = ['case CM16-0221706   ', 'item Knee brace \t', '  rationale: Not needed.  '].join('\n');
  const file = parseCase(text);
  assert.deepEqual(file.header!.caseNumber, { value: 'CM16-0221706', range: r(0, 5, 17) });
  assert.deepEqual(file.items[0].service, { value: 'Knee brace', range: r(1, 5, 15) });
  const prose = file.items[0].rationale!.prose;
  assert.equal(prose.text, 'Not needed.');
  assert.deepEqual(prose.sentences[0].range, r(2, 13, 24));
});

test('a colon after a section keyword is tolerated, as after rationale', () => {
  const file = parseCase(['case: CM16-0221706', 'reviewer:', '  licensure: California', 'item: Knee brace', '  rationale:', '    Not needed.'].join('\n'));
  assert.deepEqual(file.problems, []);
  assert.deepEqual(
    file.sections.map((s) => s.kind),
    ['case', 'reviewer', 'item'],
  );
  assert.deepEqual(file.header!.caseNumber, { value: 'CM16-0221706', range: r(0, 6, 18) });
  assert.deepEqual(
    file.reviewer!.fields.map((f) => f.key),
    ['licensure'],
  );
  assert.deepEqual(file.items[0].service?.range, r(3, 6, 16));
  assert.equal(file.items[0].rationale!.prose.text, 'Not needed.');
});

test('a keyword glued to other letters is not a section', () => {
  const file = parseCase('cases CM16-0221706\nsummary5\n');
  assert.deepEqual(file.sections, []);
  assert.deepEqual(
    file.problems.map((p) => [p.code, p.range]),
    [
      ['syntax', r(0, 0, 18)],
      ['syntax', r(1, 0, 8)],
    ],
  );
});

test('text after `summary` on its line is the first line of the summary, not lost', () => {
  const file = parseCase('summary The worker is 40 [#age].\n  She fell.\n');
  assert.deepEqual(file.problems, []);
  assert.equal(file.summary!.prose.text, 'The worker is 40. She fell.');
  assert.deepEqual(file.facts[0].label.range, r(0, 25, 31));
});

test('text after `reviewer` or `worker` on its line is reported where it stands', () => {
  const file = parseCase('reviewer Dr. Jones\n  licensure: California\nworker  female, 40\n');
  assert.deepEqual(
    file.problems.map((p) => [p.code, p.severity, p.range]),
    [
      ['syntax', 'error', r(0, 9, 18)],
      ['syntax', 'error', r(2, 8, 18)],
    ],
  );
  assert.match(file.problems[0].message, /indented `name: value` field/);
  assert.deepEqual(
    file.reviewer!.fields.map((f) => f.key),
    ['licensure'],
  );
});

test('`rationale-note:` is a field, not the rationale keyword', () => {
  const file = parseCase('item X\n  rationale-note: see below\n');
  assert.equal(file.items[0].rationale, undefined);
  assert.deepEqual(
    file.items[0].fields.map((f) => [f.key, f.value, f.keyRange]),
    [['rationale-note', 'see below', r(1, 2, 16)]],
  );
});

test('rationale text may start on the keyword line and continue below', () => {
  const file = parseCase('item X\n  rationale Criteria are not met.\n    X is not medically necessary.\n  decision: upheld\n');
  const item = file.items[0];
  assert.equal(item.rationale!.prose.text, 'Criteria are not met. X is not medically necessary.');
  assert.deepEqual(
    item.fields.map((f) => f.key),
    ['decision'],
  );
  assert.deepEqual(item.rationale!.range, r(1, 2, 33, 2));
});

test('criterion statuses: the four words in any case, n/a, several labels and a note', () => {
  const text = [
    'item X',
    '  criteria: opioids',
    '    OP-01: Met [#a] [#b], four As documented', // labels 15..19 and 20..24
    '    OP-02: NOT   MET',
    '    OP-03: unknown',
    '    OP-04: n/a',
    '    OP-05: not applicable -- no high dose',
    '    OP-06: maybe [#a]',
    '    OP-07',
  ].join('\n');
  const file = parseCase(text);
  const entries = file.items[0].criteria!.entries;
  assert.deepEqual(
    entries.map((e) => e.status),
    ['met', 'not met', 'unknown', 'not applicable', 'not applicable', undefined, undefined],
  );
  assert.deepEqual(
    entries[0].evidence.map((l) => [l.name, l.range]),
    [
      ['a', r(2, 15, 19)],
      ['b', r(2, 20, 24)],
    ],
  );
  assert.equal(entries[0].note?.value, 'four As documented');
  assert.equal(entries[4].note?.value, 'no high dose');
  // `maybe` is reported on the word itself, the bare id on the whole line.
  assert.deepEqual(
    file.problems.map((p) => [p.code, p.range]),
    [
      ['syntax', r(7, 11, 16)],
      ['syntax', r(8, 4, 9)],
    ],
  );
  assert.match(file.problems[0].message, /OP-06.*met, not met, unknown or not applicable.*"maybe"/);
});

test('comments are kept with their ranges and suppressions target the next content line', () => {
  const text = [
    '-- a note to self',
    'case CM16-0221706',
    '  -- imr-disable-next-line invalid-value, date-order',
    '',
    '  -- another comment',
    '  received: 13/45/2016',
  ].join('\n');
  const file = parseCase(text);
  assert.deepEqual(file.problems, []);
  assert.deepEqual(
    file.comments.map((c) => [c.text, c.range]),
    [
      ['-- a note to self', r(0, 0, 17)],
      ['-- imr-disable-next-line invalid-value, date-order', r(2, 2, 52)],
      ['-- another comment', r(4, 2, 20)],
    ],
  );
  assert.deepEqual(file.suppressions, [{ codes: ['invalid-value', 'date-order'], targetLine: 5, range: r(2, 2, 52) }]);
  assert.deepEqual(
    file.header!.fields.map((f) => f.key),
    ['received'],
  );
});

test('section keywords are case-insensitive and duplicates are all kept in source order', () => {
  const file = parseCase('CASE CM16-0221706\nItem A\nitem B\nreviewer\nReviewer\n');
  assert.deepEqual(
    file.sections.map((s) => s.kind),
    ['case', 'item', 'item', 'reviewer', 'reviewer'],
  );
  assert.equal(file.reviewer, file.sections[3]);
  assert.deepEqual(
    file.items.map((i) => i.service?.value),
    ['A', 'B'],
  );
});

/** The tree without the raw text, for comparing parses of the same content. */
function shape(file: CaseFile): unknown {
  return JSON.parse(JSON.stringify({ ...file, text: undefined, lineStarts: undefined }));
}

/** Shift every position on line 0 left by one character (undo a BOM). */
function unshiftLine0(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unshiftLine0);
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.line === 'number' && typeof o.character === 'number' && Object.keys(o).length === 2) {
      return o.line === 0 ? { line: 0, character: o.character - 1 } : o;
    }
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, unshiftLine0(v)]));
  }
  return value;
}

test('CRLF, lone CR and LF files give the same tree', () => {
  const lf = readExample('lumbar-mri-upheld.imr').replace(/\r\n?/g, '\n');
  const expected = shape(parseCase(lf));
  assert.deepEqual(shape(parseCase(lf.replace(/\n/g, '\r\n'))), expected);
  assert.deepEqual(shape(parseCase(lf.replace(/\n/g, '\r'))), expected);
});

test('a BOM gives the same tree, with line 0 counted from after the BOM character', () => {
  const lf = 'case CM15-0201234\n' + readExample('lumbar-mri-upheld.imr').replace(/\r\n?/g, '\n').split('\n').slice(5).join('\n');
  const plain = parseCase(lf);
  const withBom = parseCase('\ufeff' + lf);
  assert.equal(withBom.header!.caseNumber?.value, 'CM15-0201234');
  assert.deepEqual(withBom.header!.keywordRange, r(0, 1, 5));
  assert.deepEqual(unshiftLine0(shape(withBom)), shape(plain));
});

test('a file indented with tabs parses like one indented with spaces, without a warning', () => {
  const spaces = readExample('lumbar-mri-upheld.imr').replace(/\r\n?/g, '\n');
  const tabs = spaces.replace(/^((?:  )+)/gm, (ws: string) => '\t'.repeat(ws.length / 2));
  assert.notEqual(tabs, spaces);
  const a = parseCase(spaces);
  const b = parseCase(tabs);
  assert.deepEqual(b.problems, []);
  assert.deepEqual(
    b.sections.map((s) => [s.kind, s.fields.map((f) => [f.key, f.value])]),
    a.sections.map((s) => [s.kind, s.fields.map((f) => [f.key, f.value])]),
  );
  assert.deepEqual(
    b.items[0].criteria!.entries.map((e) => [e.id.value, e.status]),
    a.items[0].criteria!.entries.map((e) => [e.id.value, e.status]),
  );
  assert.equal(b.items[0].rationale!.prose.text, a.items[0].rationale!.prose.text);
  assert.equal(b.summary!.prose.text, a.summary!.prose.text);
});

test('the case language page: its examples parse cleanly and its complete example is the example file', () => {
  const doc = fs.readFileSync(path.join(ROOT, 'docs', 'language.md'), 'utf8');
  const blocks = [...doc.matchAll(/```imr\n([\s\S]*?)```/g)].map((m) => m[1]);
  assert.equal(blocks.length, 2);
  for (const block of blocks) {
    assert.deepEqual(parseCase(block).problems, []);
    const structural = diagnose(block).filter((d) =>
      ['syntax', 'missing-section', 'missing-field', 'unknown-field', 'invalid-value', 'unknown-reference', 'duplicate', 'date-order'].includes(d.code),
    );
    assert.deepEqual(
      structural.map((d) => d.message),
      [],
    );
  }
  const file = readExample('physical-therapy-overturned.imr').replace(/\r\n?/g, '\n');
  const withoutHeaderComments = file.replace(/^(--.*\n)+\n/, '');
  assert.equal(blocks[1], withoutHeaderComments);
});

test('the case language page names every field of fields.json', () => {
  const doc = fs.readFileSync(path.join(ROOT, 'docs', 'language.md'), 'utf8');
  for (const section of SECTION_SPECS) {
    assert.ok(doc.includes(`\`${section.keyword}`), `section ${section.keyword}`);
    for (const f of section.fields) assert.ok(doc.includes(`| \`${f.key}\` |`), `field ${f.key} has a row in the ${section.keyword} table`);
  }
});
