// The clinical lexicon (server/src/service/data/lexicon/) is data a clinical
// editor extends. Every file must pass the lexicon schema and the checks a
// schema cannot express: ids unique, every reference resolving, no cycle in
// `broader` or `partOf`, no phrase two unrelated concepts both claim (the
// matcher could not tell which one a letter means), every medication under a
// drug class. A few clinical facts the rules depend on are pinned as well.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'path';
import { validateAgainstSchema } from '../../server/src/service/necessity/jsonSchema';
import lexiconSchema from '../../server/src/service/data/schema/lexicon.schema.json';
import { ancestors, ConceptEntry, phraseCovers, phraseInside, phraseKey, readLexicon } from '../helpers/lexiconData';

const lex = readLexicon();
const byId = new Map<string, ConceptEntry>(lex.concepts.map((c) => [c.id, c]));
const siteIds = new Set(lex.sites.map((s) => s.id));
const related = (a: string, b: string) => a === b || ancestors(a, byId).has(b) || ancestors(b, byId).has(a);
const phrasesOf = (c: { terms: string[]; misspellings?: string[] }) => [...c.terms, ...(c.misspellings ?? [])];

/** The concepts whose terms or misspellings match a phrase as a letter writes it. */
function conceptsFor(text: string): string[] {
  return lex.concepts.filter((c) => phrasesOf(c).some((t) => phraseCovers(t, text))).map((c) => c.id);
}

test('every lexicon file passes the lexicon schema', () => {
  assert.ok(lex.files.size > 0, 'no lexicon files found');
  for (const [name, data] of lex.files) {
    const errors = validateAgainstSchema(data, lexiconSchema as Record<string, unknown>).map((e) => `${e.path.join('/')}: ${e.message}`);
    assert.deepEqual(errors, [], name);
  }
});

test('each concept file is named for its group, and one sites file holds the sites', () => {
  for (const [name, file] of lex.conceptFiles) assert.equal(file.group, path.basename(name, '.json'), `${name}: group "${file.group}"`);
  const sitesFiles = [...lex.files].filter(([, d]) => d?.kind === 'sites').map(([n]) => n);
  assert.deepEqual(sitesFiles, ['sites.json']);
});

test('concept and site ids are unique', () => {
  const seen = new Map<string, string>();
  const dups: string[] = [];
  for (const [name, file] of lex.conceptFiles) {
    for (const c of file.concepts) {
      if (seen.has(c.id)) dups.push(`${c.id} in ${name} and ${seen.get(c.id)}`);
      seen.set(c.id, name);
    }
  }
  assert.deepEqual(dups, []);
  assert.equal(siteIds.size, lex.sites.length, 'a site id is used twice');
});

test('every broader, opposite and sites reference resolves', () => {
  const missing: string[] = [];
  for (const c of lex.concepts) {
    for (const b of c.broader ?? []) if (!byId.has(b)) missing.push(`${c.id}: broader ${b}`);
    if (c.opposite && !byId.has(c.opposite)) missing.push(`${c.id}: opposite ${c.opposite}`);
    for (const s of c.sites ?? []) if (!siteIds.has(s)) missing.push(`${c.id}: site ${s}`);
  }
  for (const s of lex.sites) for (const p of s.partOf ?? []) if (!siteIds.has(p)) missing.push(`site ${s.id}: partOf ${p}`);
  assert.deepEqual(missing, []);
});

test('broader and partOf have no cycles', () => {
  const cyclic = lex.concepts.filter((c) => ancestors(c.id, byId).has(c.id)).map((c) => c.id);
  assert.deepEqual(cyclic, [], 'concepts that are broader than themselves');
  const sitesById = new Map(lex.sites.map((s) => [s.id, s]));
  const siteCycles = lex.sites.filter((s) => {
    const seen = new Set<string>();
    const stack = [...(s.partOf ?? [])];
    while (stack.length) {
      const p = stack.pop()!;
      if (p === s.id) return true;
      if (seen.has(p)) continue;
      seen.add(p);
      stack.push(...(sitesById.get(p)?.partOf ?? []));
    }
    return false;
  });
  assert.deepEqual(
    siteCycles.map((s) => s.id),
    [],
    'sites that are part of themselves',
  );
});

