// Hover, completion and quick-fixes of the necessity analysis, through the
// language service as the editor calls it. A quick-fix is tested by applying
// its edits and checking that the diagnostic it fixes is gone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LanguageService } from '../../server/src/service/languageService';
import type { CodeAction, ImrDiagnostic, Position, TextEdit } from '../../server/src/service/types';
import { readExample } from '../helpers/fixtures';
import { CLEAN_CASE, necessityDiagnostics, variant } from '../helpers/necessityCases';

let n = 0;
const doc = (text: string) => ({ uri: `file:///features/${++n}.imr`, version: 1, text });

function positionOf(text: string, needle: string, offsetInNeedle = 0): Position {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `fixture lacks ${needle}`);
  const before = text.slice(0, i + offsetInNeedle).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

function offset(text: string, p: Position): number {
  const lines = text.split('\n');
  let o = 0;
  for (let l = 0; l < p.line; l++) o += lines[l].length + 1;
  return o + p.character;
}

function apply(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => offset(text, b.range.start) - offset(text, a.range.start));
  let out = text;
  for (const e of sorted) {
    const newText = e.snippet ? e.newText.replace(/\$\{\d+:([^}]*)\}/g, '$1') : e.newText;
    out = out.slice(0, offset(out, e.range.start)) + newText + out.slice(offset(out, e.range.end));
  }
  return out;
}

function actionsFor(text: string, code: string, kind?: string): { diag: ImrDiagnostic; actions: CodeAction[] } {
  const service = new LanguageService();
  const d = doc(text);
  const diag = service.getDiagnostics(d).find((x) => x.code === code && (!kind || x.data?.kind === kind));
  assert.ok(diag, `expected ${code}`);
  // As the editor sends it back: JSON round trip.
  const sent = JSON.parse(JSON.stringify(diag));
  return { diag, actions: service.getCodeActions(d, sent.range, [sent]).filter((a) => a.diagnostics?.some((x) => x.code === code)) };
}

const codesOf = (text: string) => necessityDiagnostics(text).map((d) => d.code);

test('hover on a criterion id shows its text, source, limits and whether it decides', () => {
  const text = readExample('lumbar-mri-upheld.imr');
  const h = new LanguageService().getHover(doc(text), positionOf(text, 'LMRI-01: not met', 2));
  assert.ok(h);
  assert.match(h.contents.value, /\*\*LMRI-01\*\*/);
  assert.match(h.contents.value, /MTUS Low Back Complaints 2004/);
  assert.match(h.contents.value, /Decides the request: low-back-mri is met by LMRI-05 or \(LMRI-01 and LMRI-02 and LMRI-03\); when no branch is met/);
  const pt = CLEAN_CASE.replace('item MRI of the lumbar spine', 'item Physical therapy 12 visits')
    .replace('criteria: low-back-mri', 'criteria: physical-therapy')
    .replace('LMRI-01: met [#neuro-deficit]', 'PT-02: unknown');
  const h2 = new LanguageService().getHover(doc(pt), positionOf(pt, 'PT-02: unknown', 1));
  assert.match(h2!.contents.value, /9 to 10 visits over 8 weeks/);
});

test('hover says when a criterion is unverified, and describes a section id', () => {
  const text = CLEAN_CASE.replace('criteria: low-back-mri', 'criteria: shoulder-mri').replace('LMRI-01: met [#neuro-deficit]', 'SMRI-01: unknown');
  const h = new LanguageService().getHover(doc(text), positionOf(text, 'SMRI-01', 3));
  assert.match(h!.contents.value, /Unverified/);
  const s = new LanguageService().getHover(doc(CLEAN_CASE), positionOf(CLEAN_CASE, 'low-back-mri', 4));
  assert.match(s!.contents.value, /MRI of the lumbar spine/);
  assert.match(s!.contents.value, /LMRI-06/);
});

test('completion offers the criteria of the cited section not yet listed', () => {
  const text = variant(['    LMRI-06: not applicable\n', '    LM\n']);
  const items = new LanguageService().getCompletions(doc(text), positionOf(text, '    LM\n', 6));
  const labels = items.map((i) => i.label);
  assert.ok(labels.includes('LMRI-06'), JSON.stringify(labels));
  assert.ok(!labels.includes('LMRI-01'));
  assert.equal(items.find((i) => i.label === 'LMRI-06')!.textEdit!.newText, 'LMRI-06: ');
});

