import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LanguageService } from '../../server/src/service/languageService';
import { fieldSpec, sectionSpec } from '../../server/src/service/schema/fields';
import { readExample } from '../helpers/fixtures';
import { positionOf } from '../helpers/edits';

const SEED = readExample('lumbar-mri-upheld.imr');
const service = new LanguageService();
let version = 0;
const doc = (text: string) => ({ uri: `file:///test/hover-${++version}.imr`, version: 1, text });
const hoverAt = (text: string, needle: string, delta = 1, nth = 0) => service.getHover(doc(text), positionOf(text, needle, delta, nth));

test('on a field name: what the field means in the letter, from fields.json', () => {
  const h = hoverAt(SEED, 'ur-date:');
  const spec = fieldSpec('case', 'ur-date')!;
  assert.ok(h?.contents.value.includes(spec.letter));
  assert.ok(h?.contents.value.includes(spec.description));
  assert.equal(h?.contents.kind, 'markdown');
  assert.deepEqual(h?.range, { start: positionOf(SEED, 'ur-date:'), end: positionOf(SEED, 'ur-date:', 7) });
  assert.match(hoverAt(SEED, 'priority:')!.contents.value, /`standard`, `expedited`/);
  assert.ok(hoverAt(SEED, 'criteria: low')!.contents.value.includes(fieldSpec('item', 'criteria')!.description));
  assert.ok(hoverAt(SEED, '  rationale', 4)!.contents.value.includes('Decision rationale'));
});

test('on a section keyword: the part of the letter it starts', () => {
  for (const kw of ['case', 'reviewer', 'worker', 'summary', 'item'] as const) {
    const h = hoverAt(SEED, `\n${kw}`, 2);
    assert.ok(h?.contents.value.includes(sectionSpec(kw)!.description), kw);
    assert.equal(h?.range.start.character, 0);
    assert.equal(h?.range.end.character, kw.length);
  }
});

test('on a [#label]: the summary sentence it names, wherever the label is', () => {
  const cited = SEED.replace('LMRI-01: not met', 'LMRI-01: not met [#neuro-findings]');
  for (const needle of ['LMRI-01: not met [#neuro', 'extremities [#neuro']) {
    const h = hoverAt(cited, needle, needle.length - 2);
    assert.match(h!.contents.value, /> There were abnormalities noted in strength and-or sensation of the lower extremities\./);
  }
  const dangling = SEED.replace('LMRI-05: not met', 'LMRI-05: not met [#nowhere]');
  assert.match(hoverAt(dangling, '[#nowhere]', 4)!.contents.value, /names no fact/);
});

test('on a decision value: what Upheld and Overturned mean', () => {
  assert.match(hoverAt(SEED, 'decision: upheld', 12)!.contents.value, /not medically necessary/);
  const over = SEED.replace('decision: upheld', 'decision: overturned');
  const h = hoverAt(over, 'decision: overturned', 12)!;
  assert.match(h.contents.value, /is medically necessary\*\* and must be authorized/);
  assert.deepEqual(h.range, { start: positionOf(over, 'overturned'), end: positionOf(over, 'overturned', 10) });
});

test('no hover on prose, values without meaning, blank lines, comments or unknown fields', () => {
  assert.equal(hoverAt(SEED, 'sprain-strain. Treatments'), undefined);
  assert.equal(hoverAt(SEED, 'MAXIMUS Federal'), undefined);
  assert.equal(hoverAt(SEED, 'neurologic findings the summary'), undefined);
  assert.equal(hoverAt(SEED.replace('  priority:', '  priorty:'), 'priorty:'), undefined);
  assert.equal(hoverAt(SEED.replace('decision: upheld', 'decision: maybe'), 'maybe'), undefined);
  assert.equal(service.getHover(doc(SEED), { line: 3, character: 0 }), undefined);
  assert.equal(service.getHover(doc(''), { line: 5, character: 5 }), undefined);
});

test('a registered contributor answers where the built-in hover has nothing, and cannot break it', async () => {
  service.registerHoverContributor(() => {
    throw new Error('contributor bug');
  });
  service.registerHoverContributor(({ file }, p) => {
    const entry = file.items[0]?.criteria?.entries.find((e) => e.id.range.start.line === p.line);
    return entry ? { contents: { kind: 'markdown', value: `criterion ${entry.id.value}` }, range: entry.id.range } : undefined;
  });
  // An id the criteria library does not know, so only this test's contributor answers for it.
  const unknownId = SEED.replace('LMRI-03: unknown', 'ZZ-99: unknown');
  assert.equal(hoverAt(unknownId, 'ZZ-99')!.contents.value, 'criterion ZZ-99');
  // Built-in answers come first.
  assert.ok(hoverAt(SEED, 'decision: upheld', 12)!.contents.value.includes('Upheld'));
  assert.equal(hoverAt(SEED, 'MAXIMUS Federal'), undefined);
});

test('on a [#label]: the summary sentence is quoted as text, so Markdown in it loads nothing and loses nothing', () => {
  const sentence = 'The MRI ![scan](https://example.org/p.png) and <img src="https://example.org/q.png"> showed L4_5 *narrowing*';
  const text = SEED.replace('lower extremities [#neuro-findings].', `lower extremities. ${sentence} [#neuro-findings].`);
  assert.notEqual(text, SEED);
  const value = hoverAt(text, 'narrowing* [#neuro', 'narrowing* [#neuro'.length - 2)!.contents.value;
  const quoted = value.slice(value.indexOf('> ') + 2);
  // No image, HTML or emphasis survives: every such character is backslash-escaped ...
  assert.doesNotMatch(quoted, /(^|[^\\])(!\[|<img|\*narrowing|_5)/);
  // ... and removing the escapes gives back the sentence as written.
  assert.equal(quoted.replace(/\\(.)/g, '$1'), `${sentence}.`);
});
