// guideline-mismatch, guidance for another phase of care: a denial decided by
// what a guideline recommends for chronic pain, for an injury the header dates
// a few weeks before the utilization review.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importedCase, type ImportedItem } from '../helpers/importedCases';
import { necessityDiagnostics, textAt } from '../helpers/necessityCases';

// The helper's header: injury 10/15/2016, utilization review 12/12/2016 (58 days); the tests move the injury.
const SUMMARY = 'The injured worker is a 48 year old male who sustained an industrial injury. He reported acute low back pain after lifting a hose.';
const item = (rationale: string, over: Partial<ImportedItem> = {}): ImportedItem => ({
  service: 'Chiropractic manipulation 2 times a week for 4 weeks for the lumbar spine',
  decision: 'upheld',
  guideline: 'MTUS Chronic Pain Medical Treatment Guidelines 2016, Section(s): Manual therapy & manipulation',
  rationale,
  ...over,
});
const CHRONIC = 'According to the MTUS Chronic Pain Guidelines, manipulation is recommended for chronic pain if caused by musculoskeletal conditions.';
const REST = 'There is no documentation of functional improvement from prior sessions. The request is not medically necessary.';
const phase = (it: ImportedItem, injury = '11/28/2016') => {
  const text = importedCase(SUMMARY, it).replace('injury-date: 10/15/2016', `injury-date: ${injury}`);
  return { text, d: necessityDiagnostics(text).filter((d) => d.code === 'guideline-mismatch') };
};

test('guideline-mismatch: chronic-pain guidance decides a request two weeks after the injury', () => {
  const { text, d } = phase(item(`${CHRONIC} ${REST}`));
  assert.equal(d.length, 1);
  assert.equal(textAt(text, d[0].range), 'chronic pain');
  assert.match(d[0].message, /guidance written for chronic pain \("According to the MTUS Chronic Pain Guidelines, manipulation is recommended for chronic/);
  assert.match(d[0].message, /injury of 11\/28\/2016, 14 days before the utilization review of 12\/12\/2016/);
  assert.deepEqual(
    d[0].relatedInformation!.map((r) => textAt(text, r.range)),
    ['11/28/2016', '12/12/2016'],
  );
});

test('guideline-mismatch: no phase finding past the acute phase, for the title alone, beside acute pain, or on an overturn', () => {
  // 58 days: past the acute phase.
  assert.deepEqual(phase(item(`${CHRONIC} ${REST}`), '10/15/2016').d, []);
  // The guideline's title names chronic pain; its criterion does not.
  assert.deepEqual(phase(item(`The MTUS Chronic Pain Medical Treatment Guidelines recommend a trial of 6 visits over 2 weeks. ${REST}`)).d, []);
  // Guidance for acute and chronic pain alike.
  assert.deepEqual(phase(item(`Manipulation is recommended for acute or chronic pain if caused by musculoskeletal conditions. ${REST}`)).d, []);
  // The rationale says why the chronic-pain guidance does not apply.
  assert.deepEqual(phase(item(`The injury is recent, so the guidance for chronic pain does not apply. ${REST}`)).d, []);
  assert.deepEqual(phase(item(`${CHRONIC} The request is medically necessary.`, { decision: 'overturned' })).d, []);
});

test('guideline-mismatch: guidance scoped to pain beyond a month after onset, 14 days after the injury', () => {
  const later =
    'The MTUS Opioid Treatment Guidelines state that if pain extends beyond the acute phase beyond 1 month following onset, a multidisciplinary approach should continue. There is no documentation of failed non-opioid medication. The request is not medically necessary.';
  const it = item(later, { service: 'Tramadol 50mg #30', guideline: 'MTUS Opioid Treatment 2016, Section(s): 2. Opioids for Subacute Pain' });
  const { text, d } = phase(it);
  assert.equal(d.length, 1);
  assert.equal(textAt(text, d[0].range), '1 month');
  assert.match(d[0].message, /guidance for pain that has lasted beyond 1 month .* 14 days before the utilization review/);
  // 58 days after the injury the case is past that month: the guidance fits its phase.
  assert.deepEqual(phase(it, '10/15/2016').d, []);
  // A duration that is no phase's ("visits over 1 month") scopes nothing.
  assert.deepEqual(
    phase(
      item('The guidelines allow 6 visits over 1 month of therapy. There is no documented functional deficit. The request is not medically necessary.', {
        service: 'Tramadol 50mg #30',
      }),
    ).d,
    [],
  );
});
