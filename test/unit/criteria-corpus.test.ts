// Matching a disputed service to its guideline section, measured on the 150
// real letters: test/fixtures/corpus-sections.tsv says, for each item, which
// section(s) a reviewer would judge it by (read by hand from the item's name
// and the letter's MAXIMUS guideline line). The test reports every item that
// matches no section or the wrong one, and every section no item matches, by
// letter and item number only (never letter text), and holds the share of
// items matched to the right section at 90% or more.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { corpusSkip, ROOT } from '../helpers/fixtures';
import { readCorpus } from '../helpers/necessityCorpus';
import { BUILT_IN_LIBRARY } from '../../server/src/service/necessity/library';
import sites from '../../server/src/service/data/lexicon/sites.json';

interface Label {
  letter: string;
  item: number;
  expected: string[];
}

function labels(): Label[] {
  return fs
    .readFileSync(path.join(ROOT, 'test', 'fixtures', 'corpus-sections.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => {
      const [letter, item, expected] = l.split('\t');
      return { letter, item: Number(item), expected: expected === '-' ? [] : expected.split('|') };
    });
}

test('corpus: at least 90% of the disputed items match the right guideline section', { skip: corpusSkip }, (t) => {
  const byKey = new Map(labels().map((l) => [`${l.letter}#${l.item}`, l]));
  let total = 0;
  let right = 0;
  const unmatched: string[] = [];
  const wrong: string[] = [];
  const used = new Set<string>();
  for (const letter of readCorpus()) {
    letter.items.forEach((item, i) => {
      total++;
      const key = `${letter.name}#${i + 1}`;
      const label = byKey.get(key);
      assert.ok(label, `${key} has no label in corpus-sections.tsv: the letters and the labels are out of step`);
      const got = BUILT_IN_LIBRARY.matchService(item.service);
      for (const s of got) used.add(s.id);
      if (!got.length) unmatched.push(key);
      else if (label.expected.includes(got[0].id)) right++;
      else wrong.push(`${key} -> ${got[0].id} (expected ${label.expected.join(' or ') || 'none'})`);
    });
  }
  assert.equal(total, byKey.size, 'every label names an item of the corpus');
  const unusedSections = [...BUILT_IN_LIBRARY.sections.keys()].filter((id) => !used.has(id));
  const share = right / total;
  t.diagnostic(`${right} of ${total} items (${(share * 100).toFixed(1)}%) match the right section; ${wrong.length} the wrong one; ${unmatched.length} none`);
  t.diagnostic(`items matching no section: ${unmatched.join(', ') || 'none'}`);
  t.diagnostic(`items matching the wrong section: ${wrong.join('; ') || 'none'}`);
  t.diagnostic(`sections no corpus item matches: ${unusedSections.join(', ') || 'none'}`);
  assert.ok(share >= 0.9, `${(share * 100).toFixed(1)}% of items match the right section (floor 90%)`);
});

test('service names match as reviewers write them: plurals, stems and brand names', () => {
  const cases: [string, string][] = [
    ['Chiropractic care, 6 visits', 'chiropractic'],
    ['Chirophysio therapy 2 times a week', 'chiropractic'],
    ['NSAIDs for the knee', 'nsaids'],
    ['Opioids, ongoing', 'opioids'],
    ['PPIs', 'ppi'],
    ['Muscle relaxants', 'muscle-relaxants'],
    ['Electromyography of the legs', 'emg-ncv'],
    ['Lumbar spine x-rays', 'low-back-x-ray'],
    ['Pepcid 20mg', 'ppi'],
    ['Interferential unit, 30-day trial', 'interferential-stimulation'],
    ['Electrical stimulation 1 times 8', 'passive-modalities'],
    ['Radiofrequency ablation of the L4-5 medial branches', 'radiofrequency-ablation'],
    ['Lumbar facet injections L4-5, L5-S1', 'facet-injections'],
    ['Cyclobenzaprine 5% cream 240g', 'topical-analgesics'],
    ['Cyclobenzaprine 7.5mg #60', 'muscle-relaxants'],
    ['Diclofenac sodium 3% gel', 'topical-analgesics'],
    ['Diclofenac ER 100mg #60', 'nsaids'],
    ['Twelve acupuncture visits with capsaicin patch', 'acupuncture'],
    ['Associated surgical service: Labs - PT/PTT', 'preoperative-testing'],
    ['MRI of the right hip', 'hip-imaging'],
  ];
  for (const [service, id] of cases) assert.equal(BUILT_IN_LIBRARY.matchService(service)[0]?.id, id, service);
  assert.ok(!BUILT_IN_LIBRARY.matchService('Interferential unit').some((s) => s.id === 'tens'), 'TENS does not take interferential stimulation');
  assert.ok(!BUILT_IN_LIBRARY.matchService('Radiofrequency ablation L4-5').some((s) => s.id === 'facet-injections'), 'facet injections do not take RFA');
  assert.ok(
    !BUILT_IN_LIBRARY.matchService('Associated surgical service: Labs - PT/PTT').some((s) => s.id === 'physical-therapy'),
    'PT/PTT is a lab test, not therapy',
  );
});

test('a section cited for another body site, service or drug form is a coverage conflict', () => {
  const lib = BUILT_IN_LIBRARY;
  const conflict = (service: string, section: string) => lib.coverageConflict(service, lib.section(section)!);
  assert.deepEqual(conflict('MRI of the right knee', 'low-back-mri'), { axis: 'sites', item: ['knee'], section: ['lumbar'] });
  assert.equal(conflict('MRI of the right knee', 'knee-mri'), undefined);
  assert.equal(conflict('Physical therapy 12 visits', 'chiropractic')?.axis, 'services');
  assert.equal(conflict('Diclofenac 3% gel', 'nsaids')?.axis, 'forms');
  // An item the library does not know is never called a mismatch.
  assert.equal(conflict('Wedge of cheese', 'low-back-mri'), undefined);
});

test("the body sites a section covers are the lexicon's site ids", () => {
  const known = new Set((sites as { sites: { id: string }[] }).sites.map((s) => s.id));
  for (const s of BUILT_IN_LIBRARY.sections.values())
    for (const id of s.covers?.sites ?? []) assert.ok(known.has(id), `${s.id} covers "${id}", not a site of lexicon/sites.json`);
});
