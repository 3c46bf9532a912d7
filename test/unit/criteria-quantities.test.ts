// What a request adds up to: visits read from an item's name and from the
// summary, and visit-limit when an overturned request passes the guideline's
// course or the 24 visits per injury of Labor Code 4604.5(c)(1).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { priorVisits, requestedVisits } from '../../server/src/service/necessity/quantities';
import { dailyDose } from '../../server/src/service/necessity/dose';
import { necessityDiagnostics, textAt, variant } from '../helpers/necessityCases';
import { LanguageService } from '../../server/src/service/languageService';

test('requested visits as letters write them', () => {
  const cases: [string, number | undefined][] = [
    ['Eight (8) physical therapy sessions', 8],
    ['Physical therapy 2 times a week for 6 weeks', 12],
    ['Physical therapy 2-3 times a week for 6 weeks', 18],
    ['Acupuncture 3 times a week for 2 weeks, neck', 6],
    ['Chiropractic care to the low back two times a week for four weeks', 8],
    ['Twelve physical therapy visits for the Cervical Spine', 12],
    ['Chiropractic joint manipulation times 12', 12],
    ['Referral to chiropractor for evaluation of low back pain, twice a week for 3 weeks', 6],
    [
      'Physical therapy 6 sessions was authorized by the Claims Administrator. The remaining IMR eligible portion of the original request, Physical therapy 6 sessions is',
      6,
    ],
    [
      'Nine sessions of physical therapy of the right knee was the original request. Six sessions of physical therapy of the right knee was authorized by the Claims Administrator. The remaining IMR eligible portion of the original request, Three sessions of physical therapy of the right knee is',
      3,
    ],
    ['TENS unit', undefined],
    ['Physical therapy evaluation, cervical and thoracic spine', undefined],
  ];
  for (const [service, n] of cases) assert.equal(requestedVisits(service)?.visits, n, service);
});

test('visits already given, as the summary states them, and not the ones requested', () => {
  const s = (...t: string[]) => t.map((text) => ({ text }));
  assert.equal(priorVisits(s('Treatment to date has included 12 sessions of physical therapy and NSAIDs.'), 'physical-therapy')?.visits, 12);
  const chiro = priorVisits(s('She has had 6 sessions of chiropractic care.', 'She has completed 18 chiropractic visits to date.'), 'chiropractic');
  assert.deepEqual(chiro, { visits: 18, sentence: 1 }, 'the largest count, not the sum of restatements');
  assert.equal(priorVisits(s('He attended 6 PT visits.'), 'physical-therapy')?.visits, 6);
  assert.equal(priorVisits(s('The provider requested 8 additional sessions of physical therapy.'), 'physical-therapy'), undefined);
  assert.equal(priorVisits(s('He has had 12 sessions of physical therapy.'), 'chiropractic'), undefined, 'another therapy');
});

const PT = (service: string, prior = 'Treatment to date has included 12 sessions of physical therapy') =>
  variant(
    ['item MRI of the lumbar spine', `item ${service}`],
    ['criteria: low-back-mri', 'criteria: physical-therapy'],
    ['Treatment to date has included 12 sessions of physical therapy', prior],
  )
    .replace(/ {4}LMRI-0\d: [^\n]*\n/g, '')
    .replace(
      '  criteria: physical-therapy\n',
      '  criteria: physical-therapy\n    PT-01: met [#pt-failed]\n    PT-02: not applicable\n    PT-03: met [#neuro-deficit]\n    PT-04: not applicable\n    PT-05: met [#pt-failed]\n',
    );

