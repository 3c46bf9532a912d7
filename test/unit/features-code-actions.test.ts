import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LanguageService } from '../../server/src/service/languageService';
import { parseCase } from '../../server/src/service/syntax/parser';
import type { ImrDiagnostic } from '../../server/src/service/types';
import { readExample } from '../helpers/fixtures';
import { applyEdits } from '../helpers/edits';

const SEED = readExample('lumbar-mri-upheld.imr');
const service = new LanguageService();
let version = 0;
const doc = (text: string) => ({ uri: `file:///test/actions-${++version}.imr`, version: 1, text });
const WHOLE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Diagnostics of `text`, the fixes offered for those with `code`, and the text after applying the first fix. */
function fixFirst(text: string, code: string, match: (d: ImrDiagnostic) => boolean = () => true) {
  const d = doc(text);
  const diagnostics = service.getDiagnostics(d).filter((x) => x.code === code && match(x));
  assert.ok(diagnostics.length > 0, `expected a ${code} diagnostic`);
  // Round-trip through JSON as the LSP client does.
  const sent = JSON.parse(JSON.stringify(diagnostics.slice(0, 1))) as ImrDiagnostic[];
  const actions = service.getCodeActions(d, sent[0].range, sent);
  assert.ok(actions.length > 0, `expected a fix for ${code}`);
  return { actions, fixed: applyEdits(text, actions[0].edits) };
}

const dropLines = (text: string, re: RegExp) =>
  text
    .split('\n')
    .filter((l) => !re.test(l))
    .join('\n');

function sectionLines(text: string, keyword: string): RegExp {
  // Lines of one section of the seed: its keyword line up to the next blank line.
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith(keyword));
  let end = start;
  while (end < lines.length && lines[end].trim() !== '') end++;
  const doomed = new Set(lines.slice(start, end + 1));
  return { test: (l: string) => doomed.has(l) } as unknown as RegExp;
}

test('the quick-fix for a deleted licensure line restores the field after the last reviewer field', () => {
  const text = dropLines(SEED, /^\s*licensure:/);
  const { actions, fixed } = fixFirst(text, 'missing-field', (d) => d.data?.key === 'licensure');
  assert.equal(actions.length, 1);
  assert.ok(actions[0].edits.every((e) => e.snippet));
  assert.match(fixed, /^reviewer\n {2}specialty: Emergency Medicine\n {2}licensure: state of licensure\n/m);
  const after = service.getDiagnostics(doc(fixed));
  assert.ok(!after.some((d) => d.code === 'missing-field'));
  assert.ok(!after.some((d) => d.code === 'syntax' || d.code === 'indentation'));
});

test('every required field of the seed, once deleted, is restored by its quick-fix', () => {
  const required: [string, RegExp][] = [
    ['organization', /^ {2}organization:/],
    ['priority', /^ {2}priority:/],
    ['received', /^ {2}received:/],
    ['ur-date', /^ {2}ur-date:/],
    ['specialty', /^ {2}specialty:/],
    ['age', /^ {2}age:/],
    ['sex', /^ {2}sex:/],
    ['injury-date', /^ {2}injury-date:/],
    ['diagnosis', /^ {2}diagnosis:/],
    ['decision', /^ {2}decision:/],
    ['claims-administrator', /^ {2}claims-administrator:/],
    ['guideline', /^ {2}guideline:/],
  ];
  for (const [key, re] of required) {
    const text = dropLines(SEED, re);
    const { fixed } = fixFirst(text, 'missing-field', (d) => d.data?.key === key);
    const after = service.getDiagnostics(doc(fixed));
    assert.ok(!after.some((d) => d.code === 'missing-field'), `${key}: still missing`);
    assert.ok(!after.some((d) => d.code === 'syntax' || d.code === 'unknown-field'), `${key}: fix broke the file`);
    assert.equal(parseCase(fixed).sections.length, 5, key);
  }
});

