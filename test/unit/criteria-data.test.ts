// The criteria library and term lists are data a clinical editor changes:
// every built-in file must pass its JSON Schema and the checks a schema
// cannot express, keep the draft's criterion ids, mark what is unverified,
// and match disputed services as letters name them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { corpusSkip, SHARED } from '../helpers/fixtures';
import { BUILT_IN_FILES, BUILT_IN_LIBRARY, validateCriteriaData } from '../../server/src/service/necessity/library';
import { TERM_FILES } from '../../server/src/service/necessity/terms';
import { validateAgainstSchema } from '../../server/src/service/necessity/jsonSchema';
import termsSchema from '../../server/src/service/data/schema/terms.schema.json';
import { LanguageService } from '../../server/src/service/languageService';
import { CLEAN_CASE, necessityDiagnostics } from '../helpers/necessityCases';

test('every built-in criteria file passes the schema and the library checks', () => {
  for (const [name, data] of Object.entries(BUILT_IN_FILES)) assert.deepEqual(validateCriteriaData(data), [], name);
});

test('every term file passes the terms schema', () => {
  for (const [name, data] of Object.entries(TERM_FILES)) assert.deepEqual(validateAgainstSchema(data, termsSchema as Record<string, unknown>), [], name);
});

test('the validator reports what is wrong and where', () => {
  const bad = {
    sections: [
      {
        id: 'Low Back',
        title: 'x',
        source: { guideline: 'MTUS', mtus: 'yes', document: 'd', citation: 'c' },
        match: [['mri']],
        criteria: [{ id: 'lmri-1', text: '', sourceNote: 'n', extra: 1 }],
      },
    ],
  };
  const problems = validateCriteriaData(bad).map((p) => `${p.path.join('/')}: ${p.message}`);
  assert.ok(
    problems.some((p) => p.startsWith('sections/0/id:') && /low-back-mri/.test(p)),
    problems.join('\n'),
  );
  assert.ok(problems.some((p) => p.startsWith('sections/0/source/mtus:') && /boolean/.test(p)));
  assert.ok(problems.some((p) => p.startsWith('sections/0/criteria/0/id:') && /LMRI-01/.test(p)));
  assert.ok(problems.some((p) => p.startsWith('sections/0/criteria/0/text:')));
  assert.ok(problems.some((p) => p.startsWith('sections/0/criteria/0/extra:')));
  const dup = {
    sections: [
      {
        id: 'a',
        title: 'a',
        source: { guideline: 'MTUS', mtus: true, document: 'd', citation: 'c' },
        match: [['x']],
        criteria: [
          { id: 'AA-01', text: 't', sourceNote: 'n', concepts: ['no-such-concept'] },
          { id: 'AA-01', text: 't', sourceNote: 'n' },
        ],
      },
    ],
  };
  const dupProblems = validateCriteriaData(dup).map((p) => p.message);
  assert.ok(dupProblems.some((m) => /AA-01 is already used/.test(m)));
  assert.ok(dupProblems.some((m) => /no-such-concept/.test(m)));
});

test('the library covers at least 20 disputed services, MTUS and non-MTUS', () => {
  const sections = [...BUILT_IN_LIBRARY.sections.values()];
  assert.ok(sections.length >= 20, `${sections.length} sections`);
  assert.ok(sections.some((s) => s.source.mtus) && sections.some((s) => !s.source.mtus));
});

test('criterion ids of the draft are kept, reworded, and its (?) items marked unverified', { skip: corpusSkip }, () => {
  const draft = JSON.parse(fs.readFileSync(path.join(SHARED, 'design', 'criteria-draft.json'), 'utf8')) as { id: string; text: string; unverified: boolean }[];
  const norm = (t: string) =>
    t
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  for (const d of draft) {
    if (d.text.trim() === '.') continue; // a fragment of UD-02 in the draft, not a criterion
    const found = BUILT_IN_LIBRARY.criterion(d.id);
    assert.ok(found, `${d.id} missing`);
    assert.notEqual(norm(found.criterion.text), norm(d.text), `${d.id} copies the draft's wording`);
    if (d.unverified) assert.equal(found.criterion.unverified, true, `${d.id} must stay unverified`);
  }
});