test('completion after criteria: puts the sections matching the service first', () => {
  const text = variant(['criteria: low-back-mri', 'criteria: ']);
  const items = new LanguageService().getCompletions(doc(text), positionOf(text, 'criteria: ', 10));
  const sorted = items.filter((i) => i.kind === 12).sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
  assert.equal(sorted[0].label, 'low-back-mri');
  assert.ok(sorted.length >= 20);
});

test('completion after [# in a criterion line ranks the facts that bear on the criterion', () => {
  const text = variant(['LMRI-03: met [#surgery]', 'LMRI-03: met [#']);
  const items = new LanguageService().getCompletions(doc(text), positionOf(text, 'LMRI-03: met [#', 15));
  const ranked = items.filter((i) => (i.sortText ?? '').startsWith('!'));
  assert.equal(ranked[0]?.label, 'surgery');
});

test('hover and completion show criteria and case text literally: no link or remote image from a workspace file or the summary', () => {
  const service = new LanguageService();
  const image = '![x](https://example.invalid/t.png)';
  const criteria = {
    uri: 'file:///ws/.imr/criteria/hostile.json',
    text: JSON.stringify({
      sections: [
        {
          id: 'my-scan',
          title: `Scan ${image}`,
          source: { guideline: 'MTUS', mtus: true, document: `Doc <img src="https://example.invalid/d.png">`, citation: 'c' },
          match: [['scan']],
          criteria: [{ id: 'SCAN-01', text: `Text ${image}`, sourceNote: `[note](command:workbench.action.quit)` }],
        },
      ],
    }),
  };
  try {
    assert.deepEqual(service.setWorkspaceCriteria([criteria]).get(criteria.uri), []);
    const text = CLEAN_CASE.replace('criteria: low-back-mri\n    LMRI-01: met [#neuro-deficit]', 'criteria: my-scan\n    SCAN-01: met [#neuro-deficit]');
    const markdown = [
      service.getHover(doc(text), positionOf(text, 'SCAN-01: met', 2))!.contents.value,
      service.getHover(doc(text), positionOf(text, 'my-scan', 2))!.contents.value,
    ];
    for (const m of markdown) {
      assert.doesNotMatch(m, /(?<!\\)\]\(|(?<!\\)<img/, m);
    }
    assert.match(markdown[0], /Text \\!\\\[x\\\]\(https:/);
    const withLink = variant(
      ['extensor hallucis longus [#neuro-deficit]', `extensor hallucis longus ${image} [#neuro-deficit]`],
      ['LMRI-01: met [#neuro-deficit]', 'LMRI-01: met [#'],
    );
    const items = service.getCompletions(doc(withLink), positionOf(withLink, 'LMRI-01: met [#', 15)).filter((i) => i.label === 'neuro-deficit');
    const docs = items.map((i) => (typeof i.documentation === 'string' ? i.documentation : (i.documentation?.value ?? '')));
    assert.ok(docs.length && docs.every((d) => d.includes('example.invalid') && !/(?<!\\)\]\(/.test(d)), JSON.stringify(docs));
  } finally {
    service.setWorkspaceCriteria([]);
  }
});

test('quick-fix: add the missing criteria with status unknown', () => {
  const text = variant(['    LMRI-06: not applicable\n', '']);
  const { actions } = actionsFor(text, 'missing-criteria');
  const fixed = apply(text, actions[0].edits);
  assert.match(fixed, /\n {4}LMRI-06: unknown\n {2}rationale/);
  assert.ok(!codesOf(fixed).includes('missing-criteria'));
});

test('quick-fix: change the decision, or the conclusion, to agree', () => {
  const upheld = variant(['decision: overturned', 'decision: upheld']);
  const { actions } = actionsFor(upheld, 'decision-contradicts-rationale', 'conclusion');
  const byTitle = (t: RegExp) => actions.find((a) => t.test(a.title))!;
  assert.ok(!codesOf(apply(upheld, byTitle(/decision to overturned/).edits)).includes('decision-contradicts-rationale'));
  const negated = apply(upheld, byTitle(/conclusion/).edits);
  assert.match(negated, /is not medically necessary\./);
  for (const conclusion of [
    'is not medically necessary',
    'is not-medically necessary',
    'does not appear medically necessary',
    'is, therefore, not medically necessary',
  ]) {
    const text = variant(['MRI of the lumbar spine is medically necessary.', `MRI of the lumbar spine ${conclusion}.`]);
    const fix = actionsFor(text, 'decision-contradicts-rationale').actions.find((a) => /conclusion/.test(a.title));
    assert.ok(fix, conclusion);
    const fixed = apply(text, fix.edits);
    assert.ok(!codesOf(fixed).includes('decision-contradicts-rationale'), `${conclusion} -> ${fixed.split('\n').find((l) => /necess/.test(l))}`);
  }
  const est = variant(['MRI of the lumbar spine is medically necessary.', 'Medical necessity has not been established.']);
  const f = actionsFor(est, 'decision-contradicts-rationale').actions.find((a) => /conclusion/.test(a.title))!;
  assert.match(apply(est, f.edits), /Medical necessity has been established\./);
});

test('quick-fix: cite the matching fact as evidence', () => {
  const text = variant(['LMRI-03: met [#surgery]', 'LMRI-03: met']);
  const { actions } = actionsFor(text, 'criterion-without-evidence');
  assert.equal(actions[0].title, 'Cite [#surgery] as evidence');
  const fixed = apply(text, actions[0].edits);
  assert.match(fixed, /LMRI-03: met \[#surgery\]/);
  assert.ok(!codesOf(fixed).includes('criterion-without-evidence'));
});

test('a criterion marked not met is never offered the fact that documents what it requires', () => {
  // The summary documents the nerve deficit [#neuro-deficit]: it shows LMRI-01 met, not its absence.
  const text = variant(['LMRI-01: met [#neuro-deficit]', 'LMRI-01: not met'], ['decision: overturned', 'decision: upheld']);
  const { diag, actions } = actionsFor(text, 'criterion-without-evidence');
  assert.equal(
    diag.range.start.line,
    text.split('\n').findIndex((l) => l.includes('LMRI-01: not met')),
  );
  assert.doesNotMatch(diag.message, /neuro-deficit/);
  assert.deepEqual(
    actions.map((a) => a.title).filter((t) => /neuro-deficit/.test(t)),
    [],
  );
});

test('quick-fix: cite the guideline and add the criteria block for the matched service', () => {
  const noGuideline = variant(['guideline: MTUS Low Back Complaints 2004, Section(s): Special Studies', 'guideline: did not cite any medical evidence']);
  const g = actionsFor(noGuideline, 'unsupported-necessity-claim').actions.find((a) => /^Cite/.test(a.title))!;
  const cited = apply(noGuideline, g.edits);
  assert.match(cited, /guideline: MTUS Low Back Complaints 2004, Section\(s\): Special Studies/);
  assert.ok(!codesOf(cited).includes('unsupported-necessity-claim'));
  const noCriteria = CLEAN_CASE.replace(/ {2}criteria: low-back-mri\n( {4}LMRI.*\n)+/, '');
  const c = actionsFor(noCriteria, 'unsupported-necessity-claim').actions.find((a) => /criteria of low-back-mri/.test(a.title))!;
  const added = apply(noCriteria, c.edits);
  const service = new LanguageService();
  const parsed = service.analyse(doc(added));
  assert.equal(parsed.file.items[0].criteria?.entries.length, 6);
  assert.deepEqual(parsed.file.problems, []);
});

test('quick-fix: evidence-hierarchy offers the MTUS citation and a non-mtus-reason line', () => {
  const text = variant([
    'guideline: MTUS Low Back Complaints 2004, Section(s): Special Studies',
    'guideline: Non-MTUS Citation Official Disability Guidelines, Low Back, MRIs',
  ]);
  const { actions } = actionsFor(text, 'evidence-hierarchy');
  assert.equal(actions.length, 2);
  for (const a of actions) assert.ok(!codesOf(apply(text, a.edits)).includes('evidence-hierarchy'), a.title);
});