test('visit-limit: an overturned request past the 24-visit cap, counting the visits already given', () => {
  const text = PT('Physical therapy 3 times a week for 4 weeks', 'Treatment to date has included 18 sessions of physical therapy');
  const [d] = necessityDiagnostics(text).filter((x) => x.code === 'visit-limit');
  assert.ok(d, JSON.stringify(necessityDiagnostics(text).map((x) => x.code)));
  assert.equal(textAt(text, d.range), 'Physical therapy 3 times a week for 4 weeks');
  assert.match(d.message, /comes to 30 physical therapy visits \(3 a week for 4 weeks = 12, plus the 18 already given: 30\)/);
  assert.match(d.message, /24 physical therapy visits per injury that Labor Code 4604\.5\(c\)\(1\) allows/);
  assert.match(d.message, /PT-04: at most 24/);
  assert.match(textAt(text, d.relatedInformation![0].range), /18 sessions of physical therapy/);
});

test('visit-limit: within the limits, upheld, or an injury before 2004: no diagnostic for the cap', () => {
  const none = (t: string) => necessityDiagnostics(t).filter((x) => x.code === 'visit-limit');
  assert.deepEqual(none(PT('Physical therapy 2 times a week for 4 weeks')), [], '8 + 12 = 20');
  assert.deepEqual(
    none(
      PT('Physical therapy 3 times a week for 4 weeks', 'Treatment to date has included 18 sessions of physical therapy').replace(
        'decision: overturned',
        'decision: upheld',
      ),
    ),
    [],
  );
  const before2004 = PT('Physical therapy 3 times a week for 4 weeks', 'Treatment to date has included 18 sessions of physical therapy').replace(
    'injury-date: 1/30/2015',
    'injury-date: 1/30/2003',
  );
  const [d] = none(before2004);
  assert.ok(d, 'the guideline course still applies');
  assert.doesNotMatch(d.message, /Labor Code/);
});