test('disputed services as letters name them match their guideline section', () => {
  const cases: [string, string][] = [
    ['MRI of the lumbar spine without contrast as a outpatient', 'low-back-mri'],
    ['MRI (magnetic resonance imaging) of the cervical spine', 'cervical-mri'],
    ['Right shoulder MRI', 'shoulder-mri'],
    ['X-rays lumbar spine', 'low-back-x-ray'],
    ['EMG/NCS of the bilateral upper extremities', 'emg-ncv'],
    ['Ultram 50mg #60', 'opioids'],
    ['Prilosec 20mg #30', 'ppi'],
    ['Flexeril 7.5mg #60', 'muscle-relaxants'],
    ['Celecoxib 200mg #30', 'nsaids'],
    ['Physical therapy, 2 times a week for 3 weeks, right knee', 'physical-therapy'],
    ['Post-op physical therapy 12 sessions', 'post-surgical-pt'],
    ['TENS unit', 'tens'],
    ['Right L5 transforaminal epidural steroid injection under fluoroscopic guidance', 'epidural-steroid-injection'],
    ['Twelve manual acupuncture visits', 'acupuncture'],
    ['Urine drug testing', 'urine-drug-testing'],
    ['Gym membership for six months', 'gym-membership'],
  ];
  for (const [service, id] of cases) assert.equal(BUILT_IN_LIBRARY.matchService(service)[0]?.id, id, service);
  assert.ok(!BUILT_IN_LIBRARY.matchService('Post-op physical therapy 12 sessions').some((s) => s.id === 'physical-therapy'));
  assert.deepEqual(BUILT_IN_LIBRARY.matchService('Electroencephalogram'), []);
});

test('workspace criteria: a valid file adds a section the case can cite', () => {
  const service = new LanguageService();
  const file = {
    uri: 'file:///ws/.imr/criteria/work-hardening.json',
    text: JSON.stringify(
      {
        sections: [
          {
            id: 'work-hardening',
            title: 'Work hardening',
            source: {
              guideline: 'MTUS',
              mtus: true,
              document: 'CPMTG 2016',
              citation: 'MTUS Chronic Pain Medical Treatment Guidelines 2016, Section(s): Work conditioning, work hardening',
            },
            match: [['work hardening', 'work conditioning']],
            criteria: [{ id: 'WH-01', text: 'A defined return-to-work goal agreed by employer and worker.', sourceNote: 'workspace', decisive: true }],
          },
        ],
      },
      null,
      2,
    ),
  };
  try {
    const result = service.setWorkspaceCriteria([file]);
    assert.deepEqual(result.get(file.uri), []);
    const text = CLEAN_CASE.replace('item MRI of the lumbar spine', 'item Work hardening 10 sessions').replace(
      /criteria: low-back-mri\n( {4}LMRI.*\n)+/,
      'criteria: work-hardening\n    WH-01: met [#pt-failed]\n',
    );
    assert.deepEqual(
      necessityDiagnostics(text, undefined, service).filter((d) => /criteri/.test(d.code)),
      [],
    );
  } finally {
    service.setWorkspaceCriteria([]);
  }
  assert.equal(BUILT_IN_LIBRARY.section('work-hardening'), undefined);
});

