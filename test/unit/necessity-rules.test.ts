// Each necessity rule: a case that must fire it, a case that must not, and the
// seed letter's known defects. The clean case gives no necessity diagnostic.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readExample } from '../helpers/fixtures';
import { CLEAN_CASE, necessityDiagnostics, textAt, variant } from '../helpers/necessityCases';
import { codesOf } from '../../server/src/service/rules/registry';
import type { ImrDiagnostic } from '../../server/src/service/types';

const NECESSITY_CODES = codesOf('necessity');

const only = (diags: ImrDiagnostic[], code: string) => diags.filter((d) => d.code === code);

test('the clean case gives no necessity diagnostics', () => {
  assert.deepEqual(
    necessityDiagnostics(CLEAN_CASE).map((d) => `${d.code}: ${d.message}`),
    [],
  );
});

test('the seed letter: contradicts-record on the neurologic denial, pointing at the strength/sensation sentence', () => {
  const text = readExample('lumbar-mri-upheld.imr');
  const diags = necessityDiagnostics(text);
  const hit = only(diags, 'contradicts-record').find((d) => textAt(text, d.range).includes('There is no noted new neurologic or motor dysfunction.'));
  assert.ok(hit, `expected contradicts-record on the sentence; got ${JSON.stringify(diags.map((d) => [d.code, textAt(text, d.range)]))}`);
  assert.equal(textAt(text, hit.range), 'There is no noted new neurologic or motor dysfunction.');
  const related = (hit.relatedInformation ?? []).map((r) => textAt(text, r.range));
  assert.ok(
    related.some((r) => r.startsWith('There were abnormalities noted in strength and-or sensation of the lower extremities')),
    JSON.stringify(related),
  );
  // The rationale's "had an MRI ... done unknown time ago" is not in the summary
  // ("did not include documentation of prior radiologic imaging" is no record of one).
  const record = only(diags, 'unsupported-record-claim');
  assert.equal(record.length, 1);
  assert.equal(textAt(text, record[0].range), 'MRI');
  assert.equal(record[0].range.start.line, 56);
});

test('unsupported-necessity-claim: a conclusion with no criteria evaluated, or no guideline cited', () => {
  const noCriteria = variant([
    '  criteria: low-back-mri\n    LMRI-01: met [#neuro-deficit]\n    LMRI-02: met [#pt-failed]\n    LMRI-03: met [#surgery]\n    LMRI-04: not applicable\n    LMRI-05: met [#neuro-deficit]\n    LMRI-06: not applicable\n',
    '',
  ]);
  const a = only(necessityDiagnostics(noCriteria), 'unsupported-necessity-claim');
  assert.equal(a.length, 1);
  assert.equal(textAt(noCriteria, a[0].range), 'medically necessary');
  assert.match(a[0].message, /criteria: low-back-mri/);
  const noGuideline = variant([
    'guideline: MTUS Low Back Complaints 2004, Section(s): Special Studies',
    'guideline: The MAXIMUS reviewer did not cite any medical evidence for its decision.',
  ]);
  assert.equal(only(necessityDiagnostics(noGuideline), 'unsupported-necessity-claim').length, 1);
  const allUnknown = variant(
    ['LMRI-01: met [#neuro-deficit]', 'LMRI-01: unknown'],
    ['LMRI-02: met [#pt-failed]', 'LMRI-02: unknown'],
    ['LMRI-03: met [#surgery]', 'LMRI-03: unknown'],
    ['LMRI-04: not applicable', 'LMRI-04: unknown'],
    ['LMRI-05: met [#neuro-deficit]', 'LMRI-05: unknown'],
    ['LMRI-06: not applicable', 'LMRI-06: unknown'],
  );
  assert.equal(only(necessityDiagnostics(allUnknown), 'unsupported-necessity-claim').length, 1);
  // A dependent item (labs for a denied surgery) rests on the other item.
  const dependent = noCriteria.replace('  decision: overturned', '  decision: overturned\n  depends-on: lumbar fusion');
  assert.equal(only(necessityDiagnostics(dependent), 'unsupported-necessity-claim').length, 0);
});

