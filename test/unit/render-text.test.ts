import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import { LanguageService } from '../../server/src/service/languageService';
import { guidelineSentence } from '../../server/src/service/render/guidelineLine';
import { checkLetterText } from '../../server/src/service/render/letterText';
import { readExample, SEED_LETTER } from '../helpers/fixtures';

let version = 0;
const doc = (text: string) => ({ uri: `file:///test/render-${++version}.imr`, version: 1, text });
const normalize = (s: string) => s.replace(/\s+/g, ' ').trim();

test('the letter wording file is complete', () => {
  assert.deepEqual(checkLetterText(), []);
  assert.ok(checkLetterText({ header: {} }).length > 0, 'a truncated wording file is reported');
});

test('the seed case renders the seed letter word for word', () => {
  const seed = fs.readFileSync(SEED_LETTER, 'utf8');
  const text = new LanguageService().renderLetter(doc(readExample('lumbar-mri-upheld.imr')), 'text');
  // The seed is a 2015 letter: it has no header block, while the case gives the
  // header fields the 2016 layout prints (Case Number ... Application Received).
  // So the header is checked on its own, and the body from the first heading on.
  const start = text.indexOf('HOW THE IMR FINAL DETERMINATION WAS MADE');
  assert.ok(start > 0, 'the header comes before the first heading');
  const header = normalize(text.slice(0, start));
  assert.equal(
    header,
    'Case Number: CM15-0201234 Date Assigned: 10/16/2015 Date of Injury: 01/30/2014 Decision Date: 11/06/2015 UR Denial Date: 10/02/2015 Priority: Standard Application Received: 10/14/2015',
  );
  assert.equal(normalize(text.slice(start)), normalize(seed));
});

test('text keeps headings on their own lines and wraps paragraphs', () => {
  const service = new LanguageService();
  const text = service.renderLetter(doc(readExample('lumbar-mri-upheld.imr')), 'text');
  const lines = text.split('\n');
  for (const h of ['HOW THE IMR FINAL DETERMINATION WAS MADE', 'CLINICAL CASE SUMMARY', 'IMR ISSUES, DECISIONS AND RATIONALES']) {
    assert.ok(lines.includes(h), `heading ${h}`);
  }
  assert.ok(
    lines.every((l) => l.length <= 96),
    'no line longer than the wrap width',
  );
  const unwrapped = service.renderLetter(doc(readExample('lumbar-mri-upheld.imr')), 'text', { wrap: 0 });
  assert.ok(
    unwrapped.split('\n').some((l) => l.length > 200),
    'wrap 0 keeps paragraphs on one line',
  );
});

