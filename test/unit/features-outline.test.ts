import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LanguageService } from '../../server/src/service/languageService';
import { SymbolKind, type DocumentSymbol, type Range } from '../../server/src/service/types';
import { readExample } from '../helpers/fixtures';

const SEED = readExample('lumbar-mri-upheld.imr');
const service = new LanguageService();
let version = 0;
const doc = (text: string) => ({ uri: `file:///test/outline-${++version}.imr`, version: 1, text });

/** The source text a range covers. */
function textOf(text: string, r: Range): string {
  const lines = text.split('\n');
  if (r.start.line === r.end.line) return lines[r.start.line].slice(r.start.character, r.end.character);
  return [lines[r.start.line].slice(r.start.character), ...lines.slice(r.start.line + 1, r.end.line), lines[r.end.line].slice(0, r.end.character)].join('\n');
}

const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
const inside = (inner: Range, outer: Range) => before(outer.start, inner.start) && before(inner.end, outer.end);

function checkNesting(symbols: DocumentSymbol[], parent?: DocumentSymbol) {
  for (const s of symbols) {
    assert.ok(s.name.length > 0, 'LSP refuses empty names');
    assert.ok(inside(s.selectionRange, s.range), `${s.name}: selection inside range`);
    if (parent) assert.ok(inside(s.range, parent.range), `${s.name} inside ${parent.name}`);
    checkNesting(s.children ?? [], s);
  }
}

test('the outline of the seed: the parts of the letter with exact ranges', () => {
  const symbols = service.getDocumentSymbols(doc(SEED));
  assert.deepEqual(
    symbols.map((s) => s.name),
    ['case CM15-0201234', 'reviewer', 'worker', 'summary', 'MRI of the lumbar spine without contrast as a outpatient'],
  );
  checkNesting(symbols);
  const [header, reviewer, , summary] = symbols;
  assert.equal(textOf(SEED, header.selectionRange), 'case');
  assert.ok(textOf(SEED, header.range).startsWith('case CM15-0201234\n  organization'));
  assert.ok(textOf(SEED, header.range).endsWith('decision-date: 11/06/2015'));
  assert.equal(textOf(SEED, reviewer.range), 'reviewer\n  licensure: California\n  specialty: Emergency Medicine');
  assert.deepEqual(
    reviewer.children!.map((c) => [c.name, c.detail]),
    [
      ['licensure', 'California'],
      ['specialty', 'Emergency Medicine'],
    ],
  );
  assert.ok(textOf(SEED, summary.range).endsWith('denied the request.'));
  // Facts are the summary's children, each selecting its label.
  assert.deepEqual(
    summary.children!.map((c) => c.name),
    ['[#conservative-care]', '[#radiating-pain]', '[#neuro-findings]', '[#no-prior-imaging]'],
  );
  const neuro = summary.children![2];
  assert.equal(textOf(SEED, neuro.selectionRange), '[#neuro-findings]');
  assert.match(textOf(SEED, neuro.range), /^There were abnormalities noted in strength/);
  assert.equal(neuro.kind, SymbolKind.Event);
});

test('an item is named by its service, with its decision as detail and criteria and rationale as children', () => {
  const item = service.getDocumentSymbols(doc(SEED))[4];
  assert.equal(item.detail, 'Upheld');
  assert.equal(item.kind, SymbolKind.Class);
  assert.equal(textOf(SEED, item.selectionRange), 'MRI of the lumbar spine without contrast as a outpatient');
  assert.ok(textOf(SEED, item.range).endsWith('MRI of lumbar spine is not medically necessary.'));
  assert.deepEqual(
    item.children!.map((c) => c.name),
    ['decision', 'claims-administrator', 'guideline', 'criteria', 'rationale'],
  );
  const criteria = item.children![3];
  assert.equal(criteria.detail, 'low-back-mri');
  assert.deepEqual(
    criteria.children!.map((c) => `${c.name} ${c.detail}`),
    ['LMRI-01 not met', 'LMRI-02 not met', 'LMRI-03 unknown', 'LMRI-04 not applicable', 'LMRI-05 not met', 'LMRI-06 not applicable'],
  );
  assert.equal(textOf(SEED, criteria.children![1].range), 'LMRI-02: not met [#conservative-care]');
  const rationale = item.children![4];
  assert.equal(textOf(SEED, rationale.selectionRange), 'rationale');
  assert.ok(textOf(SEED, rationale.range).endsWith('not medically necessary.'));
});

test('incomplete cases still give a valid outline', () => {
  const text = 'item\n  decision: overturned\n\nitem Acupuncture\n  rationale\n';
  const symbols = service.getDocumentSymbols(doc(text));
  assert.deepEqual(
    symbols.map((s) => [s.name, s.detail]),
    [
      ['item (no service named)', 'Overturned'],
      ['Acupuncture', 'no decision'],
    ],
  );
  checkNesting(symbols);
  assert.deepEqual(service.getDocumentSymbols(doc('')), []);
  assert.deepEqual(service.getDocumentSymbols(doc('-- only a comment\n')), []);
  assert.equal(service.getDocumentSymbols(doc('case\n')).at(0)?.name, 'case');
});

test('folding: each part, the criteria and rationale blocks, and runs of comments', () => {
  const folds = service.getFoldingRanges(doc(SEED));
  const lines = SEED.split('\n');
  const lineOf = (prefix: string) => lines.findIndex((l) => l.startsWith(prefix));
  const last = lines.length - 2; // the file ends with a newline
  const expect = [
    { startLine: 0, endLine: 2, kind: 'comment' },
    { startLine: lineOf('case'), endLine: lineOf('  decision-date') },
    { startLine: lineOf('reviewer'), endLine: lineOf('  specialty') },
    { startLine: lineOf('worker'), endLine: lineOf('  diagnosis') },
    { startLine: lineOf('summary'), endLine: lineOf('  MRI. The Utilization') },
    { startLine: lineOf('item'), endLine: last },
    { startLine: lineOf('  criteria'), endLine: lineOf('    LMRI-06') },
    { startLine: lineOf('  rationale'), endLine: last },
  ];
  assert.deepEqual(
    folds,
    expect.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine),
  );
});

test('folding leaves out one-line parts and single comments', () => {
  const text = '-- one comment\ncase CM15-0201234\n\nreviewer\n  licensure: California\n-- a\n-- b\n\n-- c\n';
  assert.deepEqual(service.getFoldingRanges(doc(text)), [
    { startLine: 3, endLine: 4 },
    { startLine: 5, endLine: 6, kind: 'comment' },
  ]);
  assert.deepEqual(service.getFoldingRanges(doc('')), []);
});