test('decision-contradicts-rationale: upheld with a conclusion of necessity (and every criterion met)', () => {
  const text = variant(['decision: overturned', 'decision: upheld']);
  const d = only(necessityDiagnostics(text), 'decision-contradicts-rationale');
  assert.deepEqual(d.map((x) => x.data?.kind).sort(), ['conclusion', 'criteria-met']);
  const c = d.find((x) => x.data?.kind === 'conclusion')!;
  assert.equal(textAt(text, c.range), 'medically necessary');
  assert.equal(c.severity, 'error');
  assert.equal(textAt(text, c.relatedInformation![0].range), 'upheld');
});

test('decision-contradicts-rationale: overturned with a conclusion of non-necessity, in the ways letters write it', () => {
  for (const conclusion of [
    'is not medically necessary',
    'is determined to not be medically necessary',
    'is not a medical necessity',
    'is not-medically necessary',
    'does not appear medically necessary',
    'is, therefore, not medically necessary',
  ]) {
    const text = variant(['MRI of the lumbar spine is medically necessary.', `MRI of the lumbar spine ${conclusion}.`]);
    const d = only(necessityDiagnostics(text), 'decision-contradicts-rationale');
    assert.equal(d.length, 1, conclusion);
    assert.equal(d[0].data?.polarity, 'not-necessary', conclusion);
  }
  const established = variant(['MRI of the lumbar spine is medically necessary.', 'Medical necessity for the MRI has not been established.']);
  assert.equal(only(necessityDiagnostics(established), 'decision-contradicts-rationale').length, 1);
});

test('decision-contradicts-rationale: "not only medically necessary" affirms necessity', () => {
  const text = variant(['MRI of the lumbar spine is medically necessary.', 'MRI of the lumbar spine is not only medically necessary but urgent.']);
  assert.deepEqual(only(necessityDiagnostics(text), 'decision-contradicts-rationale'), []);
  const upheld = text.replace('decision: overturned', 'decision: upheld');
  assert.ok(
    only(necessityDiagnostics(upheld), 'decision-contradicts-rationale').some((d) => d.data?.kind === 'conclusion' && d.data?.polarity === 'necessary'),
  );
});

test("decision-contradicts-rationale: a conclusion in quotation marks is the guideline's words, not the reviewer's", () => {
  const R = 'MRI of the lumbar spine is medically necessary.';
  for (const rationale of [
    'The MRI is warranted. ACOEM states that "imaging is not medically necessary without red flags," but they are present here.',
    'The MRI is warranted. The guideline says “repeat imaging is not recommended” after a recent study.',
  ]) {
    assert.deepEqual(only(necessityDiagnostics(variant([R, rationale])), 'decision-contradicts-rationale'), [], rationale);
  }
  // The same words outside quotation marks are the reviewer's conclusion.
  assert.equal(
    only(necessityDiagnostics(variant([R, 'The MRI is warranted. Imaging is not medically necessary without red flags.'])), 'decision-contradicts-rationale')
      .length,
    1,
  );
});

test('decision-contradicts-rationale: a decisive criterion group not met yet overturned; an alternative met is enough', () => {
  const both = variant(
    ['LMRI-01: met [#neuro-deficit]', 'LMRI-01: not met no objective deficit'],
    ['LMRI-05: met [#neuro-deficit]', 'LMRI-05: not met no red flag'],
  );
  const d = only(necessityDiagnostics(both), 'decision-contradicts-rationale');
  assert.deepEqual(
    d.map((x) => textAt(both, x.range)),
    ['not met', 'not met'],
  );
  assert.deepEqual(d.map((x) => x.message.slice(0, 7)).sort(), ['LMRI-01', 'LMRI-05']);
  assert.match(
    d[0].message,
    /decides the request and is marked not met; low-back-mri needs LMRI-05 or \(LMRI-01 and LMRI-02 and LMRI-03\), and no branch of it is met/,
  );
  const one = variant(['LMRI-01: met [#neuro-deficit]', 'LMRI-01: not met no objective deficit']);
  assert.equal(only(necessityDiagnostics(one), 'decision-contradicts-rationale').length, 0);
});

