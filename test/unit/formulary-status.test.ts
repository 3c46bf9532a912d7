// formulary-status: a rationale's statement of a drug's Drug List status
// against the formulary data, and against the date the formulary took effect.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { necessityDiagnostics, textAt, variant } from '../helpers/necessityCases';
import { drugMentions, statusClaims } from '../../server/src/service/necessity/formulary';

const RATIONALE = `    The worker has objective findings of specific nerve compromise
    [#neuro-deficit] and did not improve with physical therapy [#pt-failed].
    He would consider surgery. MRI of the lumbar spine is medically necessary.
`;

/** The clean case with a drug item, a 2026 UR date and the given rationale. */
function drugCase(service: string, rationale: string, urDate = '03/02/2026'): string {
  return variant(
    ['ur-date: 10/02/2016', `ur-date: ${urDate}`],
    ['decision-date: 11/06/2016', 'decision-date: 03/20/2026'],
    ['item MRI of the lumbar spine', `item ${service}`],
    [RATIONALE, rationale.replace(/^/gm, '    ').replace(/\s*$/, '\n')],
  );
}

const status = (text: string) => necessityDiagnostics(text).filter((d) => d.code === 'formulary-status');

test('an opioid called exempt is told the Drug List lists it as non-exempt', () => {
  const text = drugCase('Tramadol 50mg #60', 'Tramadol is an exempt drug, so no prospective review was needed. It is not medically necessary.');
  const found = status(text);
  assert.equal(found.length, 1);
  assert.equal(textAt(text, found[0].range), 'exempt');
  assert.match(found[0].message, /tramadol "exempt", but the MTUS Drug List lists tramadol as non-exempt: it needs authorization through prospective review/);
  assert.match(found[0].message, /unverified/);
});

test('a status that agrees with the data, said in any of the usual ways, is not reported', () => {
  for (const said of [
    'Norco is a non-exempt drug on the MTUS Drug List.',
    'Hydrocodone/APAP is not exempt and requires prospective review.',
    'Norco is Non-Exempt.',
    'Naproxen is an exempt drug under the formulary.',
  ]) {
    const service = said.startsWith('Naproxen') ? 'Naproxen 550mg #60' : 'Norco 10/325mg #90';
    assert.deepEqual(status(drugCase(service, `${said} The request is not medically necessary.`)), [], said);
  }
});

test('the item names the drug when the sentence does not', () => {
  const text = drugCase('Alprazolam 0.5mg #30', 'This medication is exempt under the MTUS Drug Formulary. It is medically necessary.');
  const found = status(text);
  assert.equal(found.length, 1);
  assert.match(found[0].message, /alprazolam "exempt".*non-exempt/);
});

test('the drug nearest before the word is the one the status is about', () => {
  // Ibuprofen is exempt; the oxycodone named first is not what "exempt" qualifies.
  const ok = drugCase('Oxycodone 10mg #60', 'Unlike oxycodone, which needs review, ibuprofen is exempt. Oxycodone is not medically necessary.');
  assert.deepEqual(status(ok), []);
});

test('a compounded drug called exempt is unlisted by definition', () => {
  const text = drugCase(
    'Compounded cream: flurbiprofen 20%, lidocaine 5% 180gm',
    'The compound is exempt on the MTUS Drug List. It is not medically necessary.',
  );
  const found = status(text);
  assert.equal(found.length, 1);
  assert.match(found[0].message, /compounded drug "exempt", but a compounded drug is not a listed drug/);
});

test('a brand of an exempt generic called exempt needs review unless its need is documented', () => {
  const text = drugCase('Motrin 800mg #90', 'Motrin is exempt and may be dispensed without review. It is medically necessary.');
  const found = status(text);
  assert.equal(found.length, 1);
  assert.match(found[0].message, /Motrin, a brand of ibuprofen, "exempt": a brand-name exempt drug/);
});

test('a drug whose status the data does not give is not judged', () => {
  assert.deepEqual(status(drugCase('Cyclobenzaprine 7.5mg #60', 'Cyclobenzaprine is exempt on the MTUS Drug List. It is not medically necessary.')), []);
});

test('"exempt from" a cap or a fee is not a Drug List status, and a non-drug item is not read', () => {
  assert.deepEqual(
    status(drugCase('Tramadol 50mg #60', 'Post-surgical care is exempt from the 24-visit cap; tramadol is non-exempt. It is not medically necessary.')),
    [],
  );
  assert.deepEqual(
    status(drugCase('Physical therapy 2x6 for the lumbar spine', 'Post-surgical therapy is exempt from the visit cap. It is not medically necessary.')),
    [],
  );
});

test('a request dated before the formulary took effect has no Drug List status to give', () => {
  const text = drugCase('Tramadol 50mg #60', 'Tramadol is a non-exempt drug. It is not medically necessary.', '10/02/2016');
  const found = status(text);
  assert.equal(found.length, 1);
  assert.match(found[0].message, /took effect on 01\/01\/2018.*on 10\/02\/2016, the UR date, no drug had such a status/);
  assert.equal(found[0].relatedInformation?.length, 1);
});

test('status words are read as letters write them, and drugs by generic or brand name', () => {
  const claims = (s: string) => statusClaims(s).map((c) => c.status);
  assert.deepEqual(claims('It is non-exempt.'), ['non-exempt']);
  assert.deepEqual(claims('It is nonexempt.'), ['non-exempt']);
  assert.deepEqual(claims('It is not considered exempt.'), ['non-exempt']);
  assert.deepEqual(claims('It is not on the MTUS Drug List.'), ['unlisted']);
  assert.deepEqual(claims('It is exempt from prospective review.'), ['exempt']);
  assert.deepEqual(claims('It is exempt from the fee schedule.'), []);
  const named = drugMentions('Norco and Prilosec, then oxycodone/acetaminophen').map((m) => [m.drug.generic, m.brand]);
  assert.deepEqual(named, [
    ['hydrocodone/acetaminophen', true],
    ['omeprazole', true],
    ['oxycodone/acetaminophen', false],
  ]);
});