test('opposites are other concepts with another reading, not broader or narrower ones', () => {
  const wrong: string[] = [];
  for (const c of lex.concepts) {
    if (!c.opposite) continue;
    const o = byId.get(c.opposite);
    if (!o) continue;
    if (related(c.id, o.id)) wrong.push(`${c.id} and its opposite ${o.id} are broader or narrower than each other`);
    if ((c.polarity ?? 'neutral') !== 'neutral' && (c.polarity ?? 'neutral') === (o.polarity ?? 'neutral'))
      wrong.push(`${c.id} and its opposite ${o.id} are both ${c.polarity}`);
    // The opposite points back, or to a broader concept of this one (hyporeflexia -> normal reflexes -> abnormal reflexes).
    if (o.opposite && o.opposite !== c.id && !ancestors(c.id, byId).has(o.opposite)) wrong.push(`${c.id} -> ${o.id} -> ${o.opposite}`);
  }
  assert.deepEqual(wrong, []);
});

// A phrase of two unrelated concepts leaves the reader unable to tell which
// one a letter means. In a broader and a narrower concept it is redundant
// (the narrower mention already counts for the broader one) and the reader
// would report the same words twice, so it belongs to the narrower only.
test('no phrase belongs to two concepts, and a narrower concept holds it rather than a broader one', () => {
  const owners = new Map<string, string[]>();
  const repeated: string[] = [];
  for (const c of lex.concepts) {
    const keys = new Set<string>();
    for (const t of phrasesOf(c)) {
      const key = phraseKey(t);
      if (keys.has(key)) repeated.push(`${c.id}: "${t}" twice`);
      keys.add(key);
      owners.set(key, [...(owners.get(key) ?? []), c.id]);
    }
  }
  assert.deepEqual(repeated, [], 'a concept lists the same phrase twice (a hyphen, a space and none are the same)');
  const clashes: string[] = [];
  for (const [key, ids] of owners) {
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) {
        if (!related(ids[i], ids[j])) clashes.push(`"${key}": ${ids[i]} and ${ids[j]}`);
        else clashes.push(`"${key}": in both ${ids[i]} and ${ids[j]}; keep it in the narrower one`);
      }
  }
  assert.deepEqual(clashes, []);
});

test('no wildcard phrase swallows another phrase of its concept, of a related one or of an unrelated one', () => {
  // Bucketed by first letter: a phrase can only cover phrases that start like it.
  const buckets = new Map<string, { id: string; t: string }[]>();
  for (const c of lex.concepts) {
    for (const t of phrasesOf(c)) {
      const first = phraseKey(t).charAt(0);
      buckets.set(first, [...(buckets.get(first) ?? []), { id: c.id, t }]);
    }
  }
  const clashes: string[] = [];
  for (const c of lex.concepts) {
    for (const w of phrasesOf(c).filter((t) => t.includes('*'))) {
      for (const p of buckets.get(phraseKey(w).charAt(0)) ?? []) {
        // Only a literal phrase can be swallowed; two wildcard phrases may share a stem.
        if (p.t.includes('*') || !phraseCovers(w, p.t)) continue;
        if (p.id === c.id) clashes.push(`${c.id}: "${w}" already matches "${p.t}"`);
        else if (related(p.id, c.id)) clashes.push(`"${w}" (${c.id}) matches "${p.t}" (${p.id}); keep the phrase in the narrower concept`);
        else clashes.push(`"${w}" (${c.id}) matches "${p.t}" (${p.id})`);
      }
    }
  }
  assert.deepEqual(clashes, []);
});

test("every exclude phrase contains one of its concept's phrases and is not one, and misspellings are not terms", () => {
  const wrong: string[] = [];
  for (const c of lex.concepts) {
    const own = new Set(phrasesOf(c).map(phraseKey));
    for (const x of c.exclude ?? []) {
      if (own.has(phraseKey(x))) wrong.push(`${c.id}: exclude "${x}" is one of its own phrases`);
      else if (!phrasesOf(c).some((t) => phraseInside(t, x))) wrong.push(`${c.id}: exclude "${x}" contains none of its terms`);
    }
    const termKeys = new Set(c.terms.map(phraseKey));
    for (const m of c.misspellings ?? []) if (termKeys.has(phraseKey(m))) wrong.push(`${c.id}: misspelling "${m}" is also a term`);
  }
  assert.deepEqual(wrong, []);
});