test('missing-criteria: criteria of the cited section left out, or no section named', () => {
  const text = variant(['    LMRI-06: not applicable\n', '']);
  const d = only(necessityDiagnostics(text), 'missing-criteria');
  assert.equal(d.length, 1);
  assert.deepEqual(d[0].data?.missing, ['LMRI-06']);
  assert.equal(textAt(text, d[0].range), 'low-back-mri');
  const unnamed = variant(['criteria: low-back-mri', 'criteria:']);
  const u = only(necessityDiagnostics(unnamed), 'missing-criteria');
  assert.equal(u.length, 1);
  assert.match(u[0].message, /low-back-mri/);
});

test('unknown-criterion: a section or criterion id the library does not have', () => {
  const section = variant(['criteria: low-back-mri', 'criteria: low-back-mir']);
  const s = only(necessityDiagnostics(section), 'unknown-criterion');
  assert.equal(s.length, 1);
  assert.match(s[0].message, /did you mean "low-back-mri"/);
  const id = variant(['LMRI-06: not applicable', 'LMRI-07: not applicable']);
  const i = only(necessityDiagnostics(id), 'unknown-criterion');
  assert.equal(textAt(id, i[0].range), 'LMRI-07');
});

test('criterion-without-evidence: met, or decisive and not met, with neither label nor note', () => {
  const met = variant(['LMRI-03: met [#surgery]', 'LMRI-03: met']);
  const d = only(necessityDiagnostics(met), 'criterion-without-evidence');
  assert.equal(d.length, 1);
  assert.equal(textAt(met, d[0].range), 'LMRI-03: met');
  assert.deepEqual(d[0].data?.labels, ['surgery']);
  assert.equal(
    only(necessityDiagnostics(variant(['LMRI-03: met [#surgery]', 'LMRI-03: met the worker asked about surgery'])), 'criterion-without-evidence').length,
    0,
  );
  // LMRI-04 is not decisive: "not met" needs no evidence; LMRI-02 is.
  assert.equal(only(necessityDiagnostics(variant(['LMRI-04: not applicable', 'LMRI-04: not met'])), 'criterion-without-evidence').length, 0);
  assert.equal(only(necessityDiagnostics(variant(['LMRI-02: met [#pt-failed]', 'LMRI-02: not met'])), 'criterion-without-evidence').length, 1);
});

test('contradicts-record: a denial in the rationale against a documented finding', () => {
  const text = variant(['He would consider surgery.', 'There is no documented neurologic deficit. He would consider surgery.']);
  const d = only(necessityDiagnostics(text), 'contradicts-record');
  assert.equal(d.length, 1);
  assert.equal(textAt(text, d[0].range), 'There is no documented neurologic deficit.');
  assert.match(textAt(text, d[0].relatedInformation![0].range), /^On examination there was decreased sensation/);
});

test('contradicts-record: a sentence that names the documented finding itself weighs it, it does not deny it', () => {
  const weighs = variant(['He would consider surgery.', 'There is no evidence of radiculopathy but decreased sensation is noted. He would consider surgery.']);
  assert.equal(only(necessityDiagnostics(weighs), 'contradicts-record').length, 0);
  // The same denial without the acknowledgement still contradicts the record.
  const denies = variant(['He would consider surgery.', 'There is no evidence of radiculopathy. He would consider surgery.']);
  assert.equal(only(necessityDiagnostics(denies), 'contradicts-record').length, 1);
  // docs/rules.md's "right" example: citing the finding's fact acknowledges it.
  const cites = variant([
    'He would consider surgery.',
    'The strength and sensation changes [#neuro-deficit] are unchanged from the 2014 examination, so there is no new neurologic dysfunction.',
  ]);
  assert.equal(only(necessityDiagnostics(cites), 'contradicts-record').length, 0);
  // Citing an unrelated fact does not.
  const other = variant(['He would consider surgery.', 'After therapy [#pt-failed] there is no new neurologic dysfunction.']);
  assert.equal(only(necessityDiagnostics(other), 'contradicts-record').length, 1);
});