test('morphine-equivalent daily dose from drug, strength and frequency; none when the words do not say', () => {
  const med = (s: string) => dailyDose(s)?.med;
  assert.equal(med('Norco 10/325mg one tablet every 6 hours'), 40);
  assert.equal(med('Norco 5/325mg oral tablet, one tablet twice daily 14 days #40'), 10);
  assert.equal(med('Oxycodone HCL ER 20mg #60 day supply: 30'), 60);
  assert.equal(med('Tramadol (Ultram) 50mg take 1 tab orally every 4-6 hours as needed'), 30);
  assert.equal(med('Norco 7.5-325mg 2 tabs three times a day'), 45);
  assert.equal(med('Norco 10/325mg #60'), undefined, 'no frequency, no supply: not computed');
  assert.equal(med('Celecoxib 200mg #30'), undefined);
  assert.match(dailyDose('Oxycodone HCL ER 20mg #60 day supply: 30')!.how, /20 mg x #60 over 30 days = 2 a day x 1\.5 = 60 mg MED/);
});

test('med-threshold: an overturned opioid past 80 mg a day MED shows the dose and the factors', () => {
  const text = variant(
    ['item MRI of the lumbar spine', 'item Oxycodone 30mg one tablet every 6 hours'],
    ['criteria: low-back-mri', 'criteria: opioids'],
  ).replace(/ {4}LMRI-0\d: [^\n]*\n/g, '');
  const [d] = necessityDiagnostics(text).filter((x) => x.code === 'med-threshold');
  assert.ok(d, JSON.stringify(necessityDiagnostics(text).map((x) => x.code)));
  assert.match(
    d.message,
    /come to 180 mg a day morphine equivalent \(oxycodone 30 mg x 4 a day x 1\.5 = 180 mg MED\), past the 80 mg a day of OP-03 and OP-05/,
  );
  const low = text.replace('Oxycodone 30mg one tablet every 6 hours', 'Oxycodone 5mg one tablet every 6 hours');
  assert.deepEqual(
    necessityDiagnostics(low).filter((x) => x.code === 'med-threshold'),
    [],
    '30 mg MED',
  );
  assert.deepEqual(
    necessityDiagnostics(text.replace('decision: overturned', 'decision: upheld')).filter((x) => x.code === 'med-threshold'),
    [],
  );
});

test('hover on the item name shows what the request adds up to', () => {
  const text = PT('Physical therapy 3 times a week for 4 weeks', 'Treatment to date has included 18 sessions of physical therapy');
  const line = text.split('\n').findIndex((l) => l.startsWith('item Physical therapy'));
  const h = new LanguageService().getHover({ uri: 'file:///q.imr', version: 1, text }, { line, character: 8 });
  assert.ok(h);
  assert.match(h.contents.value, /Visits asked for:\*\* 3 a week for 4 weeks = 12/);
  assert.match(h.contents.value, /Already given\*\* \(the summary\): 18; \*\*in all:\*\* 30/);
  assert.match(h.contents.value, /Labor Code 4604\.5\(c\)\(1\): 24 visits per injury/);
  const opioid = variant(['item MRI of the lumbar spine', 'item Norco 10/325mg one tablet every 6 hours']);
  const ho = new LanguageService().getHover(
    { uri: 'file:///o.imr', version: 1, text: opioid },
    { line: opioid.split('\n').findIndex((l) => l.startsWith('item Norco')), character: 6 },
  );
  assert.match(ho!.contents.value, /hydrocodone 10 mg x 4 a day x 1 = 40 mg MED/);
});

test('inlay hints after the item name carry the totals; none where the words give no numbers', () => {
  const text = PT('Physical therapy 3 times a week for 4 weeks', 'Treatment to date has included 18 sessions of physical therapy');
  const line = text.split('\n').findIndex((l) => l.startsWith('item Physical therapy'));
  // The hints on the item's line (the criteria lines below carry their own: criteria-inlay test below).
  const hints = new LanguageService().getInlayHints({ uri: 'file:///h.imr', version: 1, text }).filter((h) => h.position.line === line);
  assert.deepEqual(
    hints.map((h) => [h.position, h.label]),
    [[{ line, character: text.split('\n')[line].length }, '30 physical therapy visits in all (12 asked + 18 given)']],
  );
  assert.match(hints[0].tooltip!, /Labor Code 4604\.5\(c\)\(1\): 24 per injury/);
  const mri = variant();
  const mriLine = mri.split('\n').findIndex((l) => l.startsWith('item MRI'));
  assert.deepEqual(
    new LanguageService().getInlayHints({ uri: 'file:///n.imr', version: 1, text: mri }).filter((h) => h.position.line === mriLine),
    [],
    'an MRI adds up to nothing',
  );
});

test('each criterion of a criteria block shows what it requires at the end of its line, whole in the tooltip', () => {
  const service = new LanguageService();
  const text = variant();
  const lines = text.split('\n');
  const hints = service.getInlayHints({ uri: 'file:///c.imr', version: 1, text }).filter((h) => /^\s+LMRI-\d+:/.test(lines[h.position.line]));
  const criterionLines = lines.flatMap((l, i) => (/^\s+LMRI-\d+:/.test(l) ? [i] : []));
  assert.deepEqual(
    hints.map((h) => h.position),
    criterionLines.map((line) => ({ line, character: lines[line].length })),
  );
  const section = service.library.section('low-back-mri')!;
  for (const h of hints) {
    const id = /(LMRI-\d+)/.exec(lines[h.position.line])![1];
    const c = section.criteria.find((x) => x.id === id)!;
    assert.ok(h.tooltip!.startsWith(`${id}: ${c.text.replace(/\s+/g, ' ').trim()}`), id);
    assert.ok(h.label.length <= 71 && h.label.startsWith(' '), h.label);
    assert.ok(c.text.replace(/\s+/g, ' ').startsWith(h.label.trim().replace(/…$/, '')), `${id}: the hint is the criterion's own words`);
  }
  // An id the library does not know gets no hint (unknown-criterion reports it).
  const unknown = text.replace('LMRI-06: not applicable', 'LMRI-99: not applicable');
  const u = unknown.split('\n');
  assert.ok(!service.getInlayHints({ uri: 'file:///u.imr', version: 1, text: unknown }).some((h) => u[h.position.line].includes('LMRI-99')));
});