test('a deleted rationale is restored at the end of the item, after the criteria block', () => {
  const lines = SEED.split('\n');
  const start = lines.findIndex((l) => /^ {2}rationale$/.test(l));
  const text = lines.slice(0, start).join('\n') + '\n';
  const { fixed } = fixFirst(text, 'missing-field', (d) => d.data?.key === 'rationale');
  const file = parseCase(fixed);
  const item = file.items[0];
  assert.ok(item.rationale, 'rationale is back');
  assert.ok(item.rationale.keywordRange.start.line > item.criteria!.range.end.line);
  assert.equal(item.criteria!.entries.length, 6, 'criteria untouched');
  assert.match(item.rationale.prose.text, /guideline/);
  assert.ok(!service.getDiagnostics(doc(fixed)).some((d) => d.code === 'missing-field' || d.code === 'syntax'));
});

test('each deleted part of the letter is re-inserted where the canonical order puts it', () => {
  for (const keyword of ['case', 'reviewer', 'worker', 'summary', 'item']) {
    const text = dropLines(SEED, sectionLines(SEED, keyword));
    assert.ok(!parseCase(text).sections.some((s) => s.kind === keyword), keyword);
    const { fixed } = fixFirst(text, 'missing-section', (d) => d.data?.section === keyword);
    const file = parseCase(fixed);
    assert.deepEqual(
      file.sections.map((s) => s.kind),
      ['case', 'reviewer', 'worker', 'summary', 'item'],
      keyword,
    );
    const after = service.getDiagnostics(doc(fixed));
    assert.ok(!after.some((d) => d.code === 'missing-section' || d.code === 'missing-field'), `${keyword}: ${after.map((d) => d.code)}`);
    assert.ok(!after.some((d) => d.code === 'syntax' || d.code === 'indentation'), keyword);
  }
});

test("missing parts and fields follow the file's own indentation and line endings", () => {
  const text =
    'case CM15-0201234\r\n    organization: MAXIMUS Federal Services\r\n    priority: standard\r\n    received: 10/14/2015\r\n    ur-date: 10/02/2015\r\n';
  const { fixed } = fixFirst(text, 'missing-section', (d) => d.data?.section === 'reviewer');
  assert.match(fixed, /\r\nreviewer\r\n {4}licensure: state of licensure\r\n {4}specialty: board certification or specialty\r\n/);
  assert.ok(!/[^\r]\n/.test(fixed), 'only CRLF line breaks');
  // A file with lone CR line ends (old Mac editors; the parser reads them) keeps them.
  const { fixed: cr } = fixFirst(text.replace(/\r\n/g, '\r'), 'missing-section', (d) => d.data?.section === 'reviewer');
  assert.match(cr, /\rreviewer\r {4}licensure: state of licensure\r {4}specialty: board certification or specialty\r/);
  assert.ok(!cr.includes('\n'), 'only CR line breaks');
  const tabbed = 'reviewer\n\tspecialty: Emergency Medicine\n';
  const { fixed: f2 } = fixFirst(tabbed, 'missing-field', (d) => d.data?.key === 'licensure');
  assert.equal(f2, 'reviewer\n\tspecialty: Emergency Medicine\n\tlicensure: state of licensure\n');
});

test('a case header without its number gets a number placeholder', () => {
  const text = SEED.replace('case CM15-0201234', 'case');
  const { fixed } = fixFirst(text, 'missing-field', (d) => d.data?.key === 'case-number');
  assert.match(fixed, /^case CM00-0000000$/m);
  assert.ok(!service.getDiagnostics(doc(fixed)).some((d) => d.code === 'missing-field'));
});

test('an unknown field with a likely intent is renamed to it', () => {
  const text = SEED.replace('  decision: upheld', '  decison: upheld');
  const { actions, fixed } = fixFirst(text, 'unknown-field');
  assert.equal(actions[0].title, 'Change to "decision"');
  assert.equal(fixed, SEED);
});

