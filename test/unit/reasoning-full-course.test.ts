// contradicts-record, a full course asserted: the rationale says the worker
// has completed a full course of the item's therapy while the summary counts
// fewer visits given than any course the rationale quotes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importedCase, type ImportedItem } from '../helpers/importedCases';
import { necessityDiagnostics, textAt } from '../helpers/necessityCases';

const given = (visits: string) =>
  `The injured worker is a 52 year old female with left shoulder pain after a fall. Treatment to date has included ${visits} of physical therapy and naproxen. The provider requested additional physical therapy 2 times a week for 4 weeks for the left shoulder.`;
const ALLOWANCES = 'The guidelines allow for myalgia and myositis 9-10 visits over 8 weeks, and for neuralgia and neuritis 8-10 visits over 4 weeks.';
const item = (claim = 'The patient has completed a full course of physical therapy already.', allowances = ALLOWANCES): ImportedItem => ({
  service: 'Additional physical therapy 2 times a week for 4 weeks for the left shoulder',
  decision: 'upheld',
  guideline: 'MTUS Chronic Pain Medical Treatment 2016, Section(s): Physical medicine',
  rationale: `${allowances} ${claim} There is no explanation why she cannot transition to a home exercise program. The request is not medically necessary.`,
});
const found = (summary: string, it: ImportedItem) => {
  const text = importedCase(summary, it);
  return { text, d: necessityDiagnostics(text).filter((d) => d.code === 'contradicts-record' && /full course/.test(d.message)) };
};

test('contradicts-record: a full course asserted over fewer visits than any course the rationale quotes', () => {
  const { text, d } = found(given('6 sessions'), item());
  assert.equal(d.length, 1);
  assert.equal(textAt(text, d[0].range), 'completed a full course');
  assert.match(
    d[0].message,
    /the summary counts 6 visits given \("Treatment to date has included 6 sessions of physical therapy and naproxen\."\), fewer than the least course the rationale quotes \(8-10 visits\)/,
  );
  assert.deepEqual(
    d[0].relatedInformation!.map((r) => textAt(text, r.range)),
    ['Treatment to date has included 6 sessions of physical therapy and naproxen.', '8-10 visits'],
  );
});

test('contradicts-record: no full-course finding at or past the course, for an open count, a count only requested, or no course quoted', () => {
  // 8 given reaches the lower end of the 8-10 course.
  assert.deepEqual(found(given('8 sessions'), item()).d, []);
  assert.deepEqual(found(given('12 sessions'), item()).d, []);
  // "at least 6": the count is open.
  assert.deepEqual(found(given('at least 6 sessions'), item()).d, []);
  // The only counts are of care requested or denied: no visits given are counted.
  assert.deepEqual(
    found(
      'The injured worker is a 52 year old female with left shoulder pain. The utilization review denied certification on 12/12/2016; for physical therapy 6 treatments for the left shoulder.',
      item(),
    ).d,
    [],
  );
  // No course allowance quoted, only a frequency.
  assert.deepEqual(found(given('6 sessions'), item(undefined, 'The guidelines allow for fading of treatment frequency from up to 3 visits per week.')).d, []);
  // The rationale does not say a full course is done.
  assert.deepEqual(found(given('6 sessions'), item('She has had some physical therapy already.')).d, []);
});
