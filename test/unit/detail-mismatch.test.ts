// detail-mismatch: the summary and the rationales against the case header (the
// UR date, the date of injury, the worker's sex) and against the summary
// (counts, sides, kinds). Each check has a case that must fire and the nearby
// cases that must not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CLEAN_CASE, necessityDiagnostics, textAt, variant } from '../helpers/necessityCases';
import { applyEdits } from '../helpers/edits';
import { LanguageService } from '../../server/src/service/languageService';
import { ownedDates, pronounSlips } from '../../server/src/service/necessity/record/headerDetails';
import { writeLike, writtenDates } from '../../server/src/service/necessity/record/writtenDates';
import type { ImrDiagnostic } from '../../server/src/service/types';

const mismatches = (text: string): ImrDiagnostic[] => necessityDiagnostics(text).filter((d) => d.code === 'detail-mismatch');
const SUMMARY_UR = 'The Utilization Review dated\n  10/2/2016 denied the request.';

function fixOf(text: string): string | undefined {
  const service = new LanguageService();
  const doc = { uri: 'file:///detail/fix.imr', version: 1, text };
  const d = service.getDiagnostics(doc).find((x) => x.code === 'detail-mismatch');
  assert.ok(d, 'expected a detail-mismatch');
  const sent = JSON.parse(JSON.stringify(d));
  const action = service.getCodeActions(doc, sent.range, [sent]).find((a) => a.diagnostics?.some((x) => x.code === 'detail-mismatch'));
  return action && applyEdits(text, action.edits);
}

test('dates as prose writes them: numeric with either separator, a broken line, month names', () => {
  const found = writtenDates('On 11-14-16 and 11/15/2016, then 10- 17-2016, November 4, 2016 and Dec. 5 2016; not 4/5 strength or 10/325 mg.');
  assert.deepEqual(
    found.map((d) => `${d.date.year}-${d.date.month}-${d.date.day}`),
    ['2016-11-14', '2016-11-15', '2016-10-17', '2016-11-4', '2016-12-5'],
  );
  // A replacement keeps the author's form.
  assert.equal(writeLike(found[0], { year: 2016, month: 11, day: 15 }), '11-15-16');
  assert.equal(writeLike(found[3], { year: 2016, month: 11, day: 28 }), 'November 28, 2016');
});

test('a date belongs to the nearest thing named before it, or after it when it opens the clause', () => {
  const kinds = (t: string) => ownedDates(t).map((d) => `${d.text}:${d.kind}`);
  assert.deepEqual(kinds('The UR dated 11-14-16 non-certified the request.'), ['11-14-16:review']);
  assert.deepEqual(kinds('On 11-18-2016 Utilization Review non-certified the request.'), ['11-18-2016:review']);
  assert.deepEqual(kinds('The physical therapy report reviewed by Utilization Review was dated 12-01-2016.'), ['12-01-2016:other']);
  assert.deepEqual(kinds("The doctor's first report of occupational injury or illness from 11/18/2016 indicates pain."), ['11/18/2016:other']);
  assert.deepEqual(kinds('A 46 year old male with a date of injury on 10-18-2016.'), ['10-18-2016:injury']);
  // A report dated after the review noun owns its date.
  assert.deepEqual(kinds('Utilization Review referenced a progress report dated 11/02/2016.'), ['11/02/2016:other']);
});