test('contradicts-record: findings the summary documents as absent do not count', () => {
  const text = variant(
    [
      'On examination there was\n  decreased sensation in the left L5 dermatome and 4/5 strength of the left\n  extensor hallucis longus [#neuro-deficit].',
      'On examination sensation was\n  intact, straight leg raise was negative and there was no focal neurologic\n  deficit [#neuro-deficit].',
    ],
    ['He would consider surgery.', 'There is no documented neurologic deficit. He would consider surgery.'],
  );
  const onDenial = (t: string) =>
    only(necessityDiagnostics(t), 'contradicts-record').filter((d) => textAt(t, d.range).includes('no documented neurologic deficit'));
  assert.equal(onDenial(text).length, 0);
  // "denied numbness, tingling or weakness" is an absence too.
  const denied = text.replace('On examination sensation was', 'He denied numbness, tingling or weakness. Sensation was');
  assert.equal(onDenial(denied).length, 0);
  // The other way round it is a contradiction: the rationale still asserts nerve compromise over that normal examination.
  const asserted = only(necessityDiagnostics(text), 'contradicts-record');
  assert.equal(asserted.length, 1);
  assert.match(textAt(text, asserted[0].range), /nerve compromise$/);
});

test('contradicts-record: a criterion marked not met though the summary documents what it asks for', () => {
  const text = variant(['LMRI-01: met [#neuro-deficit]', 'LMRI-01: not met [#pt-failed]']);
  const d = only(necessityDiagnostics(text), 'contradicts-record');
  assert.equal(d.length, 1);
  assert.equal(textAt(text, d[0].range), 'not met');
  // A note explains the judgment: no contradiction.
  assert.equal(
    only(necessityDiagnostics(variant(['LMRI-01: met [#neuro-deficit]', 'LMRI-01: not met [#pt-failed] findings are old'])), 'contradicts-record').length,
    0,
  );
});

test('contradicts-record: functional improvement denied while documented', () => {
  const text = variant(
    [
      'The physician documented that the\n  worker would consider surgery [#surgery].',
      'The physician documented that the\n  worker would consider surgery [#surgery]. After therapy he reported improved function,\n  walking twice as far [#function].',
    ],
    ['He would consider surgery.', 'There is no documented functional improvement from therapy. He would consider surgery.'],
  );
  assert.equal(only(necessityDiagnostics(text), 'contradicts-record').length, 1);
  const without = variant(['He would consider surgery.', 'There is no documented functional improvement from therapy. He would consider surgery.']);
  assert.equal(only(necessityDiagnostics(without), 'contradicts-record').length, 0);
});

test('unsupported-record-claim: a study the summary never mentions; none when it does', () => {
  const text = variant(['He would consider surgery.', 'A prior EMG showed radiculopathy. He would consider surgery.']);
  const d = only(necessityDiagnostics(text), 'unsupported-record-claim');
  assert.equal(d.length, 1);
  assert.equal(textAt(text, d[0].range), 'EMG');
  const documented = text.replace('The physician documented', 'An EMG on 5/1/2016 showed left L5 radiculopathy. The physician documented');
  assert.equal(only(necessityDiagnostics(documented), 'unsupported-record-claim').length, 0);
  // A request for the study is not a record of it.
  const requested = text.replace('The physician documented', 'The physician requested an EMG. The physician documented');
  assert.equal(only(necessityDiagnostics(requested), 'unsupported-record-claim').length, 1);
  // The rationale asking for the study is no claim that it exists.
  const asks = variant(['He would consider surgery.', 'An EMG should be performed first. He would consider surgery.']);
  assert.equal(only(necessityDiagnostics(asks), 'unsupported-record-claim').length, 0);
});

