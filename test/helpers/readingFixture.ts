// A small concept file for the reading layer's tests, written for them (the
// lexicon's own concept files grow separately; these tests must not change
// when a clinical editor adds a synonym there).
import { compileLexicon, LEXICON_FILES, createReader, type Lexicon, type Reader } from '../../server/src/service/reading/index';

export const FIXTURE_CONCEPTS = {
  kind: 'lexicon',
  group: 'fixture',
  concepts: [
    { id: 'motor-strength', kind: 'finding', title: 'motor strength', terms: ['strength', 'motor strength', 'motor', 'muscle strength'] },
    {
      id: 'motor-weakness',
      kind: 'finding',
      title: 'motor weakness',
      terms: ['weakness', 'weak'],
      polarity: 'abnormal',
      opposite: 'motor-strength',
      exclude: ['rotator cuff weakness'],
    },
    { id: 'sensation', kind: 'finding', title: 'sensation', terms: ['sensation', 'sensory'] },
    { id: 'reflexes', kind: 'finding', title: 'reflexes', terms: ['reflex*', 'dtr*'] },
    { id: 'straight-leg-raise', kind: 'finding', title: 'a straight leg raise test', terms: ['straight leg rais*', 'slr'] },
    {
      id: 'paresthesia',
      kind: 'symptom',
      title: 'paresthesias',
      terms: ['paresthesia*', 'tingling'],
      misspellings: ['parasthesia*', 'parethesia*'],
      polarity: 'abnormal',
    },
    { id: 'nerve-compromise', kind: 'finding', title: 'nerve compromise', terms: ['nerve compromise', 'nerve root compromise'], polarity: 'abnormal' },
    {
      id: 'neurologic-dysfunction',
      kind: 'finding',
      title: 'neurologic dysfunction',
      terms: ['neurologic dysfunction', 'neurological dysfunction', 'neurologic deficit*'],
      polarity: 'abnormal',
    },
    { id: 'functional-deficit', kind: 'finding', title: 'objective functional deficits', terms: ['functional deficit*'], polarity: 'abnormal' },
    { id: 'radiculopathy', kind: 'diagnosis', title: 'radiculopathy', terms: ['radiculopathy', 'radicular pain', 'radicul*'], polarity: 'abnormal' },
    { id: 'diabetes', kind: 'comorbidity', title: 'diabetes', terms: ['diabetes', 'diabetic', 'dm'], polarity: 'abnormal' },
    { id: 'imaging', kind: 'study', title: 'imaging', terms: ['imaging'] },
    { id: 'mri', kind: 'study', title: 'an MRI', terms: ['mri', 'magnetic resonance imaging', 'mri scan'], broader: ['imaging'] },
    {
      id: 'lumbar-mri',
      kind: 'study',
      title: 'a lumbar MRI',
      terms: ['lumbar mri', 'mri of the lumbar spine', 'l-spine mri'],
      broader: ['mri'],
      sites: ['lumbar'],
    },
    { id: 'x-ray', kind: 'study', title: 'an x-ray', terms: ['x-ray', 'x-rays', 'radiograph*'], broader: ['imaging'] },
    { id: 'emg', kind: 'study', title: 'EMG', terms: ['emg', 'electromyography'] },
    { id: 'ncs', kind: 'study', title: 'a nerve conduction study', terms: ['ncs', 'ncv', 'nerve conduction stud*'] },
    { id: 'physical-therapy', kind: 'therapy', title: 'physical therapy', terms: ['physical therapy', 'pt', 'physiotherapy'] },
    { id: 'acupuncture', kind: 'therapy', title: 'acupuncture', terms: ['acupuncture'] },
    { id: 'opioid', kind: 'drug-class', title: 'opioids', terms: ['opioid*', 'narcotic*'] },
    {
      id: 'hydrocodone-apap',
      kind: 'medication',
      title: 'hydrocodone/acetaminophen',
      terms: ['hydrocodone/apap', 'hydrocodone/acetaminophen', 'hydrocodone'],
      broader: ['opioid'],
    },
    { id: 'norco', kind: 'medication', title: 'Norco', terms: ['norco'], broader: ['hydrocodone-apap'] },
    { id: 'tramadol', kind: 'medication', title: 'tramadol', terms: ['tramadol', 'ultram'], broader: ['opioid'] },
    { id: 'pain', kind: 'symptom', title: 'pain', terms: ['pain'] },
    { id: 'function', kind: 'function', title: 'function', terms: ['function', 'activities of daily living', 'adls'] },
    { id: 'utilization-review', kind: 'record', title: 'the utilization review', terms: ['utilization review', 'ur'] },
  ],
};

/** The fixture's concepts with the bundled cues and sites only: the bundled concept files would clash with these ids. */
export function fixtureLexicon(): Lexicon {
  return compileLexicon({ 'context.json': LEXICON_FILES['context.json'], 'sites.json': LEXICON_FILES['sites.json'], 'fixture.json': FIXTURE_CONCEPTS });
}

export function fixtureReader(): Reader {
  return createReader(fixtureLexicon());
}