test('no case-language markup reaches the letter', () => {
  const text = new LanguageService().renderLetter(doc(readExample('lumbar-mri-upheld.imr')), 'text');
  assert.doesNotMatch(text, /\[#|LMRI-|criteria:|--|low-back-mri/);
});

test('the criteria table appears only when asked for', () => {
  const service = new LanguageService();
  const d = doc(readExample('lumbar-mri-upheld.imr'));
  const draft = service.renderLetter(d, 'text', { showCriteria: true });
  assert.match(draft, /CRITERIA APPLIED/);
  assert.match(draft, /- LMRI-02: Not met\. Evidence: Treatments to date include activity modification/);
  service.settings = { rules: {}, showCriteriaInLetter: true };
  assert.match(service.renderLetter(d, 'text'), /LMRI-01: Not met/, 'the service setting turns it on');
});

test('guideline values map to the three corpus forms', () => {
  const ca = 'The Claims Administrator';
  assert.equal(
    guidelineSentence('MTUS Low Back Complaints 2004, Section(s): Special Studies, Summary', 'The Expert Reviewer')?.text,
    'Decision based on MTUS Low Back Complaints 2004, Section(s): Special Studies, Summary.',
  );
  assert.equal(
    guidelineSentence('non-MTUS Official Disability Guidelines (ODG) Knee, MRI', 'The Expert Reviewer')?.text,
    'The Expert Reviewer based their decision on recommendation(s) outside of the MTUS Guidelines. Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Knee, MRI.',
  );
  assert.equal(guidelineSentence('none', ca)?.text, 'The Claims Administrator did not cite any medical evidence for its decision.');
  assert.equal(
    guidelineSentence('MTUS Chronic Pain Medical Treatment 2016, Section(s): Opioids. Non-MTUS Citation ODG Pain', ca)?.text,
    'Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Opioids. Decision based on Non-MTUS Citation ODG Pain.',
  );
  const sentence = 'The Claims Administrator did not base their decision on the MTUS. Decision based on Non-MTUS Citation ODG.';
  assert.equal(guidelineSentence(sentence, ca)?.text, sentence, 'a full sentence is kept as written');
  assert.equal(guidelineSentence('   ', ca), undefined);
});

test('a partly authorized request renders as the corpus words it', () => {
  const text = new LanguageService().renderLetter(
    doc(
      [
        'case CM16-0000001',
        '  organization: MAXIMUS Federal Services',
        'item Baclofen 100mg #3',
        '  request: Baclofen 100mg #30',
        '  authorized: Baclofen 100mg #27',
        '  decision: upheld',
        '  claims-administrator: none',
        '  guideline: MTUS Chronic Pain Medical Treatment 2016, Section(s): Muscle relaxants (for pain)',
        '  rationale',
        '    Baclofen is not medically necessary.',
      ].join('\n'),
    ),
    'text',
  );
  assert.match(
    normalize(text),
    /Baclofen 100mg #30 was the original request\. Baclofen 100mg #27 was authorized by the Claims Administrator\. The remaining IMR eligible portion of the original request, Baclofen 100mg #3 is: Upheld Claims Administrator guideline: The Claims Administrator did not cite/,
  );
});

test('a broken case renders what it can and never throws', () => {
  const service = new LanguageService();
  const broken = [
    'case',
    '  priority: urgent',
    '  ur-date: 13/45/2016',
    'item',
    '  decision: maybe',
    'rationale',
    '  ???',
    'summary',
    '  Text [#',
    '\u0000',
  ].join('\n');
  for (const text of [broken, '', 'item x\n  rationale\n', 'summary\n\n\n']) {
    const out = service.renderLetter(doc(text), 'text');
    assert.equal(typeof out, 'string');
    assert.match(out, /IMR ISSUES, DECISIONS AND RATIONALES/);
  }
  const out = service.renderLetter(doc(broken), 'text');
  assert.match(out, /Priority: urgent/, 'a value that is not a priority word is shown as written');
  assert.match(out, /UR Denial Date: 13\/45\/2016/, 'a date that does not parse is shown as written');
  assert.match(out, /\[disputed service\]: \[decision\]/, 'what is missing shows as a placeholder');
  // The credentials and the summary too: an empty label would read as if the letter meant to say nothing.
  const bare = service.renderLetter(doc('case CM16-0000001\n'), 'text');
  assert.match(bare, /^State\(s\) of Licensure: \[state of licensure\]$/m);
  assert.match(bare, /^Certification\(s\)\/Specialty: \[specialty\]$/m);
  assert.match(normalize(bare), /including all medical records: \[clinical case summary\] IMR ISSUES/);
});

test('the reason for leaving the MTUS and the standard of review print after the guideline line, as the case states them', () => {
  const base = readExample('lumbar-mri-upheld.imr');
  const text = base.replace(
    /^( {2}guideline: ).*$/m,
    '$1non-MTUS Official Disability Guidelines, Low Back, MRIs\n  non-mtus-reason: the MTUS does not address repeat imaging after a prior study\n  standard: peer-reviewed',
  );
  const letter = normalize(new LanguageService().renderLetter(doc(text), 'text', { wrap: 0 }));
  assert.ok(
    letter.includes(
      'MAXIMUS guideline: The Expert Reviewer based their decision on recommendation(s) outside of the MTUS Guidelines. Decision based on Non-MTUS Citation Official Disability Guidelines, Low Back, MRIs. The MTUS does not address repeat imaging after a prior study. The decision rests on Labor Code section 4610.5(c)(2)(B), peer-reviewed scientific and medical evidence regarding the effectiveness of the disputed service. Decision rationale:',
    ),
    letter.slice(letter.indexOf('MAXIMUS guideline:'), letter.indexOf('MAXIMUS guideline:') + 600),
  );
  // Neither is printed when the case leaves it out, and a value that is no standard prints nothing (invalid-value reports it).
  const plain = normalize(new LanguageService().renderLetter(doc(base), 'text', { wrap: 0 }));
  assert.doesNotMatch(plain, /4610\.5/);
  const odd = normalize(new LanguageService().renderLetter(doc(base.replace(/^( {2}guideline: .*)$/m, '$1\n  standard: best guess')), 'text', { wrap: 0 }));
  assert.doesNotMatch(odd, /4610\.5|best guess/);
});

test('the documents reviewed print as their own part after the summary, each with its source and dates; a name in one draws phi', () => {
  const service = new LanguageService();
  const text = readExample('physical-therapy-overturned.imr');
  const letter = service.renderLetter(doc(text), 'text', { wrap: 0 });
  const at = (s: string) => letter.indexOf(s);
  assert.ok(
    at('CLINICAL CASE SUMMARY') < at('DOCUMENTS REVIEWED') && at('DOCUMENTS REVIEWED') < at('IMR ISSUES, DECISIONS AND RATIONALES'),
    'after the summary, before the items',
  );
  assert.match(
    letter,
    /DOCUMENTS REVIEWED\n\nThe expert reviewer reviewed the following documents:\n\nProgress report, treating physician, 01\/31\/2017\nRight shoulder radiographs report, radiologist, 11\/21\/2016\n/,
  );
  assert.doesNotMatch(letter, /;/, 'the semicolons are the case language, not the letter');
  // No documents part, no list.
  assert.doesNotMatch(service.renderLetter(doc(text.replace(/^documents\n(?: {2}.*\n)+\n/m, '')), 'text'), /DOCUMENTS REVIEWED/);
  // The list is letter text: a provider's name in it is reported, on its exact place.
  const named = text.replace('; radiologist;', '; Dr. Zebulon Quade;');
  const phi = service.getDiagnostics(doc(named)).filter((d) => d.code === 'phi');
  assert.equal(phi.length, 1);
  const line = named.split('\n')[phi[0].range.start.line];
  assert.equal(line.slice(phi[0].range.start.character, phi[0].range.end.character), 'Dr. Zebulon Quade');
});
