// No fix or message may propose clinical content the case does not contain:
// a diagnosis, a finding, a treatment, a specialty, an age. The test takes a
// clinical vocabulary from the project's own term data (the concepts the
// checks read, the importer's fact terms) and from the diagnoses and
// specialties of the 150 published letters, then
//  - reads every message and skeleton template of data/fields.json (what the
//    missing-part diagnostics say and their quick-fixes and completions insert),
//  - and, on real cases with parts removed one by one, every diagnostic
//    message, quick-fix title and inserted text the service produces,
// and fails on any clinical word that is not in the case's own text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { LanguageService } from '../../server/src/service/languageService';
import { importLetter } from '../../server/src/service/import/index';
import fields from '../../server/src/service/data/fields.json';
import factTerms from '../../server/src/service/import/factTerms.json';
import { corpusSkip, EXAMPLES, ROOT, SHARED } from '../helpers/fixtures';

const LETTERS = path.join(SHARED, 'corpus', 'letters');
const DATA_DIR = path.join(ROOT, 'server', 'src', 'service', 'data');
const TERMS_DIR = path.join(DATA_DIR, 'terms');
// The term files that hold clinical concepts (findings, red flags, care, indications),
// not the words of letters' procedure (records, conclusions, deadlines, negation).
const CLINICAL_TERM_FILES = [
  'neurologic-findings.json',
  'red-flags.json',
  'conservative-care.json',
  'clinical-indications.json',
  'functional-improvement.json',
];
// The guideline library: a message may name a guideline section the item's
// service matches (its title and citation are the guideline's words, not a
// claim about the patient), so its text counts as a source too.
const LIBRARY_TEXT = fs
  .readdirSync(path.join(DATA_DIR, 'criteria'))
  .filter((n) => n.endsWith('.json'))
  .map((n) => fs.readFileSync(path.join(DATA_DIR, 'criteria', n), 'utf8'))
  .join('\n');

// Words of diagnoses and specialties that are ordinary English (or name no
// clinical value on their own) and may appear in any message.
const ORDINARY = new Set(
  'with and the of or to in on at for from other unspecified specified left right both bilateral level region part parts site initial subsequent encounter status post possible history chronic acute type joint joints pain injury injuries medicine general disorder disease syndrome condition conditions injured worker sustained being documented medical unknown related dated industrial noted records report which there their'.split(
    ' ',
  ),
);

// Phrases of the term data that name a kind of content to write ("the
// treatment to date"), which a message may ask for without proposing a value.
const KINDS_OF_CONTENT = new Set(['treatment to date', 'treatments to date', 'prior treatment', 'imaging', 'findings']);

function phrasesFromTerms(): string[] {
  const out: string[] = [];
  const walk = (v: unknown, key = '') => {
    if (Array.isArray(v)) {
      // Terms a concept excludes are what it is not; they name nothing clinical of their own.
      if (/terms$/i.test(key) && !/^exclude/i.test(key)) {
        for (const t of v) if (typeof t === 'string') out.push(t);
      } else for (const x of v) walk(x);
    } else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  for (const f of CLINICAL_TERM_FILES) walk(JSON.parse(fs.readFileSync(path.join(TERMS_DIR, f), 'utf8')));
  for (const c of factTerms.categories) out.push(...c.terms);
  for (const group of [factTerms.modalities, factTerms.sites]) for (const g of group) out.push(...g.terms.filter((t) => t.length > 2));
  return out;
}

function wordsOf(value: string): string[] {
  return value
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => w.length >= 5 && !ORDINARY.has(w));
}

/** Clinical phrases: term data (wildcards dropped) and the words of the corpus's diagnoses and specialties. */
function vocabulary(cases: string[]): string[] {
  const set = new Set<string>();
  for (const t of phrasesFromTerms()) {
    const p = t.replace(/\*/g, '').trim().toLowerCase();
    if (p.length >= 3 && !ORDINARY.has(p) && !KINDS_OF_CONTENT.has(p)) set.add(p);
  }
  for (const text of cases) {
    for (const m of text.matchAll(/^\s*(?:diagnosis|specialty):\s*(.+)$/gm)) for (const w of wordsOf(m[1])) set.add(w);
  }
  return [...set];
}

function matcher(phrase: string): RegExp {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  return new RegExp(`(?<![a-z0-9])${escaped}(?![a-z0-9])`, 'i');
}

/** Clinical phrases in `produced` that `source` does not contain. */
function invented(produced: string, source: string, vocab: { phrase: string; re: RegExp }[]): string[] {
  return vocab.filter((v) => v.re.test(produced) && !v.re.test(source)).map((v) => v.phrase);
}

function loadCases(): string[] {
  const out = fs
    .readdirSync(EXAMPLES)
    .filter((n) => n.endsWith('.imr'))
    .map((n) => fs.readFileSync(path.join(EXAMPLES, n), 'utf8'));
  if (!corpusSkip) {
    // Every letter feeds the vocabulary; every third one is also taken apart (the time of the test).
    for (const n of fs
      .readdirSync(LETTERS)
      .filter((x) => x.endsWith('.txt'))
      .sort())
      out.push(importLetter(fs.readFileSync(path.join(LETTERS, n), 'utf8')).text);
  }
  return out;
}

