// guideline-mismatch, a visit allowance quoted and never compared with the
// request: a denial that calls the visits asked for excessive while they are
// within every allowance the rationale quotes, and an approval of more visits
// than the allowance it quotes for the request's phase.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importedCase, type ImportedItem } from '../helpers/importedCases';
import { necessityDiagnostics, textAt } from '../helpers/necessityCases';

const SUMMARY =
  'The injured worker is a 48 year old male with neck pain after lifting boxes. Examination showed tenderness of the cervical paraspinal muscles. The provider requested physical therapy for the neck.';
const ALLOWANCE = 'The MTUS recommends 9-10 visits over 8 weeks for myalgia and 8-10 visits over 4 weeks for neuritis.';
const pt = (rationale: string, over: Partial<ImportedItem> = {}): ImportedItem => ({
  service: 'Physical therapy 2 times a week for 3 weeks for the neck',
  decision: 'upheld',
  guideline: 'MTUS Chronic Pain Medical Treatment 2016, Section(s): Physical medicine treatment',
  rationale,
  ...over,
});
const visits = (summary: string, it: ImportedItem) => {
  const text = importedCase(summary, it);
  return { text, d: necessityDiagnostics(text).filter((d) => d.code === 'guideline-mismatch') };
};

test('guideline-mismatch: a denial calls six visits excessive against allowances of 8 to 10', () => {
  const { text, d } = visits(
    SUMMARY,
    pt(`${ALLOWANCE} The number of visits requested exceeds the guideline recommendations. The request is not medically necessary.`),
  );
  assert.equal(d.length, 1);
  assert.equal(textAt(text, d[0].range), 'exceeds');
  assert.match(d[0].message, /the visits asked for \(2 a week for 3 weeks = 6\) are within every allowance it quotes, the least of them "9-10 visits"/);
  assert.equal(textAt(text, d[0].relatedInformation![0].range), '9-10 visits');
  assert.equal(d[0].data && (d[0].data as { axis: string }).axis, 'visits');
});

test('guideline-mismatch: the whole original request is counted where UR authorized part of it', () => {
  const it = pt(`${ALLOWANCE} The requested therapy is in excess of the guidelines. The request is not medically necessary.`, {
    service: 'Physical therapy for four sessions',
    request: 'Physical therapy for twelve sessions',
  });
  // 12 asked for in all: more than 10, so the excess is counted, not asserted.
  assert.deepEqual(visits(SUMMARY, it).d, []);
});

test('guideline-mismatch: no visits finding where the visits given and asked for do exceed, or the excess is a quoted condition', () => {
  const given = `${SUMMARY} He has completed 8 sessions of physical therapy with some benefit.`;
  // 8 given and 6 asked for: 14, past every allowance quoted.
  assert.deepEqual(visits(given, pt(`${ALLOWANCE} The request exceeds the guidelines. The request is not medically necessary.`)).d, []);
  // "When visits exceed the guideline" is the guideline's condition, not a claim about this request.
  assert.deepEqual(
    visits(
      SUMMARY,
      pt(
        `${ALLOWANCE} When the number of visits exceeds the guideline, exceptional factors should be noted. There is no documented functional deficit. The request is not medically necessary.`,
      ),
    ).d,
    [],
  );
  // A frequency is no allowance: "3 visits per week" does not make six visits excessive.
  assert.deepEqual(
    visits(SUMMARY, pt('Guidelines allow up to 3 visits per week, fading to 1. The request exceeds the guidelines. The request is not medically necessary.')).d,
    [],
  );
});

test('guideline-mismatch: an approval of eight visits for a first request while quoting an initial trial of 3-4', () => {
  const it: ImportedItem = {
    service: 'Acupuncture 2 times a week for 4 weeks for the neck',
    decision: 'overturned',
    guideline: 'MTUS Acupuncture Medical Treatment Guidelines 2007',
    rationale:
      'ODG recommends an initial trial of 3-4 visits over 2 weeks, and with functional improvement up to 8-12 visits over 4-6 weeks. The worker has not had acupuncture. The request is medically necessary.',
  };
  const { text, d } = visits(SUMMARY, it);
  assert.equal(d.length, 1);
  assert.equal(textAt(text, d[0].range), '3-4 visits');
  assert.match(d[0].message, /for the initial trial .* approves 2 a week for 4 weeks = 8 visits/);
});

test('guideline-mismatch: no visits finding for an approval within the trial, or of continued visits within the course', () => {
  const rationale =
    'ODG recommends an initial trial of 3-4 visits over 2 weeks, and with functional improvement up to 8-12 visits over 4-6 weeks. The request is medically necessary.';
  const first = (service: string): ImportedItem => ({
    service,
    decision: 'overturned',
    guideline: 'MTUS Acupuncture Medical Treatment Guidelines 2007',
    rationale,
  });
  assert.deepEqual(visits(SUMMARY, first('Acupuncture 2 times a week for 2 weeks for the neck')).d, []);
  // Additional visits after a trial are judged by the course: 8 is within 8-12.
  assert.deepEqual(visits(SUMMARY, first('Additional acupuncture 2 times a week for 4 weeks for the neck')).d, []);
});

test('guideline-mismatch: therapy after surgery judged by the allowance for care without surgery', () => {
  const summary =
    'The injured worker is a 48 year old male with a fracture of the left small finger. He underwent left hand surgery on 10/22/2016 and has had therapy since.';
  const rationale =
    'ODG allows for a fracture of the fingers: minor, 8 visits over 5 weeks; post-surgical treatment: complicated, 16 visits over 10 weeks. As the guidelines recommend 8 visits over 5 weeks, the 12 visits requested are in excess of the guidelines. The request is not medically necessary.';
  const it: ImportedItem = { service: 'Hand therapy 2 times a week for 6 weeks for the left hand', decision: 'upheld', rationale };
  const { text, d } = visits(summary, it);
  assert.equal(d.length, 1);
  assert.equal(textAt(text, d[0].range), 'in excess of');
  assert.match(
    d[0].message,
    /the record documents surgery .* the post-surgical allowance it quotes, "16 visits", covers the visits asked for \(2 a week for 6 weeks = 12\)/,
  );
  // Without a surgery in the record the non-surgical allowance is the one to apply: 12 is past 8, so no finding.
  const noSurgery = 'The injured worker is a 48 year old male with a fracture of the left small finger treated in a splint.';
  assert.deepEqual(visits(noSurgery, it).d, []);
});
