// The structural rules (rules/structure.ts) and the parser's own problems: each
// code has a case that triggers it, with its exact range, and a clean case that
// does not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ImrDiagnostic } from '../../server/src/service/types';
import type { Range } from '../../server/src/service/syntax/ast';
import { diagnose, readExample } from '../helpers/fixtures';

const STRUCTURAL = [
  'syntax',
  'indentation',
  'unknown-field',
  'missing-section',
  'missing-field',
  'invalid-value',
  'duplicate',
  'date-order',
  'unknown-reference',
  'unused-label',
];

// Columns worked out by hand in the comments.
const BASE_LINES = [
  'case CM16-0221706', // 0
  '  organization: MAXIMUS Federal Services', // 1
  '  priority: standard', // 2: value 12..20
  '  received: 10/14/2016', // 3: value 12..22
  '  ur-date: 10/02/2016', // 4: value 11..21
  '  decision-date: 11/06/2016', // 5
  '', // 6
  'reviewer', // 7: keyword 0..8
  '  licensure: California', // 8
  '  specialty: Emergency Medicine', // 9
  '', // 10
  'worker', // 11
  '  age: 55', // 12: value 7..9
  '  sex: female', // 13
  '  injury-date: 1-30-2014', // 14: value 15..24
  '  diagnosis: lumbar sprain-strain', // 15: key 2..11
  '', // 16
  'summary', // 17
  '  She had therapy [#care]. Exam showed weakness [#neuro].', // 18: [#care] 18..25, [#neuro] 48..56
  '', // 19
  'item MRI of the lumbar spine', // 20: service 5..28
  '  decision: upheld', // 21
  '  claims-administrator: The Claims Administrator did not cite any medical evidence for its decision.', // 22
  '  guideline: MTUS Low Back Complaints 2004, Section(s): Special Studies', // 23
  '  criteria: low-back-mri', // 24
  '    LMRI-01: not met [#neuro]', // 25: id 4..11, [#neuro] 21..29
  '    LMRI-02: met [#care]', // 26
  '  rationale', // 27
  '    Therapy was tried [#care]. The MRI is not medically necessary.', // 28
];
const BASE = BASE_LINES.join('\n');

const r = (line: number, start: number, end: number, endLine = line): Range => ({ start: { line, character: start }, end: { line: endLine, character: end } });

/** BASE with some lines replaced (a string), removed (null) or followed by extra lines (an array). */
function edit(changes: Record<number, string | null | string[]>): string {
  const out: string[] = [];
  BASE_LINES.forEach((l, i) => {
    const c = changes[i];
    if (c === undefined) out.push(l);
    else if (c === null) return;
    else if (Array.isArray(c)) out.push(l, ...c);
    else out.push(c);
  });
  return out.join('\n');
}

function only(text: string, code: string): ImrDiagnostic[] {
  return diagnose(text).filter((d) => d.code === code);
}

function structural(text: string): ImrDiagnostic[] {
  return diagnose(text).filter((d) => STRUCTURAL.includes(d.code));
}

test('the base case and the clean examples trip no structural rule', () => {
  assert.deepEqual(structural(BASE), []);
  for (const name of ['physical-therapy-overturned.imr', 'opioids-upheld.imr', 'multiple-items.imr', 'acupuncture-partial.imr', 'cervical-mri-expedited.imr']) {
    assert.deepEqual(
      structural(readExample(name)).map((d) => `${d.code} ${d.message}`),
      [],
      name,
    );
  }
});

test('syntax: a line at the margin that is no section keyword', () => {
  const d = only(edit({ 9: ['oops not a section'] }), 'syntax');
  assert.deepEqual(
    d.map((x) => [x.severity, x.range]),
    [['error', r(10, 0, 18)]],
  );
  assert.match(d[0].message, /"oops not a section" is none of them/);
  assert.deepEqual(only(edit({ 9: ['  oops: fine as a field name'] }), 'syntax'), []);
});

test('indentation: a tab where the file indents with spaces', () => {
  const d = only(edit({ 9: '\tspecialty: Emergency Medicine' }), 'indentation');
  assert.deepEqual(
    d.map((x) => [x.severity, x.range]),
    [['warning', r(9, 0, 1)]],
  );
  assert.deepEqual(only(BASE, 'indentation'), []);
});

test('unknown-field: a misspelt field, with the likely intent offered', () => {
  const d = only(edit({ 15: '  diagnosiss: lumbar sprain-strain' }), 'unknown-field');
  assert.deepEqual(
    d.map((x) => [x.severity, x.range, x.data]),
    [['error', r(15, 2, 12), { replacement: 'diagnosis' }]],
  );
  assert.match(d[0].message, /"diagnosiss" is not a field of injured worker; did you mean "diagnosis"\?/);
  const far = only(edit({ 1: ['  favourite colour: blue'] }), 'unknown-field');
  assert.deepEqual(
    far.map((x) => [x.range, x.data]),
    [[r(2, 2, 18), undefined]],
  );
  assert.deepEqual(only(BASE, 'unknown-field'), []);
});