test('the summary dates the utilization review differently from the header', () => {
  const text = variant([SUMMARY_UR, 'The UR dated 10-1-16 non-certified\n  the request.']);
  const d = mismatches(text);
  assert.equal(d.length, 1);
  assert.equal(textAt(text, d[0].range), '10-1-16');
  assert.match(d[0].message, /dates the utilization review 10\/01\/2016 .*header's UR date is 10\/02\/2016/);
  assert.match(textAt(text, d[0].relatedInformation![0].range), /^ur-date: 10\/02\/2016/);
  // The fix writes the header's date in the author's form.
  assert.match(fixOf(text)!, /The UR dated 10-2-16 non-certified/);
});

test('review dates that are no mismatch: the same date, another review that approved, a report the review read', () => {
  assert.equal(mismatches(CLEAN_CASE).length, 0);
  // Month names.
  assert.equal(mismatches(variant([SUMMARY_UR, 'On October 2, 2016 utilization review\n  non-certified the request.'])).length, 0);
  // An earlier review that approved a course is another review than the disputed one.
  assert.equal(mismatches(variant([SUMMARY_UR, 'A prior utilization review on 8/1/2016\n  authorized six sessions.'])).length, 0);
  // The date of what the review read, not of the review.
  assert.equal(mismatches(variant([SUMMARY_UR, 'The progress report reviewed by UR was\n  dated 9/20/2016.'])).length, 0);
  // The sentence also gives the header's date: the other is another event.
  assert.equal(mismatches(variant([SUMMARY_UR, 'A request received 9/28/2016 was\n  non-certified by utilization review on 10/2/2016.'])).length, 0);
});

test('the date of injury differs from the header: in the summary and in a rationale', () => {
  const summary = variant(['sustained an industrial injury\n  on 1/30/2015.', 'sustained an industrial injury\n  on 1/13/2015.']);
  const d = mismatches(summary);
  assert.equal(d.length, 1);
  assert.equal(textAt(summary, d[0].range), '1/13/2015');
  assert.match(d[0].message, /date of injury as 01\/13\/2015 .*header's date of injury is 01\/30\/2015/);
  assert.match(fixOf(summary)!, /injury\n {2}on 1\/30\/2015\./);
  const rationale = variant(['He would consider surgery.', 'The date of injury was 2/3/15. He would consider surgery.']);
  assert.equal(mismatches(rationale).length, 1);
});

test('injury dates that are no mismatch: another injury, the start of a period of cumulative trauma', () => {
  assert.equal(mismatches(variant(['He would consider surgery.', 'He had a prior industrial injury on 3/4/2010. He would consider surgery.'])).length, 0);
  assert.equal(
    mismatches(
      variant([
        'He would consider surgery.',
        'He sustained an industrial injury from 6/1/2014 to 1/30/2015 from repetitive lifting. He would consider surgery.',
      ]),
    ).length,
    0,
  );
  assert.equal(
    mismatches(variant(['He would consider surgery.', 'The injured worker was seen on 3/3/2015 and 4/4/2015. He would consider surgery.'])).length,
    0,
  );
});

test('an approval or a review dated before the injury', () => {
  const text = variant(['He would consider surgery.', 'The records document he was approved for 8 therapy sessions on 1/20/2015. He would consider surgery.']);
  const d = mismatches(text);
  assert.equal(d.length, 1);
  assert.equal(textAt(text, d[0].range), '1/20/2015');
  assert.match(d[0].message, /before the date of injury 01\/30\/2015/);
  // After the injury it is an ordinary approval.
  assert.equal(mismatches(text.replace('on 1/20/2015', 'on 3/20/2015')).length, 0);
});

test('a pronoun of the other sex for the worker', () => {
  const text = variant(
    ['sex: male', 'sex: female'],
    ['He would consider surgery.', 'She would consider surgery. He had normal reflexes.'],
    ['    [#neuro-deficit] and did', '    [#neuro-deficit] and she did'],
  );
  const d = mismatches(text);
  assert.equal(d.length, 1);
  assert.equal(textAt(text, d[0].range), 'He');
  assert.match(d[0].message, /calls the injured worker "He" .*the worker is female/);
  assert.match(textAt(text, d[0].relatedInformation![0].range), /^sex: female/);
  assert.match(fixOf(text)!, /She had normal reflexes\./);
});

test('pronouns that are not about the worker, or about no one in particular', () => {
  assert.deepEqual(pronounSlips('The treating physician stated that he would request an MRI.', 'female'), []);
  assert.deepEqual(pronounSlips('Her husband said he drives her to visits.', 'female'), []);
  assert.deepEqual(pronounSlips('The patient should continue his/her home exercise program.', 'female'), []);
  assert.deepEqual(pronounSlips('Whether he or she improves is not documented.', 'female'), []);
  assert.deepEqual(pronounSlips('A review found benefit (He, 2004) in trials of acupuncture.', 'female'), []);
  assert.deepEqual(pronounSlips('She reports that her pain is 6/10.', 'female'), []);
  assert.deepEqual(
    pronounSlips('His diagnoses include lateral epicondylitis.', 'female').map((s) => s.text),
    ['His'],
  );
});
