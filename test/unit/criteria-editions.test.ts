// Editions in force: the MTUS that governs an item is the one in force on its
// request date. A 2026 case citing the 2004 low back chapter is told which
// edition replaced it; the seed case (2015) and the 2016 letters are not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import editionsData from '../../server/src/service/data/editions/editions.json';
import { allEditions, citedEditions, editionInForce, validateEditions } from '../../server/src/service/necessity/editions';
import { BUILT_IN_LIBRARY } from '../../server/src/service/necessity/library';
import { CLEAN_CASE, necessityDiagnostics, textAt, variant } from '../helpers/necessityCases';
import { readExample, ROOT } from '../helpers/fixtures';
import * as fs from 'fs';
import * as path from 'path';
import { edition } from '../../server/src/service/necessity/editions';
import { LanguageService } from '../../server/src/service/languageService';
import { DEFAULT_SETTINGS } from '../../server/src/service/types';

const superseded = (text: string) => necessityDiagnostics(text).filter((d) => d.code === 'superseded-guideline');
const day = (iso: string) => {
  const [year, month, d] = iso.split('-').map(Number);
  return { year, month, day: d };
};

test('the editions file passes its schema and has no overlap or gap within a family', () => {
  assert.deepEqual(validateEditions(editionsData), []);
  const twoIn2018 = {
    editions: [
      {
        id: 'a',
        family: 'f',
        title: 'A',
        citation: 'A',
        year: '2004',
        regulation: 'r',
        effective: '2007-06-15',
        superseded: '2017-12-01',
        cites: ['a'],
        sourceNote: 'n',
      },
      { id: 'b', family: 'f', title: 'B', citation: 'B', year: '2016', regulation: 'r', effective: '2018-01-01', cites: ['b'], sourceNote: 'n' },
    ],
  };
  assert.match(
    validateEditions(twoIn2018)
      .map((p) => p.message)
      .join('\n'),
    /leave a gap/,
  );
  twoIn2018.editions[1].effective = '2017-06-01';
  assert.match(
    validateEditions(twoIn2018)
      .map((p) => p.message)
      .join('\n'),
    /overlap/,
  );
});

test('every built-in section names an edition the editions file has, and every MTUS section has one', () => {
  const ids = new Set(allEditions().map((e) => e.id));
  for (const s of BUILT_IN_LIBRARY.sections.values()) {
    if (s.edition) assert.ok(ids.has(s.edition), `${s.id}: ${s.edition}`);
    if (s.source.mtus) assert.ok(s.edition, `${s.id} is MTUS but names no edition`);
  }
});

test('a citation names its edition; the year picks among editions of one title', () => {
  const [lb] = citedEditions('MTUS Low Back Complaints 2004, Section(s): Special Studies');
  assert.deepEqual(
    lb.editions.map((e) => e.id),
    ['mtus-acoem-2004-low-back'],
  );
  const cp = citedEditions('MTUS Chronic Pain Medical Treatment 2016, Section(s): Physical medicine treatment.');
  assert.deepEqual(
    cp.map((c) => c.editions.map((e) => e.id)),
    [['mtus-cpmtg-2016']],
  );
  const bare = citedEditions('MTUS Chronic Pain Medical Treatment Guidelines, Section(s): Opioids');
  assert.deepEqual(bare[0].editions.map((e) => e.id).sort(), ['mtus-cpmtg-2009', 'mtus-cpmtg-2016']);
  assert.deepEqual(citedEditions('Non-MTUS Citation Official Disability Guidelines, Low Back, MRIs'), []);
  assert.equal(editionInForce('low-back', day('2015-10-02'))?.id, 'mtus-acoem-2004-low-back');
  assert.equal(editionInForce('low-back', day('2017-12-01'))?.id, 'acoem-low-back-2016');
  assert.equal(editionInForce('low-back', day('2026-03-02'))?.id, 'acoem-low-back-2020');
  assert.equal(editionInForce('chronic-pain', day('2016-07-27'))?.id, 'mtus-cpmtg-2009');
});

test('the seed case (2015), the 2016 clean case and every example check clean of superseded-guideline', () => {
  assert.deepEqual(superseded(CLEAN_CASE), []);
  for (const name of [
    'lumbar-mri-upheld.imr',
    'acupuncture-partial.imr',
    'cervical-mri-expedited.imr',
    'multiple-items.imr',
    'mistakes-demo.imr',
    'opioids-upheld.imr',
    'physical-therapy-overturned.imr',
  ]) {
    assert.deepEqual(
      superseded(readExample(name)).map((d) => d.message),
      [],
      name,
    );
  }
});