test('every medication has a drug class, and drug classes are only under drug classes', () => {
  const wrong: string[] = [];
  for (const c of lex.concepts) {
    const up = [...ancestors(c.id, byId)].map((id) => byId.get(id)!);
    if (c.kind === 'medication' && !up.some((a) => a?.kind === 'drug-class')) wrong.push(`${c.id} has no drug class`);
    if (c.kind === 'drug-class' && up.some((a) => a && a.kind !== 'drug-class')) wrong.push(`${c.id} is under a non-class`);
  }
  assert.deepEqual(wrong, []);
});

test('site phrases and side phrases are unambiguous', () => {
  const owners = new Map<string, string>();
  const clashes: string[] = [];
  for (const s of lex.sites) {
    for (const t of phrasesOf(s)) {
      const key = phraseKey(t);
      if (owners.has(key)) clashes.push(`"${t}": ${owners.get(key)} and ${s.id}`);
      owners.set(key, s.id);
    }
  }
  const sideOwner = new Map<string, string>();
  for (const side of ['left', 'right', 'bilateral'] as const) {
    for (const t of lex.sides[side]) {
      const key = phraseKey(t);
      if (sideOwner.has(key)) clashes.push(`side "${t}": ${sideOwner.get(key)} and ${side}`);
      sideOwner.set(key, side);
    }
  }
  assert.deepEqual(clashes, []);
});

test('the lexicon is broad: hundreds of concepts across the groups letters need', () => {
  assert.ok(lex.concepts.length >= 300, `${lex.concepts.length} concepts`);
  const kinds = new Set(lex.concepts.map((c) => c.kind));
  for (const k of [
    'finding',
    'symptom',
    'diagnosis',
    'study',
    'procedure',
    'therapy',
    'medication',
    'drug-class',
    'comorbidity',
    'red-flag',
    'work-status',
    'pain-score',
    'response',
    'function',
    'record',
    'device',
  ]) {
    assert.ok(kinds.has(k), `no concept of kind ${k}`);
  }
});

// Clinical facts the reasoning rules rely on (issue 13): each is a way a
// reviewer can be wrong that a rule must be able to see.
const isUnder = (text: string, classId: string) => conceptsFor(text).some((id) => id === classId || ancestors(id, byId).has(classId));

test('brand and generic names reach their drug class, and a class is not confused with another', () => {
  for (const name of [
    'Norco',
    'Vicodin',
    'hydrocodone/APAP',
    'hydrocodone-acetaminophen',
    'Percocet',
    'OxyContin',
    'Ultram',
    'tramadol',
    'Nucynta',
    'morphine',
    'methadone',
    'buprenorphine',
  ]) {
    assert.ok(isUnder(name, 'opioid'), `${name} is not an opioid`);
  }
  for (const name of ['Motrin', 'ibuprofen', 'Naprosyn', 'Anaprox', 'naproxen', 'diclofenac', 'Mobic', 'meloxicam', 'Celebrex', 'ketoprofen']) {
    assert.ok(isUnder(name, 'nsaid'), `${name} is not an NSAID`);
  }
  for (const name of ['Prilosec', 'omeprazole', 'Protonix', 'pantoprazole', 'Nexium', 'lansoprazole']) assert.ok(isUnder(name, 'ppi'), `${name} is not a PPI`);
  for (const name of ['Pepcid', 'famotidine', 'Zantac', 'ranitidine']) {
    assert.ok(isUnder(name, 'h2-blocker'), `${name} is not an H2 blocker`);
    assert.ok(!isUnder(name, 'ppi'), `${name} must not count as a PPI`);
  }
  for (const name of ['Flexeril', 'cyclobenzaprine', 'Zanaflex', 'tizanidine', 'baclofen', 'Robaxin', 'Soma', 'carisoprodol', 'orphenadrine']) {
    assert.ok(isUnder(name, 'muscle-relaxant'), `${name} is not a muscle relaxant`);
  }
  for (const name of ['Neurontin', 'gabapentin', 'Lyrica', 'pregabalin']) assert.ok(isUnder(name, 'anticonvulsant'), name);
  for (const name of ['amitriptyline', 'Cymbalta', 'duloxetine', 'nortriptyline', 'trazodone']) assert.ok(isUnder(name, 'antidepressant'), name);
  assert.ok(isUnder('Ambien', 'sleep-aid') && isUnder('zolpidem', 'sleep-aid'));
  assert.ok(isUnder('Lidoderm', 'topical-analgesic'));
  assert.ok(isUnder('Tylenol', 'analgesic') && !isUnder('Tylenol', 'nsaid') && !isUnder('Tylenol', 'opioid'));
});

