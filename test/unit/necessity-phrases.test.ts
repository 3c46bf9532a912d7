import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PhraseIndex, PhraseSet, rememberedTexts, withPhraseMemo } from '../../server/src/service/necessity/phrases';
import { LanguageService } from '../../server/src/service/languageService';
import { readExample } from '../helpers/fixtures';
import { CONCEPTS } from '../../server/src/service/necessity/terms';
import { claimsIn, findingsIn, recordClaimsIn, sentenceKind } from '../../server/src/service/necessity/mentions';

test('remembered matches equal fresh ones, and only the latest run keeps its texts', () => {
  const set = new PhraseSet(['straight leg raise', 'radicul*', 'x-ray']);
  const a = 'Positive straight leg raise with radicular pain; an x ray was normal.';
  const b = 'No radiculopathy.';
  const fresh = set.matches(a);
  const inRun = withPhraseMemo(() => [set.matches(a), set.matches(a), set.matches(b)]);
  assert.deepEqual(inRun[0], fresh);
  assert.equal(inRun[0], inRun[1], 'the second read of the same text is the remembered result');
  assert.deepEqual(
    fresh.map((m) => m.phrase),
    ['straight leg raise', 'radicul*', 'x-ray'],
  );
  // A later run that reads only `b` keeps only `b`.
  withPhraseMemo(() => set.matches(b));
  assert.equal(rememberedTexts(), 1);
});

test('first is the first of the matches, remembers nothing, and is undefined where nothing matches', () => {
  const set = new PhraseSet(['lumbar mri', 'mri', 'x-ray'], { plurals: true });
  const texts = ['repeat lumbar MRI and x-rays', 'x rays of the knee, then an MRI', 'physical therapy', ''];
  withPhraseMemo(() => {
    for (const t of texts) assert.deepEqual(set.first(t), set.matches(t)[0]);
  });
  assert.equal(set.first('physical therapy'), undefined);
  assert.equal(new PhraseSet([]).first('mri'), undefined);
  const m = set.first('an MRI of the lumbar spine')!;
  assert.deepEqual({ start: m.start, end: m.end, phrase: m.phrase }, { start: 3, end: 6, phrase: 'mri' });
  withPhraseMemo(() => texts.forEach((t) => set.first(t)));
  assert.equal(rememberedTexts(), 0, 'a run that only asks first keeps no text');
});

test('all is every match, as matches gives them, and remembers nothing', () => {
  const set = new PhraseSet(['lumbar mri', 'mri', 'x-ray', 'radicul*'], { plurals: true });
  const texts = ['repeat lumbar MRI and x-rays', 'x rays of the knee, then an MRI; radiculopathy', 'physical therapy', '', 'MRI MRI mris'];
  withPhraseMemo(() => {
    for (const t of texts) assert.deepEqual(set.all(t), set.matches(t));
  });
  withPhraseMemo(() => texts.forEach((t) => set.all(t)));
  assert.equal(rememberedTexts(), 0, 'a run that only asks all keeps no text');
  assert.deepEqual(new PhraseSet([]).all('mri'), []);
  assert.deepEqual(
    set.all('MRI MRI mris').map((m) => [m.start, m.end]),
    [
      [0, 3],
      [4, 7],
      [8, 12],
    ],
  );
});

test('has is test, and remembers nothing', () => {
  const set = new PhraseSet(['lumbar mri', 'x-ray', 'radicul*', "n't"]);
  const texts = ['repeat lumbar MRI', 'xray of the knee', 'radiculopathy', 'physical therapy', '', "doesn't", 'lumbar  mri'];
  withPhraseMemo(() => {
    for (const t of texts) assert.equal(set.has(t), set.test(t), t);
  });
  withPhraseMemo(() => texts.forEach((t) => set.has(t)));
  assert.equal(rememberedTexts(), 0, 'a run that only asks has keeps no text');
  assert.equal(new PhraseSet([]).has('mri'), false);
  assert.deepEqual(
    texts.map((t) => set.has(t)),
    [true, true, true, false, false, true, true],
  );
});

test('a phrase index rules out only sets that match nothing, and keeps every set it cannot index', () => {
  const mri = new PhraseSet(['lumbar mri', 'mri'], { plurals: true });
  const xray = new PhraseSet(['x-ray', 'radicul*']);
  const starred = new PhraseSet(['*ectomy']);
  const negated = new PhraseSet(["n't"]);
  const sets = [mri, xray, starred, negated];
  assert.deepEqual(mri.leads, ['lumbar', 'mri']);
  assert.deepEqual(xray.leads, ['radicul', 'x']);
  assert.deepEqual(starred.leads, ['*ectomy'], 'a leading star: the letters after it, held inside a word');
  assert.equal(negated.leads, undefined);
  const index = new PhraseIndex(sets);
  const texts = ['Repeat LUMBAR MRIs', 'xray of the knee', 'x ray', 'radiculopathy', 'discectomy', "doesn't", 'physical therapy', '', 'premri', 'mri-guided'];
  for (const t of texts) {
    const candidates = index.candidates(t);
    for (const set of sets) if (!candidates.has(set)) assert.equal(set.first(t), undefined, t);
  }
  assert.deepEqual(
    texts.map((t) => [mri, xray].filter((s) => index.candidates(t).has(s)).length),
    [1, 1, 1, 1, 0, 0, 0, 0, 0, 1],
  );
  assert.deepEqual(
    texts.map((t) => index.candidates(t).has(starred)),
    texts.map((t) => t === 'discectomy'),
  );
  // A set without leads is always a candidate.
  assert.ok(index.candidates('').has(negated) && index.candidates('physical therapy').has(negated));
});