test('an invalid enum value is offered every allowed value', () => {
  const text = SEED.replace('  decision: upheld', '  decision: uphold');
  const { actions } = fixFirst(text, 'invalid-value', (d) => d.data?.key === 'decision');
  assert.deepEqual(
    actions.map((a) => a.title),
    ['Change decision to "upheld"', 'Change decision to "overturned"'],
  );
  assert.equal(applyEdits(text, actions[0].edits), SEED);
  assert.equal(applyEdits(text, actions[1].edits), SEED.replace('decision: upheld', 'decision: overturned'));
  const empty = SEED.replace('  priority: standard', '  priority:');
  const { fixed } = fixFirst(empty, 'invalid-value', (d) => d.data?.key === 'priority');
  assert.equal(fixed, SEED);
});

test('an unknown fact reference is changed to the near label', () => {
  const text = SEED.replace('LMRI-02: not met [#conservative-care]', 'LMRI-02: not met [#conservative-cares]');
  const { actions, fixed } = fixFirst(text, 'unknown-reference');
  assert.equal(actions[0].title, 'Change to [#conservative-care]');
  assert.equal(fixed, SEED);
});

test('no fix is offered without the data it needs, for other codes, or once the problem is gone', () => {
  const d = doc(SEED);
  const r = { start: { line: 4, character: 0 }, end: { line: 4, character: 4 } };
  const made = (code: string, data?: Record<string, unknown>): ImrDiagnostic => ({ code, severity: 'error', message: 'x', range: r, data });
  assert.deepEqual(service.getCodeActions(d, WHOLE, [made('unknown-field'), made('unknown-reference'), made('invalid-value'), made('date-order')]), []);
  // Stale: the field and the section are present in the current text.
  assert.deepEqual(service.getCodeActions(d, WHOLE, [made('missing-field', { section: 'case', key: 'priority', line: 4 })]), []);
  assert.deepEqual(service.getCodeActions(d, WHOLE, [made('missing-section', { section: 'worker' })]), []);
  assert.deepEqual(service.getCodeActions(d, WHOLE, [made('missing-field', { section: 'case', key: 'no-such-field', line: 4 })]), []);
  assert.deepEqual(service.getCodeActions(d, WHOLE, []), []);
});

test('code actions never throw, on garbage input or from a broken contributor', () => {
  const weird = [
    { code: 'missing-field', severity: 'error', message: '', range: WHOLE, data: { section: 42, key: null, line: 'x' } },
  ] as unknown as ImrDiagnostic[];
  assert.deepEqual(service.getCodeActions(doc('\u0000[#\r\n\titem'), WHOLE, weird), []);
  service.registerCodeActionContributor(() => {
    throw new Error('contributor bug');
  });
  let seen = 0;
  service.registerCodeActionContributor((_ctx, req) => {
    seen++;
    return req.diagnostics.some((x) => x.code === 'test-contributed') ? [{ title: 'contributed', kind: 'quickfix', edits: [] }] : [];
  });
  const actions = service.getCodeActions(doc(SEED), WHOLE, [{ code: 'test-contributed', severity: 'hint', message: '', range: WHOLE }]);
  assert.deepEqual(
    actions.map((a) => a.title),
    ['contributed'],
  );
  assert.equal(seen, 1);
});

test('a missing part goes above the comments written over the next part; a field of an empty part under its keyword', () => {
  const text = 'case CM15-0201234\n  organization: X\n\n-- the worker, from the application\nworker\n  age: 55\n';
  const { fixed } = fixFirst(text, 'missing-section', (d) => d.data?.section === 'reviewer');
  assert.ok(
    fixed.startsWith(
      'case CM15-0201234\n  organization: X\n\nreviewer\n  licensure: state of licensure\n  specialty: board certification or specialty\n\n-- the worker, from the application\nworker\n',
    ),
    fixed,
  );
  const bare = 'reviewer\n\nworker\n  age: 55\n';
  const { fixed: f2 } = fixFirst(bare, 'missing-field', (d) => d.data?.key === 'specialty');
  assert.equal(f2, 'reviewer\n  specialty: board certification or specialty\n\nworker\n  age: 55\n');
});