test('topical diclofenac is a topical NSAID, not the oral drug', () => {
  for (const name of ['Voltaren gel', 'diclofenac gel', 'Flector patch', 'Pennsaid']) {
    assert.ok(isUnder(name, 'topical-nsaid'), `${name} is not a topical NSAID`);
    assert.ok(!isUnder(name, 'diclofenac'), `${name} must not count as oral diclofenac`);
  }
  assert.ok(!isUnder('Voltaren', 'topical-nsaid'));
});

test('a specialty, college or school named with "medicine" is no medication', () => {
  // Guideline authors and reviewers' specialties are named in rationales
  // ("American College of Occupational and Environmental Medicine Guidelines
  // state ..."): read as a medication, they made a guideline sentence read as
  // one about the case.
  for (const name of [
    'American College of Occupational and Environmental Medicine',
    'Physical Medicine and Rehabilitation',
    'Addiction Medicine',
    'Nuclear Medicine',
    'the school of medicine',
  ])
    assert.ok(!isUnder(name, 'medication-any'), `${name} reads as a medication`);
  assert.ok(isUnder('medicine', 'medication-any'), 'the plain word still reads as a medication');
});

test('findings as letters write them, misspellings included', () => {
  const cases: [string, string][] = [
    ['parasthesias', 'paresthesia'],
    ['paresthesias', 'paresthesia'],
    ['SLR', 'straight-leg-raise'],
    ['straight leg raising', 'straight-leg-raise'],
    ["Spurling's", 'spurling-test'],
    ['Tinel', 'tinel-sign'],
    ['decreased sensation', 'sensory-deficit'],
    ['hypoesthesia', 'sensory-deficit'],
    ['hyporeflexia', 'hyporeflexia'],
    ['Hoffman', 'hoffmann-sign'],
    ['decreased range of motion', 'limited-range-of-motion'],
    ['antalgic gait', 'antalgic-gait'],
    ['x-rays', 'x-ray'],
    ['xray', 'x-ray'],
    ['plain films', 'x-ray'],
    ['NCV', 'ncs'],
    ['EMG/NCS', 'emg'],
    ['EMG/NCS', 'ncs'],
    ['PT', 'physical-therapy'],
    ['HEP', 'home-exercise-program'],
    ['ESI', 'epidural-steroid-injection'],
    ['TTD', 'temporarily-totally-disabled'],
    ['RFA', 'request-for-authorization'],
    ['UR', 'utilization-review'],
    ['ADLs', 'activities-of-daily-living'],
    ['NSAIDs', 'nsaid'],
    ['TENS', 'tens'],
    ['ROM', 'range-of-motion'],
    ['cauda equina', 'red-flag'],
    ['fell from a ladder', 'significant-trauma'],
    ['P&S', 'permanent-and-stationary'],
    ['PR-2', 'progress-report'],
    ['QME', 'qme-report'],
    ['TENS unit', 'tens'],
    ['cold therapy unit', 'dme'],
    ['rotator cuff tear', 'tear'],
    ['meniscal tear', 'meniscus-tear'],
    ['carpal tunnel syndrome', 'entrapment-neuropathy'],
    ['radiculopathy', 'neurologic-deficit'],
    ['epidural steroid injection', 'injection'],
    ['medial branch block', 'facet-procedure'],
    ['laminectomy', 'surgery'],
    ['total knee arthroplasty', 'joint-replacement'],
    ['UDS', 'urine-drug-screen'],
  ];
  const wrong = cases
    .filter(([text, id]) => !isUnder(text, id))
    .map(([text, id]) => `"${text}" does not read as ${id} (reads as ${conceptsFor(text).join(', ') || 'nothing'})`);
  assert.deepEqual(wrong, []);
});