test('workspace criteria: problems are diagnostics at the exact place in the file', () => {
  const service = new LanguageService();
  try {
    const broken = { uri: 'file:///ws/.imr/criteria/broken.json', text: '{\n  "sections": [\n    { "id": "x", }\n  ]\n}\n' };
    const badId = {
      uri: 'file:///ws/.imr/criteria/bad-id.json',
      text: '{\n  "sections": [\n    {\n      "id": "my-mri",\n      "title": "t",\n      "source": { "guideline": "MTUS", "mtus": true, "document": "d", "citation": "c" },\n      "match": [["mri"]],\n      "criteria": [ { "id": "mri one", "text": "t", "sourceNote": "n" } ]\n    }\n  ]\n}\n',
    };
    const stealsId = {
      uri: 'file:///ws/.imr/criteria/steals.json',
      text: JSON.stringify({
        sections: [
          {
            id: 'other',
            title: 't',
            source: { guideline: 'MTUS', mtus: true, document: 'd', citation: 'c' },
            match: [['x']],
            criteria: [{ id: 'LMRI-01', text: 't', sourceNote: 'n' }],
          },
        ],
      }),
    };
    const result = service.setWorkspaceCriteria([broken, badId, stealsId]);
    const b = result.get(broken.uri)!;
    assert.equal(b.length, 1);
    assert.match(b[0].message, /not valid JSON/);
    assert.deepEqual(b[0].range.start, { line: 2, character: 17 }); // the "}" where a property name was expected
    const i = result.get(badId.uri)!;
    assert.equal(i.length, 1);
    assert.equal(i[0].range.start.line, 7);
    assert.match(i[0].message, /LMRI-01/);
    assert.match(result.get(stealsId.uri)![0].message, /already belongs to the built-in section "low-back-mri"/);
  } finally {
    service.setWorkspaceCriteria([]);
  }
});

test('workspace criteria: a "__proto__" or "constructor" key is an unknown property, never a way past validation', () => {
  const service = new LanguageService();
  const valid = {
    uri: 'file:///ws/.imr/criteria/a-valid.json',
    text: JSON.stringify({
      sections: [
        {
          id: 'my-scan',
          title: 't',
          source: { guideline: 'MTUS', mtus: true, document: 'd', citation: 'c' },
          match: [['scan']],
          criteria: [{ id: 'SCAN-01', text: 't', sourceNote: 'n' }],
        },
      ],
    }),
  };
  try {
    for (const text of ['{"__proto__": {"sections": 5}}', '{"__proto__": {"sections": [{"id": "x"}]}}', '{"sections": [], "constructor": 1}']) {
      const hostile = { uri: 'file:///ws/.imr/criteria/b-hostile.json', text };
      const result = service.setWorkspaceCriteria([valid, hostile]);
      const problems = result.get(hostile.uri)!.map((d) => d.message);
      assert.ok(
        problems.some((m) => /is not a known property/.test(m)),
        `${text}: ${JSON.stringify(problems)}`,
      );
      // The valid file beside it still loads.
      assert.deepEqual(result.get(valid.uri), []);
      assert.ok(
        !necessityDiagnostics(CLEAN_CASE.replace('criteria: low-back-mri', 'criteria: my-scan'), undefined, service).some((d) =>
          /"my-scan" is not a guideline section/.test(d.message),
        ),
        text,
      );
    }
  } finally {
    service.setWorkspaceCriteria([]);
  }
});

test('the drug formulary names a library section for every drug, and leads a drug no section lists to its criteria', async () => {
  const { FORMULARY, formularyDrug } = await import('../../server/src/service/necessity/formulary');
  for (const d of FORMULARY.drugs) assert.ok(BUILT_IN_LIBRARY.section(d.section), `${d.generic}: ${d.section}`);
  assert.equal(FORMULARY.effective, '2018-01-01');
  assert.equal(formularyDrug('Lioresal 10mg #60')?.generic, 'baclofen');
  assert.equal(BUILT_IN_LIBRARY.matchService('Dolophine 10mg #90')[0]?.id, 'opioids', 'methadone by its brand, through the formulary');
  assert.equal(BUILT_IN_LIBRARY.matchService('Zostrix cream')[0]?.id, 'topical-analgesics');
});
