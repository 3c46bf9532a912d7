// The audit view of an imported letter: a case the importer marked
// (`imported-from:`) leaves out the findings that only say the letter is not
// written in the case language; the same case without the mark gets them.
// Also the names an imported case is offered under, the kinds `imr import`
// prints, dependent items, and the per-code table of a batch check.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { importLetter } from '../../server/src/service/import/index';
import { caseFileName } from '../../server/src/service/import/caseName';
import { NOTE_KINDS } from '../../server/src/service/import/noteKinds';
import { AUDIT_VIEW } from '../../server/src/service/rules/auditView';
import { restsOnAnotherItem } from '../../server/src/service/import/dependency';
import { codeTable } from '../../cli/src/check/format/summary';
import { LanguageService } from '../../server/src/service/languageService';
import { corpusSkip, ROOT, SEED_LETTER, SHARED } from '../helpers/fixtures';

const LETTERS = path.join(SHARED, 'corpus', 'letters');
const codes = (text: string) => new LanguageService().getDiagnostics({ uri: 'file:///audit.imr', version: 1, text }).map((d) => d.code);

test('the audit view data names codes with a reason, and its conditions are objects', () => {
  assert.equal(AUDIT_VIEW.marker, 'imported-from');
  assert.ok(AUDIT_VIEW.off.length >= 2);
  for (const e of AUDIT_VIEW.off) assert.ok(e.code && e.why.length > 20, e.code);
});

test('an imported case leaves out unused labels and per-item criteria findings; unmarked, it has them', () => {
  const r = importLetter(fs.readFileSync(SEED_LETTER, 'utf8'), { sourceName: 'seed.txt' });
  assert.match(r.text, /^ {2}imported-from: seed\.txt$/m);
  const marked = codes(r.text);
  const unmarked = codes(r.text.replace(/^ {2}imported-from: .*\n/m, ''));
  assert.ok(unmarked.includes('unused-label') && unmarked.includes('unsupported-necessity-claim'), unmarked.join(' '));
  assert.ok(!marked.includes('unused-label') && !marked.includes('unsupported-necessity-claim'), marked.join(' '));
  // What is about the letter's reasoning stays.
  assert.ok(marked.includes('contradicts-record'), marked.join(' '));
});

test('in an imported case an item that cites no guideline is still reported', () => {
  const r = importLetter(fs.readFileSync(SEED_LETTER, 'utf8'), { sourceName: 'seed.txt' });
  const noGuideline = r.text.replace(/^ {2}guideline: .*\n/m, '');
  assert.ok(codes(noGuideline).includes('unsupported-necessity-claim'));
});

test('the untitled imported case is named by its case number, else by the letter', () => {
  assert.equal(caseFileName('-- Imported from the letter x.txt\n\ncase CM16-0213037\n  imported-from: x.txt\n', 'x.txt'), 'CM16-0213037.imr');
  assert.equal(caseFileName('case\n', 'Letter of 12 May.pdf'), 'Letter-of-12-May.imr');
  assert.equal(caseFileName('', undefined), 'imported-letter.imr');
});

test('every note the importer writes has a kind for stderr, quoting nothing', () => {
  const dir = path.join(ROOT, 'server', 'src', 'service', 'import');
  const written = new Set<string>();
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.ts')))
    for (const m of fs.readFileSync(path.join(dir, f), 'utf8').matchAll(/note\(\s*'(import-[a-z-]+)'/g)) written.add(m[1]);
  assert.ok(written.size >= 10);
  assert.deepEqual(
    [...written].filter((c) => !NOTE_KINDS[c]),
    [],
  );
  for (const k of Object.values(NOTE_KINDS)) assert.ok(!/\$\{/.test(k));
});

test('a rationale decided by the surgery it serves makes the item depend on that surgery', () => {
  assert.ok(
    restsOnAnotherItem(
      'As the requested surgical intervention is not medically necessary per the documentation, the requested ancillary service is not medically necessary.',
    ),
  );
  assert.ok(restsOnAnotherItem('Since the requested surgery is medically necessary, the associated post-operative therapy is medically necessary.'));
  assert.ok(!restsOnAnotherItem('As the guidelines recommend imaging only for red flags, the MRI is not medically necessary.'));
});

test('the per-code table counts findings and files, most frequent first', () => {
  const d = (code: string, severity: 'error' | 'warning' | 'hint') => ({
    code,
    severity,
    message: '',
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  });
  const table = codeTable([
    { file: 'a.imr', diagnostics: [d('x-code', 'warning'), d('x-code', 'warning'), d('y', 'error')] },
    { file: 'b.imr', diagnostics: [d('x-code', 'hint')] },
  ]);
  const lines = table.trim().split('\n');
  assert.equal(lines[0], 'Findings by code:');
  assert.match(lines[2], /^ {2}x-code\s+0\s+2\s+1\s+2$/);
  assert.match(lines[3], /^ {2}y\s+1\s+0\s+0\s+1$/);
  assert.equal(codeTable([{ file: 'a.imr', diagnostics: [d('y', 'error')] }]), '');
});

test('on the 150 letters, imported cases hold no unused-label and almost no per-item necessity finding', { skip: corpusSkip || undefined }, () => {
  const service = new LanguageService();
  const count = new Map<string, number>();
  let total = 0;
  for (const n of fs.readdirSync(LETTERS).filter((x) => x.endsWith('.txt'))) {
    const r = importLetter(fs.readFileSync(path.join(LETTERS, n), 'utf8'), { sourceName: n });
    const uri = `file:///audit/${n}.imr`;
    for (const diag of service.getDiagnostics({ uri, version: 1, text: r.text })) {
      count.set(diag.code, (count.get(diag.code) ?? 0) + 1);
      total++;
    }
    service.forget(uri);
  }
  const noise = (count.get('unused-label') ?? 0) + (count.get('unsupported-necessity-claim') ?? 0);
  assert.equal(count.get('unused-label') ?? 0, 0);
  assert.ok(noise < 0.1 * total, `${noise} of ${total} findings are unused-label or unsupported-necessity-claim`);
  assert.ok(total > 0);
});