test('opposites that contradict each other are linked', () => {
  const opp = (a: string, b: string) => {
    const ca = byId.get(a);
    const cb = byId.get(b);
    return !!ca && !!cb && (ca.opposite === b || cb.opposite === a);
  };
  assert.ok(opp('normal-strength', 'motor-weakness'));
  assert.ok(opp('normal-sensation', 'sensory-deficit'));
  assert.ok(opp('normal-reflexes', 'abnormal-reflexes'));
  assert.ok(opp('full-range-of-motion', 'limited-range-of-motion'));
  assert.equal(byId.get('strength')?.polarity ?? 'neutral', 'neutral', 'strength names the attribute with no verdict');
  assert.equal(byId.get('motor-weakness')?.polarity, 'abnormal');
  assert.equal(byId.get('normal-strength')?.polarity, 'normal');
});

test('the validator says what is wrong with a phrase', () => {
  const bad = { kind: 'lexicon', group: 'x', concepts: [{ id: 'a', kind: 'finding', title: 't', terms: ['rad*ic', 'x'.repeat(81)] }] };
  const messages = validateAgainstSchema(bad, lexiconSchema as Record<string, unknown>).map((e) => `${e.path.join('/')}: ${e.message}`);
  assert.ok(
    messages.some((m) => m.startsWith('concepts/0/terms/0:') && /only at the end of a word/.test(m)),
    messages.join('\n'),
  );
  assert.ok(
    messages.some((m) => m.startsWith('concepts/0/terms/1:') && /at most 80/.test(m)),
    messages.join('\n'),
  );
});

test('words that are not the clinical thing they resemble do not read as it', () => {
  // A fall from standing is no red flag: ACOEM (after AHCPR) counts major trauma, a vehicle accident or a
  // fall from a height, and minor trauma only in an older or osteoporotic worker, which a rule weighs, not a word.
  for (const text of ['fall', 'falls', 'fell', 'slip and fall', 'trip and fall', 'slipped and fell', 'fell down']) {
    assert.ok(!isUnder(text, 'red-flag'), `"${text}" reads as a red flag (${conceptsFor(text).join(', ')})`);
  }
  for (const text of ['fell from a ladder', 'fall off a ladder', 'fall from a height', 'fell from a height', 'motor vehicle accident'])
    assert.ok(isUnder(text, 'significant-trauma'), text);
  // A phalanx is a finger bone, not a misspelt Phalen test; the misspellings of the test stay.
  for (const text of ['phalanx', 'phalanges', 'distal phalanx']) assert.ok(!isUnder(text, 'phalen-test'), text);
  for (const text of ['phalan test', "phalan's sign", 'Phalen']) assert.ok(isUnder(text, 'phalen-test'), text);
  // "evidence to support the request" names no device; a lumbar support does.
  for (const text of ['support', 'supports']) assert.deepEqual(conceptsFor(text), [], text);
  assert.ok(isUnder('lumbar support', 'dme'));
  // Guideline prose ("failure to progress", "heart failure", "progress notes") is no response to treatment.
  for (const text of ['failure', 'progress', 'progressed', 'progressing']) assert.deepEqual(conceptsFor(text), [], text);
  assert.ok(isUnder('failure of conservative treatment', 'no-benefit'));
  assert.ok(isUnder('making progress', 'improvement'));
  // Decompression of the median nerve is a carpal tunnel release, not a spinal decompression.
  assert.ok(isUnder('decompression of the median nerve', 'carpal-tunnel-release'));
  assert.ok(!isUnder('decompression of the median nerve', 'spine-surgery'));
});

test('umbrella words reviewers write read as the umbrella', () => {
  for (const text of ['nerve deficits', 'nerve root deficit', 'neural deficits']) assert.ok(isUnder(text, 'neurologic-deficit'), text);
  // The signs of an examination as a whole, not the examination as a document.
  for (const text of ['physical exam findings', 'objective findings', 'clinical findings']) assert.deepEqual(conceptsFor(text), ['examination-findings'], text);
  assert.ok(isUnder('physical examination', 'history-and-physical'));
});