const CASES = loadCases();
const VOCAB = vocabulary(CASES).map((phrase) => ({ phrase, re: matcher(phrase) }));

test('the clinical vocabulary is large enough to mean something', () => {
  // Concept terms alone hold hundreds of phrases; a vocabulary this small would let anything through.
  assert.ok(VOCAB.length > 300, `only ${VOCAB.length} clinical phrases`);
  for (const p of ['radiculopathy', 'physical therapy', 'sprain', 'lumbar']) assert.ok(VOCAB.some((v) => v.phrase === p) || corpusSkip, p);
});

test('no missing-part message, fix or skeleton in data/fields.json names a clinical value', () => {
  const templates: { where: string; text: string }[] = [];
  for (const s of fields.sections) {
    templates.push({ where: `${s.keyword}.missingMessage`, text: s.missingMessage }, { where: `${s.keyword}.skeleton`, text: s.skeleton });
    for (const f of s.fields as { key: string; missing?: string; skeleton?: string }[]) {
      if (f.missing) templates.push({ where: `${s.keyword}.${f.key}.missing`, text: f.missing });
      if (f.skeleton) templates.push({ where: `${s.keyword}.${f.key}.skeleton`, text: f.skeleton });
    }
  }
  const bad: string[] = [];
  for (const t of templates) {
    const found = invented(t.text, '', VOCAB);
    if (found.length) bad.push(`${t.where}: ${found.join(', ')}`);
    // A number in a field's placeholder (an age, a dose) is a value the case does not hold.
    for (const m of t.text.matchAll(/\$\{\d+:([^}]*)\}/g))
      if (/\d/.test(m[1].replace(/MM\/DD\/YYYY|CM00-0000000/g, ''))) bad.push(`${t.where}: placeholder "${m[1]}"`);
  }
  assert.deepEqual(bad, []);
});

/** The case with one part removed: each required field line, then each part. */
function variants(text: string): string[] {
  const lines = text.split('\n');
  const out: string[] = [];
  const keys = /^\s+(organization|priority|received|ur-date|licensure|specialty|age|sex|injury-date|diagnosis|decision|claims-administrator|guideline):/;
  const seen = new Set<string>();
  lines.forEach((l, i) => {
    const k = keys.exec(l)?.[1];
    if (!k || seen.has(k)) return;
    seen.add(k);
    out.push(lines.filter((x, j) => j !== i && !(k === 'diagnosis' && /^\s+diagnosis:/.test(x))).join('\n'));
  });
  for (const keyword of ['reviewer', 'worker', 'summary']) {
    const start = lines.findIndex((l) => l === keyword);
    if (start < 0) continue;
    let end = start + 1;
    while (end < lines.length && (lines[end] === '' || /^\s/.test(lines[end]))) end++;
    out.push([...lines.slice(0, start), ...lines.slice(end)].join('\n'));
  }
  return out;
}

test('no diagnostic message or quick-fix proposes a clinical word the case does not contain', { skip: corpusSkip || undefined }, () => {
  const service = new LanguageService();
  const bad = new Map<string, number>();
  let checked = 0;
  let n = 0;
  for (const [k, text] of CASES.entries()) {
    if (k % 3 !== 0) continue;
    for (const variant of variants(text)) {
      const doc = { uri: `file:///invented-${++n}.imr`, version: 1, text: variant };
      const diagnostics = service.getDiagnostics(doc);
      const whole = { start: { line: 0, character: 0 }, end: { line: variant.split('\n').length, character: 0 } };
      const actions = service.getCodeActions(doc, whole, diagnostics);
      service.forget(doc.uri);
      for (const d of diagnostics) {
        checked++;
        for (const p of invented(d.message, variant + LIBRARY_TEXT, VOCAB)) bad.set(`${d.code} message: ${p}`, (bad.get(`${d.code} message: ${p}`) ?? 0) + 1);
      }
      for (const a of actions) {
        checked++;
        const code = a.diagnostics?.[0]?.code ?? 'action';
        const produced = [a.title, ...a.edits.map((e) => e.newText)].join('\n');
        for (const p of invented(produced, variant + LIBRARY_TEXT, VOCAB)) bad.set(`${code} fix: ${p}`, (bad.get(`${code} fix: ${p}`) ?? 0) + 1);
        // An age the fix would write must come from the case.
        for (const e of a.edits)
          for (const m of e.newText.matchAll(/\bage:\s*(?:\$\{\d+:)?([^\n}]*)/g)) if (/\d/.test(m[1])) bad.set(`${code} fix writes an age`, 1);
      }
    }
  }
  assert.ok(checked > 500, `only ${checked} messages and fixes checked`);
  assert.deepEqual(
    [...bad.entries()].map(([k, v]) => `${k} (${v}×)`),
    [],
  );
});