test('evidence-hierarchy: a non-MTUS decision for a service the MTUS covers needs a reason', () => {
  const odg = 'guideline: Non-MTUS Citation Official Disability Guidelines, Low Back, MRIs';
  const text = variant(['guideline: MTUS Low Back Complaints 2004, Section(s): Special Studies', odg]);
  const d = only(necessityDiagnostics(text), 'evidence-hierarchy');
  assert.equal(d.length, 1);
  assert.equal(textAt(text, d[0].range), odg.slice('guideline: '.length));
  const reason = text.replace(odg, `${odg}\n  non-mtus-reason: The MTUS does not address repeat imaging.`);
  assert.equal(only(necessityDiagnostics(reason), 'evidence-hierarchy').length, 0);
  const inRationale = text.replace(
    'He would consider surgery.',
    'The MTUS presumption is rebutted by more recent evidence on repeat imaging. He would consider surgery.',
  );
  assert.equal(only(necessityDiagnostics(inRationale), 'evidence-hierarchy').length, 0);
  // ODG for a gym membership: the MTUS does not cover it.
  const gym = text.replace('item MRI of the lumbar spine', 'item Gym membership for six months');
  assert.equal(only(necessityDiagnostics(gym), 'evidence-hierarchy').length, 0);
});

test('deadline: 30 days for standard review, 3 for expedited, counted from receipt of the records', () => {
  // received 10/14/2016, no records-received: 15 days allowed for the records, then 30.
  const late = variant(['decision-date: 11/06/2016', 'decision-date: 11/29/2016']);
  const d = only(necessityDiagnostics(late), 'deadline');
  assert.equal(d.length, 1);
  assert.equal(textAt(late, d[0].range), '11/29/2016');
  assert.match(d[0].message, /records-received/);
  assert.equal(only(necessityDiagnostics(variant(['decision-date: 11/06/2016', 'decision-date: 11/28/2016'])), 'deadline').length, 0);
  // With the records' date given, the 30 days count from it.
  const withRecords = (date: string) => variant(['decision-date: 11/06/2016', `decision-date: ${date}\n  records-received: 10/20/2016`]);
  assert.equal(only(necessityDiagnostics(withRecords('11/20/2016')), 'deadline').length, 1);
  assert.equal(only(necessityDiagnostics(withRecords('11/19/2016')), 'deadline').length, 0);
  const expedited = (date: string) => variant(['priority: standard', 'priority: expedited'], ['decision-date: 11/06/2016', `decision-date: ${date}`]);
  assert.equal(only(necessityDiagnostics(expedited('10/19/2016')), 'deadline').length, 1);
  assert.equal(only(necessityDiagnostics(expedited('10/18/2016')), 'deadline').length, 0);
  assert.match(only(necessityDiagnostics(expedited('10/19/2016')), 'deadline')[0].message, /an expedited review is due within 3 days/);
  // A priority that is neither (invalid-value reports it) has no deadline, not Object's properties for one.
  for (const priority of ['constructor', '__proto__', 'routine']) {
    const text = variant(['priority: standard', `priority: ${priority}`], ['decision-date: 11/06/2016', 'decision-date: 12/30/2016']);
    assert.deepEqual(
      only(necessityDiagnostics(text), 'deadline').map((x) => x.message),
      [],
      priority,
    );
  }
});