test('missing-section: a letter without a reviewer', () => {
  const d = only(edit({ 7: null, 8: null, 9: null, 10: null }), 'missing-section');
  assert.deepEqual(
    d.map((x) => [x.severity, x.range, x.data]),
    [['error', r(0, 0, 0), { section: 'reviewer' }]],
  );
  assert.match(d[0].message, /expert reviewer's credentials/);
  // and no missing-field for the fields of a section that is not there at all
  assert.deepEqual(only(edit({ 7: null, 8: null, 9: null, 10: null }), 'missing-field'), []);
  // An empty file is a case not yet begun: one finding naming every part, not one error per part.
  for (const empty of ['', '\n\n', '  \n-- a note to self\n']) {
    const none = only(empty, 'missing-section');
    assert.equal(none.length, 1, JSON.stringify(empty));
    assert.deepEqual(none[0].data, { section: 'case', empty: true });
    assert.match(none[0].message, /^The case file is empty\..*\(`case`\).*\(`reviewer`\).*\(`worker`\).*\(`summary`\).*\(`item`\)/);
  }
  const begun = only('case CM15-0201234\n', 'missing-section');
  assert.deepEqual(
    begun.map((x) => (x.data as { section: string }).section),
    ['reviewer', 'worker', 'summary', 'item'],
  );
  assert.deepEqual(only(BASE, 'missing-section'), []);
});

test('missing-field: a deleted `licensure:` line names State(s) of Licensure, at the reviewer keyword', () => {
  const d = only(edit({ 8: null }), 'missing-field');
  assert.deepEqual(
    d.map((x) => [x.severity, x.range]),
    [['error', r(7, 0, 8)]],
  );
  assert.match(d[0].message, /State\(s\) of Licensure/);
  assert.deepEqual(d[0].data, { section: 'reviewer', key: 'licensure', line: 7 });
  // an item without a rationale is reported on its first line, keyword and service
  const noRationale = only(edit({ 27: null, 28: null }), 'missing-field');
  assert.deepEqual(
    noRationale.map((x) => [x.range, (x.data as { key: string }).key]),
    [[r(20, 0, 28), 'rationale']],
  );
  // `case` without a number
  const noNumber = only(edit({ 0: 'case' }), 'missing-field');
  assert.deepEqual(
    noNumber.map((x) => [x.range, (x.data as { key: string }).key]),
    [[r(0, 0, 4), 'case-number']],
  );
  assert.deepEqual(only(BASE, 'missing-field'), []);
});

test('invalid-value: enum, date, age, list and case-number values, at the value', () => {
  const cases: [Record<number, string>, Range, RegExp][] = [
    [{ 2: '  priority: urgent' }, r(2, 12, 18), /Priority must be standard or expedited; "urgent"/],
    [{ 3: '  received: 13/45/2016' }, r(3, 12, 22), /"13\/45\/2016" is not a date/],
    [{ 12: '  age: fifty-five' }, r(12, 7, 17), /whole number of years/],
    [{ 8: '  licensure: California,,Nevada' }, r(8, 13, 31), /empty entry/],
    [{ 0: 'case 16-0221706' }, r(0, 5, 15), /Case numbers look like CM16-0221706/],
    [{ 2: '  priority:' }, r(2, 2, 11), /Give a value for priority/],
  ];
  for (const [change, range, message] of cases) {
    const d = only(edit(change), 'invalid-value');
    assert.deepEqual(
      d.map((x) => x.range),
      [range],
      JSON.stringify(change),
    );
    assert.match(d[0].message, message);
  }
  assert.equal(only(edit({ 0: 'case 16-0221706' }), 'invalid-value')[0].severity, 'warning');
  // an item with no service name is reported at its keyword
  assert.deepEqual(
    only(edit({ 20: 'item' }), 'invalid-value').map((x) => x.range),
    [r(20, 0, 4)],
  );
  // every accepted date form is valid
  for (const date of ['2016-10-14', '10/14/2016', '10-14-2016', '10-14-16', '1/4/16']) {
    assert.deepEqual(only(edit({ 3: `  received: ${date}` }), 'invalid-value'), [], date);
  }
  assert.deepEqual(only(edit({ 2: '  priority: Expedited' }), 'invalid-value'), []);
  // an age is written in digits, as the letter prints it
  for (const age of ['0x37', '5.5e1', '55.0', '+55', '13', '111']) {
    assert.match(only(edit({ 12: `  age: ${age}` }), 'invalid-value')[0]?.message ?? '', /whole number of years/, age);
  }
  for (const age of ['14', '55', '110']) assert.deepEqual(only(edit({ 12: `  age: ${age}` }), 'invalid-value'), [], age);
  assert.deepEqual(only(BASE, 'invalid-value'), []);
});

test('duplicate: sections, fields, criteria, labels and items given twice', () => {
  const section = only(`${BASE}\nreviewer\n  licensure: Nevada\n  specialty: Surgery`, 'duplicate');
  assert.deepEqual(
    section.map((x) => [x.severity, x.range]),
    [['error', r(29, 0, 8)]],
  );
  assert.deepEqual(section[0].relatedInformation?.[0].range, r(7, 0, 8));
  const field = only(edit({ 2: ['  priority: expedited'] }), 'duplicate');
  assert.deepEqual(
    field.map((x) => x.range),
    [r(3, 2, 10)],
  );
  assert.match(field[0].message, /first on line 3/);
  const criterion = only(edit({ 26: ['    lmri-01: met'] }), 'duplicate');
  assert.deepEqual(
    criterion.map((x) => x.range),
    [r(27, 4, 11)],
  );
  const label = only(edit({ 18: ['  She also had weakness [#neuro].'] }), 'duplicate');
  assert.deepEqual(
    label.map((x) => x.range),
    [r(19, 24, 32)],
  );
  const item = only(`${BASE}\nitem mri of the lumbar spine\n  decision: upheld`, 'duplicate');
  assert.deepEqual(
    item.map((x) => [x.severity, x.range]),
    [['warning', r(29, 5, 28)]],
  );
  // a repeatable field (diagnosis) is not a duplicate
  assert.deepEqual(only(edit({ 15: ['  diagnosis: lumbar radiculitis'] }), 'duplicate'), []);
  assert.deepEqual(only(BASE, 'duplicate'), []);
});

test('date-order: an injury after the UR date, and a summary visit after the decision', () => {
  const d = only(edit({ 14: '  injury-date: 1-30-2017' }), 'date-order');
  // injury after UR (10/02/2016) and after received (10/14/2016): both on the injury date
  assert.deepEqual(
    d.map((x) => [x.severity, x.range]),
    [
      ['error', r(14, 15, 24)],
      ['error', r(14, 15, 24)],
    ],
  );
  assert.match(d[0].message, /Date of Injury \(01\/30\/2017\) is after the UR Denial Date \(10\/02\/2016\)/);
  const received = only(edit({ 3: '  received: 09/30/2016' }), 'date-order');
  assert.deepEqual(
    received.map((x) => x.range),
    [r(4, 11, 21)],
  );
  assert.deepEqual(received[0].relatedInformation?.[0].range, r(3, 12, 22));
  // "  Seen again on 11-20-2016." : after the Decision Date (11/06/2016); the date sits at 16..26
  const visit = only(edit({ 18: ['  Seen again on 11-20-2016.'] }), 'date-order');
  assert.deepEqual(
    visit.map((x) => [x.severity, x.range]),
    [['error', r(19, 16, 26)]],
  );
  assert.deepEqual(visit[0].relatedInformation?.[0].range, r(5, 17, 27));
  // Records after the UR date but before the decision are weighed routinely (19 of the 150 real letters).
  assert.deepEqual(only(edit({ 18: ['  Seen again on 10-20-2016.'] }), 'date-order'), []);
  assert.deepEqual(only(edit({ 18: ['  Seen before on 10-01-2016.'] }), 'date-order'), []);
  assert.deepEqual(only(BASE, 'date-order'), []);
});

test('unknown-reference: a cited label no summary sentence carries', () => {
  const d = only(edit({ 25: '    LMRI-01: not met [#neur]' }), 'unknown-reference');
  assert.deepEqual(
    d.map((x) => [x.severity, x.range, x.data]),
    [['error', r(25, 21, 28), { replacement: 'neuro' }]],
  );
  assert.equal(
    d[0].message,
    '[#neur] names no fact in the clinical case summary; did you mean [#neuro]? Put [#neur] after the summary sentence that documents it.',
  );
  const far = only(edit({ 28: '    Nothing was tried [#imaging-history].' }), 'unknown-reference');
  assert.deepEqual(
    far.map((x) => x.range),
    [r(28, 22, 40)],
  );
  assert.equal(
    far[0].message,
    '[#imaging-history] names no fact in the clinical case summary. Put [#imaging-history] after the summary sentence that documents it.',
  );
  assert.deepEqual(only(BASE, 'unknown-reference'), []);
});

test('unused-label: a summary fact nothing cites is a faded hint', () => {
  const d = only(edit({ 25: '    LMRI-01: not met' }), 'unused-label');
  assert.deepEqual(
    d.map((x) => [x.severity, x.range, x.tags]),
    [['hint', r(18, 48, 56), ['unnecessary']]],
  );
  assert.match(d[0].message, /\[#neuro\] is not cited/);
  assert.deepEqual(only(BASE, 'unused-label'), []);
});

test('a suppression comment silences the named code on the next line only', () => {
  const typo = '  diagnosiss: lumbar sprain-strain';
  assert.deepEqual(only(edit({ 15: ['  -- imr-disable-next-line unknown-field', typo].join('\n') }), 'unknown-field'), []);
  assert.equal(only(edit({ 15: ['  -- imr-disable-next-line date-order', typo].join('\n') }), 'unknown-field').length, 1);
  // it targets the next content line, skipping blank and comment lines
  assert.deepEqual(only(edit({ 15: ['  -- imr-disable-next-line unknown-field', '', '  -- why: testing', typo].join('\n') }), 'unknown-field'), []);
});
