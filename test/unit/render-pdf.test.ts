import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'path';
import { LanguageService } from '../../server/src/service/languageService';
import { readExample, ROOT } from '../helpers/fixtures';

// pdfjs-dist ships ES modules only; a real dynamic import (not compiled to require) loads it.
const importEsm = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<any>;

async function pdfText(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
  const pdfjs = await importEsm(path.join(ROOT, 'node_modules/pdfjs-dist/legacy/build/pdf.mjs'));
  const pdf = await pdfjs.getDocument({
    data: new Uint8Array(bytes),
    verbosity: 0,
    standardFontDataUrl: path.join(ROOT, 'node_modules/pdfjs-dist/standard_fonts') + path.sep,
  }).promise;
  const parts: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    parts.push(content.items.map((it: { str?: string; hasEOL?: boolean }) => (it.str ?? '') + (it.hasEOL ? '\n' : ' ')).join(''));
  }
  await pdf.destroy();
  return { pages: pdf.numPages, text: parts.join('\n') };
}

const normalize = (s: string) => s.replace(/\s+/g, ' ').trim();
let version = 0;
const doc = (text: string) => ({ uri: `file:///test/render-pdf-${++version}.imr`, version: 1, text });

test('the PDF is US letter with selectable text holding the headings and decision lines in order', async () => {
  const bytes = await new LanguageService().renderLetter(doc(readExample('lumbar-mri-upheld.imr')), 'pdf');
  assert.equal(Buffer.from(bytes.slice(0, 5)).toString('latin1'), '%PDF-');
  assert.match(Buffer.from(bytes).toString('latin1'), /\/MediaBox \[0 0 612 792\]/, 'US letter, 8.5 x 11 inches');
  const { pages, text } = await pdfText(bytes);
  const flat = normalize(text);
  const expected = [
    'Case Number: CM15-0201234',
    'HOW THE IMR FINAL DETERMINATION WAS MADE',
    'MAXIMUS Federal Services sent the complete case file to an expert reviewer.',
    'State(s) of Licensure: California',
    'Certification(s)/Specialty: Emergency Medicine',
    'CLINICAL CASE SUMMARY',
    'The injured worker is a 55 year old female',
    'IMR ISSUES, DECISIONS AND RATIONALES',
    'MRI of the lumbar spine without contrast as a outpatient: Upheld',
    'Claims Administrator guideline: The Claims Administrator did not base their decision',
    'MAXIMUS guideline: Decision based on MTUS Low Back Complaints 2004, Section(s): Special',
    'Decision rationale: As per ACOEM Guidelines',
  ];
  let at = 0;
  for (const e of expected) {
    const i = flat.indexOf(e, at);
    assert.ok(i >= 0, `"${e}" appears after the previous line`);
    at = i + e.length;
  }
  for (let p = 1; p <= pages; p++) assert.match(flat, new RegExp(`Case Number: CM15-0201234 Page ${p} of ${pages}`), `footer on page ${p}`);
  assert.doesNotMatch(flat, /\[#|LMRI-/);
});

test('a broken case still gives a readable PDF', async () => {
  const bytes = await new LanguageService().renderLetter(doc('item\n  decision: maybe\nrationale\n\u0000[#'), 'pdf');
  const { text } = await pdfText(bytes);
  assert.match(normalize(text), /IMR ISSUES, DECISIONS AND RATIONALES/);
  assert.match(normalize(text), /Page 1 of 1/);
});

test('characters the PDF fonts lack are spelled out, not printed as other letters', async () => {
  const seed = readExample('lumbar-mri-upheld.imr');
  const sentence = 'Diagnoses include lumbar sprain-strain.';
  assert.ok(seed.includes(sentence), 'the seed case has the sentence this test edits');
  const text = seed.replace(sentence, 'Pain ≥ 6 weeks, 7→5 on the scale, 10 μg, α-blocker, Dr. Łukasz, 38°C, “quoted”, 中.');
  const { text: pdf } = await pdfText(await new LanguageService().renderLetter(doc(text), 'pdf'));
  assert.match(normalize(pdf), /Pain >= 6 weeks, 7->5 on the scale, 10 [µμ]g, alpha-blocker, Dr\. Lukasz, 38°C, “quoted”, \?\./);
  const html = new LanguageService().renderLetter(doc(text), 'html');
  assert.ok(html.includes('Pain ≥ 6 weeks, 7→5 on the scale, 10 μg, α-blocker, Dr. Łukasz'), 'the HTML letter keeps every character as written');
});

test('a draft letter carries the DRAFT mark and notice on every page; a final one carries neither', async () => {
  // Long enough for several pages: the summary repeated.
  const base = readExample('lumbar-mri-upheld.imr');
  const long = base.replace(/^summary\n/m, `summary\n${'  The records were reviewed again in full and no change was documented.\n'.repeat(120)}`);
  const service = new LanguageService();
  const draft = await pdfText(await service.renderLetter(doc(long), 'pdf', { draft: true }));
  assert.ok(draft.pages >= 2, `several pages (${draft.pages})`);
  const pages = draft.text.split('\n').join(' ');
  assert.equal((normalize(pages).match(/DRAFT: not a final determination/g) ?? []).length, draft.pages, 'the notice once per page');
  assert.equal((normalize(pages).match(/(^| )DRAFT( |$)/g) ?? []).length, draft.pages, 'the mark once per page');
  const final = await pdfText(await service.renderLetter(doc(long), 'pdf'));
  assert.doesNotMatch(final.text, /DRAFT/);
});