test('closing the last case leaves none of its text in the rules memo', () => {
  const service = new LanguageService();
  const uri = 'file:///memo/case.imr';
  service.getDiagnostics({ uri, version: 1, text: readExample('lumbar-mri-upheld.imr') });
  assert.ok(service.rememberedPhraseTexts > 0);
  service.forget(uri);
  assert.equal(service.rememberedPhraseTexts, 0);
});

test('a concept read of a sentence is remembered for the run and equals a fresh read', () => {
  const concept = CONCEPTS.get('neurologic-findings')!;
  const s = 'Examination showed decreased sensation in the left L5 dermatome and no reflex changes.';
  const fresh = findingsIn(s, concept);
  assert.ok(fresh.length > 0, 'the sentence documents a neurologic finding');
  const [first, again, kind] = withPhraseMemo(() => [findingsIn(s, concept), findingsIn(s, concept), sentenceKind(s)]);
  assert.deepEqual(first, fresh);
  assert.equal(first, again, 'the second read of the same sentence is the remembered result');
  assert.ok(Object.isFrozen(first), 'a shared result cannot be changed by one caller under another');
  assert.equal(kind, sentenceKind(s));
  // The run that reads nothing of it forgets it.
  withPhraseMemo(() => undefined);
  assert.equal(rememberedTexts(), 0);
});

/**
 * The phrase a match names, as the set's order decides it: the first phrase (longest first) that matches where the
 * match starts, in the text the scan read (up to `to`), and ends where it ends. Each phrase alone, scanned from the
 * match's start, finds a match there exactly when it matches there.
 */
function expectedPhrase(phrases: string[], plurals: boolean, text: string, m: { start: number; end: number }, to = text.length): string | undefined {
  const order = [...new Set(phrases.map((p) => p.trim().toLowerCase()).filter(Boolean))].sort((a, b) => b.length - a.length);
  for (const p of order) {
    const first = new PhraseSet([p], { plurals }).matches(text, m.start, to)[0];
    if (first && first.start === m.start) return first.end === m.end ? p : `(${p} ends elsewhere)`;
  }
  return undefined;
}

test('a match names the phrase the set order decides, when read, for every way of asking', () => {
  const phrases = [
    'x-ray',
    'xray',
    'x ray',
    'radicul*',
    '*algia',
    'nsaid',
    'nsaids',
    "n't",
    '/10',
    'lumbar mri',
    'mri',
    'knee',
    'knee mri',
    'post-op',
    'postop',
    'Lumbar',
    'mri',
  ];
  const texts = [
    'Lumbar MRI and x-rays; xray, x ray, X-RAYS and x--ray; radiculopathy with myalgia, NSAIDs and an nsaid.',
    "He doesn't improve: pain 7/10, post op and postop and post-op care; knee MRI, knee, kneemri, mris",
    'radicul radiculitis-algia myalgias neuralgia x - ray',
    '',
  ];
  for (const plurals of [false, true]) {
    const set = new PhraseSet(phrases, { plurals });
    for (const text of texts) {
      const fresh = set.all(text);
      const inRun = withPhraseMemo(() => set.matches(text));
      assert.deepEqual(
        inRun.map((m) => [m.start, m.end, m.phrase]),
        fresh.map((m) => [m.start, m.end, m.phrase]),
      );
      for (const m of fresh) assert.equal(m.phrase, expectedPhrase(phrases, plurals, text, m), `${text.slice(m.start, m.end)} in ${text}`);
      assert.equal(set.first(text)?.phrase, fresh[0]?.phrase);
      // A scan that stops short of the end names the phrase of the text it read: "knee m" holds "knee", not "knee mri".
      for (let to = 0; to <= text.length; to += 3) {
        for (const m of set.matches(text, 0, to)) assert.equal(m.phrase, expectedPhrase(phrases, plurals, text, m, to), `${text.slice(0, to)}`);
      }
    }
  }
  const cut = new PhraseSet(['knee mri', 'knee']).matches('knee mri', 0, 6);
  assert.deepEqual(
    cut.map((m) => [m.start, m.end, m.phrase]),
    [[0, 4, 'knee']],
  );
});

test('a mention copied from a match keeps its phrase', () => {
  const concept = CONCEPTS.get('neurologic-findings')!;
  const s = 'He reports radiculopathy, and the exam showed no numbness in the left leg.';
  for (const m of claimsIn(s, concept)) assert.equal(m.phrase, concept.claim.all(s).find((c) => c.start === m.start)?.phrase);
  assert.ok(claimsIn(s, concept).length > 0);
  for (const m of recordClaimsIn('An MRI of the lumbar spine was done in 2016 and showed a disc bulge.')) assert.equal(typeof m.phrase, 'string');
});