test('every necessity code can be silenced by imr-disable-next-line and by settings', () => {
  // A case that raises every code at once.
  const text = readExample('lumbar-mri-upheld.imr')
    .replace('decision-date: 11/06/2015', 'decision-date: 12/30/2015')
    .replace(
      'guideline: MTUS Low Back Complaints 2004, Section(s): Special Studies, Summary',
      'guideline: Non-MTUS Citation Official Disability Guidelines, Low Back, MRIs',
    )
    .replace('    LMRI-06: not applicable\n', '    LMRI-07: unknown\n')
    .replace('MRI of lumbar spine is not medically necessary.', 'MRI of lumbar spine is medically necessary.')
    .replace('The Utilization Review dated 10-2-15, denied', 'The Utilization Review dated 10-1-15, denied')
    .replace(
      'item MRI of the lumbar spine without contrast as a outpatient',
      'item TENS unit\n  decision: overturned\n  claims-administrator: none\n  guideline: MTUS Chronic Pain Medical Treatment Guidelines 2016, Section(s): TENS\n  rationale\n    A TENS unit is medically necessary.\n\nitem Oxycodone 30mg one tablet every 6 hours\n  decision: overturned\n  claims-administrator: none\n  guideline: MTUS Chronic Pain Medical Treatment Guidelines 2009, Section(s): Opioids\n  rationale\n    Oxycodone, a non-exempt drug, is medically necessary.\n\nitem Physical therapy 3 times a week for 10 weeks\n  decision: overturned\n  claims-administrator: none\n  guideline: MTUS Low Back Complaints 2004, Section(s): Physical Methods\n  rationale\n    Physical therapy is medically necessary.\n\nitem MRI of the right knee\n  decision: upheld\n  claims-administrator: none\n  guideline: MTUS Low Back Complaints 2004, Section(s): Special Studies\n  rationale\n    Guidelines recommend a knee MRI when there is mechanical locking after a trial of conservative care.\n\nitem Pepcid 20mg #60\n  decision: upheld\n  guideline: MTUS Chronic Pain Medical Treatment Guidelines 2016\n  rationale\n    Proton pump inhibitors are recommended for patients at risk for gastrointestinal events.\n\nitem MRI of the lumbar spine without contrast as a outpatient',
    );
  const all = necessityDiagnostics(text);
  assert.deepEqual([...new Set(all.map((d) => d.code))].sort(), [...NECESSITY_CODES].sort());
  for (const d of all) {
    const lines = text.split('\n');
    const line = d.range.start.line;
    const indent = /^\s*/.exec(lines[line])![0];
    lines.splice(line, 0, `${indent}-- imr-disable-next-line ${d.code}`);
    const after = necessityDiagnostics(lines.join('\n'));
    assert.ok(
      !after.some((x) => x.code === d.code && x.range.start.line === line + 1 && x.range.start.character === d.range.start.character),
      `${d.code} on line ${line + 1} not silenced`,
    );
    assert.ok(
      after.length >= all.length - all.filter((x) => x.range.start.line <= line && x.range.end.line >= line && x.code === d.code).length,
      'other diagnostics stay',
    );
  }
  for (const code of NECESSITY_CODES) {
    const off = necessityDiagnostics(text, { rules: { [code]: 'off' } });
    assert.ok(!off.some((d) => d.code === code), `${code}: off`);
    assert.ok(off.length > 0);
    const hint = necessityDiagnostics(text, { rules: { [code]: 'hint' } });
    assert.ok(hint.filter((d) => d.code === code).every((d) => d.severity === 'hint') && hint.some((d) => d.code === code), `${code}: hint`);
  }
});

test('the clean examples give no necessity diagnostics', async () => {
  const fs = await import('fs');
  const path = await import('path');
  const { EXAMPLES } = await import('../helpers/fixtures');
  // The seed letter keeps its real defects (tested above); *mistakes* files show the rules at work.
  const clean = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.imr') && !/mistakes/.test(f) && f !== 'lumbar-mri-upheld.imr');
  assert.ok(clean.length >= 1);
  for (const f of clean) {
    const diags = necessityDiagnostics(fs.readFileSync(path.join(EXAMPLES, f), 'utf8'));
    assert.deepEqual(
      diags.map((d) => `${d.code} line ${d.range.start.line + 1}: ${d.message}`),
      [],
      f,
    );
  }
});
