// Each language service owns its state: its criteria library, its editor
// contributors, its phrase memo and its logger. Before the factory, criteria
// loaded into one service changed a second one's diagnostics, and a fix
// registered in one test showed up in a fresh service; in a multi-root
// workspace one folder's .imr/criteria would leak into another's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLanguageService, LanguageService } from '../../server/src/service/languageService';
import { criteriaFiles } from '../../server/src/service/necessity/criteriaSource';
import type { ImrDiagnostic, ImrDocument } from '../../server/src/service/types';
import { CLEAN_CASE } from '../helpers/necessityCases';
import { positionOf } from '../helpers/edits';

const WORK_HARDENING = {
  uri: 'file:///folder-a/.imr/criteria/work-hardening.json',
  text: JSON.stringify({
    sections: [
      {
        id: 'work-hardening',
        title: 'Work hardening',
        source: {
          guideline: 'MTUS',
          mtus: true,
          document: 'CPMTG 2016',
          citation: 'MTUS Chronic Pain Medical Treatment Guidelines 2016, Section(s): Work conditioning, work hardening',
        },
        match: [['work hardening']],
        criteria: [{ id: 'WH-01', text: 'A defined return-to-work goal agreed by employer and worker.', sourceNote: 'workspace', decisive: true }],
      },
    ],
  }),
};

const CITES_WORKSPACE = CLEAN_CASE.replace('item MRI of the lumbar spine', 'item Work hardening 10 sessions').replace(
  /criteria: low-back-mri\n( {4}LMRI.*\n)+/,
  'criteria: work-hardening\n    WH-01: met [#pt-failed]\n',
);

let n = 0;
const doc = (text: string): ImrDocument => ({ uri: `file:///instances/${++n}.imr`, version: 1, text });
const codes = (ds: ImrDiagnostic[]) => ds.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`);

test("criteria loaded into one service do not change another's diagnostics", async () => {
  const a = createLanguageService({ criteria: criteriaFiles([WORK_HARDENING]) });
  const b = createLanguageService();
  const before = codes(b.getDiagnostics(doc(CITES_WORKSPACE)));
  assert.deepEqual((await a.loadCriteria()).get(WORK_HARDENING.uri), [], 'the workspace file is valid');
  assert.ok(a.library.section('work-hardening'), 'a has the workspace section');
  assert.equal(b.library.section('work-hardening'), undefined, 'b does not');
  // a knows the section; b, like a fresh service, still reports it unknown.
  assert.ok(!a.getDiagnostics(doc(CITES_WORKSPACE)).some((d) => d.code === 'unknown-criterion'));
  const after = b.getDiagnostics(doc(CITES_WORKSPACE));
  assert.ok(after.some((d) => d.code === 'unknown-criterion' && /"work-hardening" is not a guideline section/.test(d.message)));
  assert.deepEqual(codes(after), before, "b's diagnostics are what they were before a loaded its criteria");
  assert.deepEqual(codes(after), codes(new LanguageService().getDiagnostics(doc(CITES_WORKSPACE))), 'and what a fresh service reports');
  // Hover and completion read the library of the service asked.
  const at = positionOf(CITES_WORKSPACE, 'WH-01', 1);
  assert.match(a.getHover(doc(CITES_WORKSPACE), at)?.contents.value ?? '', /return-to-work goal/);
  assert.equal(b.getHover(doc(CITES_WORKSPACE), at), undefined);
});

test('a contributor registered on one service is not seen by another, nor by a fresh one', () => {
  const probe = 'probe-only';
  const a = new LanguageService();
  a.registerCodeActionContributor((_ctx, req) => (req.diagnostics.some((d) => d.code === probe) ? [{ title: 'probe fix', kind: 'quickfix', edits: [] }] : []));
  a.registerHoverContributor(() => ({
    contents: { kind: 'markdown', value: 'probe hover' },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
  }));
  a.registerCompletionContributor(() => [{ label: 'probe completion', kind: 1 }]);
  const d = doc('case CM15-0201234\n  organization: X\n\n');
  const asked: ImrDiagnostic = { code: probe, severity: 'hint', message: '', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
  const blank = { line: 2, character: 0 };
  const where = { line: 1, character: 20 };
  assert.deepEqual(
    a.getCodeActions(d, asked.range, [asked]).map((x) => x.title),
    ['probe fix'],
  );
  assert.equal(a.getHover(d, where)?.contents.value, 'probe hover');
  assert.ok(a.getCompletions(d, blank).some((c) => c.label === 'probe completion'));
  for (const other of [createLanguageService(), new LanguageService()]) {
    assert.deepEqual(other.getCodeActions(d, asked.range, [asked]), []);
    assert.equal(other.getHover(d, where), undefined);
    assert.ok(!other.getCompletions(d, blank).some((c) => c.label === 'probe completion'));
  }
});

test("each service's phrase memo is its own: closing one service's case leaves the other's memo alone", () => {
  const a = new LanguageService();
  const b = new LanguageService();
  a.getDiagnostics({ uri: 'file:///a.imr', version: 1, text: CLEAN_CASE });
  b.getDiagnostics({ uri: 'file:///b.imr', version: 1, text: CLEAN_CASE });
  assert.ok(a.rememberedPhraseTexts > 0 && b.rememberedPhraseTexts > 0);
  a.forget('file:///a.imr');
  assert.equal(a.rememberedPhraseTexts, 0);
  assert.ok(b.rememberedPhraseTexts > 0, "b still remembers its open case's phrases");
});

test('each service has its own reader over one compiled lexicon; closing its last case empties only its memo', () => {
  const a = new LanguageService();
  const b = new LanguageService();
  assert.notEqual(a.reader, b.reader);
  assert.equal(a.reader.lexicon, b.reader.lexicon, 'the lexicon is compiled once per process, not per service');
  for (const s of [a, b]) {
    s.getDiagnostics({ uri: 'file:///r.imr', version: 1, text: CLEAN_CASE });
    s.reader.analysis(() => s.reader.read('Straight leg raise was positive on the left.'));
    assert.ok(s.reader.remembered() > 0);
  }
  a.forget('file:///r.imr');
  assert.equal(a.reader.remembered(), 0, 'no reading of a closed case stays');
  assert.ok(b.reader.remembered() > 0, "b's reader keeps its open case's readings");
});

test("a service's logger hears of the bugs contained while it answers, and no other service's", () => {
  const heardA: string[] = [];
  const heardB: string[] = [];
  const a = createLanguageService({ logger: { contained: (place) => heardA.push(place) } });
  const b = createLanguageService({ logger: { contained: (place) => heardB.push(place) } });
  a.registerHoverContributor(() => {
    throw new Error('contributor bug');
  });
  // Where the built-in hover has nothing, so the contributor is asked.
  const d = doc('case CM15-0201234\n  organization: X\n\n');
  const where = { line: 1, character: 20 };
  assert.equal(a.getHover(d, where), undefined);
  assert.equal(b.getHover(d, where), undefined);
  assert.deepEqual(heardA, ['hover']);
  assert.deepEqual(heardB, []);
});

test("settings given at creation are the service's own", () => {
  const quiet = createLanguageService({ settings: { rules: { 'missing-section': 'off' } } });
  const text = 'case CM15-0201234\n';
  assert.ok(!quiet.getDiagnostics(doc(text)).some((d) => d.code === 'missing-section'));
  assert.ok(
    createLanguageService()
      .getDiagnostics(doc(text))
      .some((d) => d.code === 'missing-section'),
  );
});