test('a 2026 case citing "MTUS Low Back Complaints 2004" gets superseded-guideline with the edition in force and a quick-fix', () => {
  const text = variant(
    ['ur-date: 10/02/2016', 'ur-date: 03/02/2026'],
    ['received: 10/14/2016', 'received: 03/14/2026'],
    ['decision-date: 11/06/2016', 'decision-date: 04/06/2026'],
    ['The Utilization Review dated\n  10/2/2016 denied', 'The Utilization Review dated\n  3/2/2026 denied'],
  );
  const found = superseded(text);
  const onGuideline = found.find((d) => textAt(text, d.range) === 'MTUS Low Back Complaints 2004');
  assert.ok(onGuideline, found.map((d) => `${textAt(text, d.range)}: ${d.message}`).join('\n'));
  assert.match(onGuideline.message, /03\/02\/2026/);
  assert.match(onGuideline.message, /Low Back Disorders Guideline \(February 13, 2020\)/);
  assert.match(onGuideline.message, /until 2017-12-01/);
  assert.equal(onGuideline.relatedInformation?.[0].range.start.line, 4, 'points at the UR date it used');
  const onCriteria = found.find((d) => textAt(text, d.range) === 'low-back-mri');
  assert.ok(onCriteria, 'the criteria block of the 2004 chapter is flagged too');
  assert.equal(onCriteria.data?.replacement, 'low-back-mri-acoem', 'and pointed at the section of the edition in force');
  const service = new LanguageService();
  const doc = { uri: 'file:///editions/fix.imr', version: 1, text };
  service.getDiagnostics(doc, DEFAULT_SETTINGS);
  const actions = service.getCodeActions(doc, onGuideline.range, [onGuideline]);
  const fix = actions.find((a) => /edition in force/.test(a.title));
  assert.ok(fix, actions.map((a) => a.title).join(', '));
  assert.equal(fix.edits[0].newText, 'MTUS (ACOEM) Low Back Disorders Guideline 2020');
});

test("the item's request-date picks the edition before the UR date does", () => {
  const late = variant(
    ['ur-date: 10/02/2016', 'ur-date: 01/10/2018'],
    ['received: 10/14/2016', 'received: 01/14/2018'],
    ['decision-date: 11/06/2016', 'decision-date: 02/06/2018'],
    ['The Utilization Review dated\n  10/2/2016 denied', 'The Utilization Review dated\n  1/10/2018 denied'],
  );
  assert.equal(superseded(late).length, 2, 'a UR date after 2017-12-01 puts the 2004 chapter out of force');
  const requested = late.replace('  decision: overturned\n', '  decision: overturned\n  request-date: 11/20/2017\n');
  assert.deepEqual(superseded(requested), [], 'a request made before 2017-12-01 is judged by the 2004 chapter');
  assert.ok(
    !necessityDiagnostics(requested)
      .concat(new LanguageService().getDiagnostics({ uri: 'file:///r.imr', version: 1, text: requested }, DEFAULT_SETTINGS))
      .some((d) => d.code === 'unknown-field'),
    'request-date: is a known field',
  );
});

test('a 2009 CPMTG citation in a late-2016 case is told of the 2016 update', () => {
  const text = variant([
    'guideline: MTUS Low Back Complaints 2004, Section(s): Special Studies',
    'guideline: MTUS Chronic Pain Medical Treatment Guidelines 2009, Section(s): Physical Medicine',
  ]);
  const [d] = superseded(text);
  assert.ok(d);
  assert.equal(textAt(text, d.range), 'MTUS Chronic Pain Medical Treatment Guidelines 2009');
  assert.match(d.message, /Chronic Pain Medical Treatment Guidelines \(2016\)/);
});

test('docs/criteria.md lists each section with its edition and the dates it is in force', () => {
  const doc = fs.readFileSync(path.join(ROOT, 'docs', 'criteria.md'), 'utf8').split('\n');
  for (const s of BUILT_IN_LIBRARY.sections.values()) {
    const row = doc.find((l) => l.startsWith(`| \`${s.id}\` |`));
    assert.ok(row, `${s.id} is not in the docs' section table`);
    const e = edition(s.edition);
    if (e) assert.ok(row.includes(`\`${e.id}\``) && row.includes(`${e.effective} to ${e.superseded ?? 'today'}`), `${s.id}: ${row}`);
  }
  for (const e of allEditions())
    assert.ok(
      doc.some((l) => l.startsWith(`| \`${e.id}\`:`) && l.includes(e.effective)),
      `edition ${e.id} is not in the docs' edition table`,
    );
});
