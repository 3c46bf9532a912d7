import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LanguageService } from '../../server/src/service/languageService';
import type { Position } from '../../server/src/service/types';
import { readExample } from '../helpers/fixtures';
import { applyEdits, positionOf } from '../helpers/edits';

const SEED = readExample('lumbar-mri-upheld.imr');
const service = new LanguageService();
let version = 0;
const doc = (text: string) => ({ uri: `file:///test/labels-${++version}.imr`, version: 1, text });

/** A case citing [#neuro-findings] from a criterion and the rationale. */
const CITED = SEED.replace('LMRI-01: not met', 'LMRI-01: not met [#neuro-findings]').replace(
  'There is no noted new\n    neurologic',
  'There is no noted new [#neuro-findings]\n    neurologic',
);

const inCriteria = positionOf(CITED, 'LMRI-01: not met [#neuro', 20);
const inRationale = positionOf(CITED, 'new [#neuro-findings]', 8);
const definitionSite = positionOf(CITED, 'extremities [#neuro-findings]', 14);

test('go to definition from a citation lands on the label in the summary', () => {
  const d = doc(CITED);
  for (const p of [inCriteria, inRationale, definitionSite]) {
    const loc = service.getDefinition(d, p);
    assert.equal(loc?.uri, d.uri);
    assert.deepEqual(loc?.range.start, positionOf(CITED, 'extremities [#neuro-findings]', 14));
    assert.deepEqual(loc?.range.end, positionOf(CITED, 'extremities [#neuro-findings]', 28));
  }
});

test('no definition off a label, or for a label no summary sentence carries', () => {
  const d = doc(CITED);
  assert.equal(service.getDefinition(d, positionOf(CITED, 'decision: upheld', 3)), undefined);
  assert.equal(service.getDefinition(d, { line: 999, character: 0 }), undefined);
  const undefinedRef = CITED.replace('LMRI-05: not met', 'LMRI-05: not met [#nowhere]');
  assert.equal(service.getDefinition(doc(undefinedRef), positionOf(undefinedRef, '[#nowhere]', 3)), undefined);
});

test('find references: every [#x] in the summary, criteria and rationale', () => {
  const d = doc(CITED);
  const all = service.getReferences(d, inRationale, true).map((l) => l.range.start);
  assert.deepEqual(all, [definitionSite, positionOf(CITED, 'not met [#neuro', 10), positionOf(CITED, 'new [#neuro-findings]', 6)]);
  const uses = service.getReferences(d, definitionSite, false).map((l) => l.range.start.line);
  assert.deepEqual(uses, [inCriteria.line, inRationale.line]);
  // Another label's references are its own.
  assert.deepEqual(service.getReferences(d, positionOf(CITED, '[#conservative-care]', 3), true).length, 2);
  assert.deepEqual(service.getReferences(d, positionOf(CITED, 'organization'), true), []);
});

test('rename changes the definition and every citation', () => {
  const d = doc(CITED);
  const prep = service.prepareRename(d, inCriteria);
  assert.equal(prep?.placeholder, 'neuro-findings');
  assert.deepEqual(prep?.range.start, positionOf(CITED, 'not met [#neuro', 10));
  const edits = service.rename(d, inCriteria, 'neuro_exam.2');
  assert.equal(edits?.length, 3);
  const renamed = applyEdits(CITED, edits!);
  assert.equal(renamed, CITED.replaceAll('[#neuro-findings]', '[#neuro_exam.2]'));
  const diags = service.getDiagnostics(doc(renamed));
  assert.ok(!diags.some((x) => x.code === 'unknown-reference'));
  assert.equal(service.validateRename(d, inCriteria, 'neuro_exam.2'), undefined);
  assert.deepEqual(service.rename(d, inCriteria, 'neuro-findings'), []);
});

test('rename refuses names that are not labels, names already used, and places that are not labels', () => {
  const d = doc(CITED);
  for (const bad of ['', 'two words', '-leading', 'a]b', '#x', 'naïve']) {
    assert.equal(service.rename(d, inCriteria, bad), undefined, bad);
    assert.match(service.validateRename(d, inCriteria, bad) ?? '', /letters, digits, dashes, dots or underscores/, bad);
  }
  assert.equal(service.rename(d, inCriteria, 'radiating-pain'), undefined);
  assert.match(service.validateRename(d, inCriteria, 'radiating-pain') ?? '', /already used/);
  // A citation of a fact that does not exist yet also counts as used.
  const dangling = CITED.replace('LMRI-05: not met', 'LMRI-05: not met [#later]');
  assert.match(service.validateRename(doc(dangling), inCriteria, 'later') ?? '', /already used/);
  const off: Position = positionOf(CITED, 'decision');
  assert.equal(service.prepareRename(d, off), undefined);
  assert.equal(service.rename(d, off, 'x'), undefined);
  assert.match(service.validateRename(d, off, 'x') ?? '', /Put the cursor on a fact label/);
});
