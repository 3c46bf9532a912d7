// Property: the importer keeps every word of its input. Whatever the text
// (letter-shaped text built from a letter's headings and lines, random text,
// corpus letters with lines deleted, duplicated or swapped, bytes inserted or
// the file cut short), each word (a run of letters and digits) of the input
// is in the case file it writes, by the importer's own design
// (docs/import.md): in the letter the case renders, or in a `--` comment.
// A word the importer rewords on purpose (a header date normalized) counts
// when a note says so (its letterText -> renderedText), as in the corpus
// round trip. The importer also never falls back on its catch-all, and
// what it writes parses cleanly.
import { test } from 'node:test';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { corpusSkip, SHARED } from '../helpers/fixtures';
import { checkImport } from '../helpers/importWords';
import { mutate, mutation, settings, unicodeText } from '../helpers/properties';

// ---- letter-shaped text ----

const sentence = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'the',
        'injured',
        'worker',
        'MRI',
        'lumbar',
        'is',
        'not',
        'medically',
        'necessary',
        'Upheld',
        'Overturned',
        'guideline',
        'MTUS',
        '10-16-2016',
        '55',
        'year',
        'old',
        'female',
      ),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }),
    ),
    { minLength: 1, maxLength: 14 },
  )
  .map((ws) => ws.join(' '));
const letterLine = fc.oneof(
  { arbitrary: sentence, weight: 6 },
  {
    arbitrary: fc.constantFrom(
      'Case Number: CM16-0221706',
      'Date Assigned: 11/23/2016 Date of Injury:  10/16/2016',
      'Decision Date: 12/21/2016 UR Denial Date:  10/20/2016',
      'Priority:  Standard Application',
      'Received:',
      '11/15/2016',
      'HOW THE IMR FINAL DETERMINATION WAS MADE',
      'MAXIMUS Federal Services sent the complete case file to an expert reviewer. He/she has no',
      'The Expert Reviewer has the following credentials:',
      'State(s) of Licensure: California',
      'Certification(s)/Specialty: Orthopaedic Surgery',
      'CLINICAL CASE SUMMARY',
      'The expert reviewer developed the following clinical case summary based on a review of the',
      'case file, including all medical records:',
      'IMR ISSUES, DECISIONS AND RATIONALES',
      'The Final Determination was based on decisions for the disputed items/services set forth below:',
      'MRI of the lumbar spine: Upheld',
      'Physical therapy 2 times a week for 6 weeks: Overturned',
      'Claims Administrator guideline: Decision based on MTUS Low Back Complaints 2004, Section(s): Special Studies.',
      'MAXIMUS guideline: Decision based on MTUS Low Back Complaints 2004, Section(s): Special Studies.',
      'Decision rationale:',
      'Page 2 of 3',
      ' ',
      '',
    ),
    weight: 4,
  },
  { arbitrary: unicodeText, weight: 1 },
);
const letterText = fc.array(letterLine, { maxLength: 40 }).map((ls) => ls.join('\n'));

test('property: letter-shaped and random text: the importer keeps every word, and its case parses', () => {
  fc.assert(fc.property(fc.oneof({ arbitrary: letterText, weight: 4 }, { arbitrary: unicodeText, weight: 1 }), checkImport), settings(150));
});

// ---- corpus letters, mutated ----

const LETTERS = path.join(SHARED, 'corpus', 'letters');
/** A handful of letters, spread over the corpus (every 30th by name), so the run stays short. */
const sample = corpusSkip
  ? []
  : fs
      .readdirSync(LETTERS)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .filter((_, i) => i % 30 === 0)
      .map((f) => fs.readFileSync(path.join(LETTERS, f), 'utf8'));

test('property: corpus letters with lines deleted, duplicated, swapped, bytes inserted or cut short: every word kept', { skip: corpusSkip }, () => {
  fc.assert(
    fc.property(fc.constantFrom(...sample), fc.array(mutation, { minLength: 1, maxLength: 4 }), (letter, ms) => checkImport(ms.reduce(mutate, letter))),
    settings(100),
  );
});
