// Words of the guidelines and the literature that read like words about the
// worker: "modalities often employed" (used, not at work), "the Official
// Disability Guidelines" (a guideline's name, not a functional limitation),
// "case reports" (the literature, not the patient reporting).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bundledLexicon, createReader } from '../../server/src/service/reading/index';
import { aboutPatient } from '../../server/src/service/necessity/guidelineScope';

const reader = createReader(bundledLexicon());
const kinds = (text: string): string[] => reader.read(text).mentions.map((m) => m.concept.kind);

test('"employed" is work status only where it says the worker is at work', () => {
  assert.ok(!kinds('These modalities are often employed based on anecdotal evidence.').includes('work-status'));
  assert.ok(!kinds('Ultrasound is commonly employed for soft tissue injuries.').includes('work-status'));
  assert.ok(kinds('He is employed as a truck driver and works full duty.').includes('work-status'));
  assert.ok(kinds('The patient remains employed.').includes('work-status'));
});

test('"the Official Disability Guidelines" is no functional limitation; a limitation still is', () => {
  assert.ok(!kinds('The Official Disability Guidelines state that shockwave therapy is not recommended.').includes('function'));
  assert.ok(kinds('She has functional limitations with lifting.').includes('function'));
});

test('"case reports" and what studies report are the literature, not the patient reporting', () => {
  assert.equal(aboutPatient('The modalities are used based on anecdotal or case reports alone.'), false);
  assert.equal(aboutPatient('Several studies report a modest effect on pain.'), false);
  assert.equal(aboutPatient('The injured worker reports neck pain rated 7/10.'), true);
  // A patient cue elsewhere in the sentence still counts.
  assert.equal(aboutPatient('Beyond case reports, the patient reports no benefit.'), true);
});
