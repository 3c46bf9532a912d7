// The labelled-letter scorer (tools/eval/score.ts) on a made-up letter: how a
// quote is found, which sentence it stands for, and how findings count for
// recall and against precision, as ../shared/eval/score.mjs counts them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatScore, locate, normalize, parseLabels, score, sentenceSpan, type Finding } from '../../tools/eval/score';
import { belowFloor, floorOf, raiseFloor } from '../../tools/eval/floor';

const LETTER =
  'CLINICAL CASE SUMMARY\nThe worker had 3 sessions of therapy.\n\nItem 1: Physical therapy: Upheld\nDecision rationale: The worker had 6 prior sessions. It is not medically necessary.';
const CASE = [
  'summary',
  '  The worker had 3 sessions of therapy. [#pt]',
  'item "Physical therapy"',
  '  rationale',
  '    The worker had 6 prior sessions.',
  '    It is not medically necessary.',
  '',
].join('\n');
const TSV = [
  'id\titem\tcategory\tseverity\trationale_quote\trecord_quote\tnote',
  'C1\t0\tDETAIL-MISMATCH\tmaterial\thad 6 prior sessions\thad 3 sessions of therapy\tcount differs',
  'C1\t0\tEVIDENCE-HIERARCHY\tminor\tIt is not ... necessary\t\tmade up',
].join('\n');
const at = (line: number, from: number, to: number): Finding['range'] => ({ start: { line, character: from }, end: { line, character: to } });

test('quotes are found case- and space-insensitively, "..." standing for an omitted stretch', () => {
  const hay = normalize('It  is\nNOT  medically necessary.').text;
  assert.deepEqual(locate(hay, 'it is not medically'), [0, 19]);
  assert.ok(locate(hay, 'It is ... necessary'));
  assert.equal(locate(hay, 'necessary ... It is'), null);
  assert.deepEqual(sentenceSpan('a b. c d e. f', [6, 7]), [5, 11]);
});

test('a finding on the quoted sentence with an accepted code is caught; others are false alarms', () => {
  const labels = parseLabels(TSV);
  assert.equal(labels.length, 2);
  const findings: Finding[] = [
    { code: 'detail-mismatch', severity: 'warning', range: at(4, 4, 36) }, // the rationale sentence: caught
    { code: 'evidence-hierarchy', severity: 'warning', range: at(4, 4, 36) }, // right code, wrong sentence: false alarm
    { code: 'missing-field', severity: 'error', range: at(0, 0, 7) }, // not a reasoning code: an error, not counted
  ];
  const s = score(labels, () => ({ letter: LETTER, caseText: CASE, findings }));
  assert.deepEqual(s.byCategory['DETAIL-MISMATCH'], { n: 1, hit: 1 });
  assert.deepEqual(s.byCategory['EVIDENCE-HIERARCHY'], { n: 1, hit: 0 });
  assert.deepEqual(s.byCode['detail-mismatch'], { n: 1, hit: 1 });
  assert.deepEqual(s.byCode['evidence-hierarchy'], { n: 1, hit: 0 });
  assert.equal(s.byCode['missing-field'], undefined);
  assert.deepEqual(s.errors, { 'missing-field': 1 });
  assert.equal(s.falseAlarms.length, 1);
  assert.match(formatScore(s), /recall 50% \(1\/2\), precision 50% \(1\/2\)/);
});

test('a letter that was not imported counts its labels as missed; a missing letter is a label problem', () => {
  const labels = parseLabels(TSV);
  const s = score(labels, () => ({ letter: LETTER }));
  assert.equal(s.caught, 0);
  assert.ok(s.misses.every((m) => m.why === 'not imported'));
  assert.equal(score(labels, () => ({})).labelProblems.length, 1);
});

test('the floor holds a run equal to it, fails a worse one and is only ever raised', () => {
  const labels = parseLabels(TSV);
  const good = score(labels, () => ({ letter: LETTER, caseText: CASE, findings: [{ code: 'detail-mismatch', severity: 'warning', range: at(4, 4, 36) }] }));
  const bad = score(labels, () => ({ letter: LETTER, caseText: CASE, findings: [] }));
  const floor = floorOf(good);
  assert.deepEqual(belowFloor(good, floor), []);
  assert.ok(belowFloor(bad, floor).some((m) => m.startsWith('recall of DETAIL-MISMATCH')));
  assert.equal(raiseFloor(floor, bad).recallByCategory['DETAIL-MISMATCH'], 1);
});
