// Input limits (issue 8): files over the size limit and binary files are
// declined with one diagnostic and never parsed; inputs of hostile shape that
// are accepted (long lines, thousands of suppressions or findings, run-on
// letters) complete, with algorithms that stay linear. No test here is timed:
// the durations are in the benchmark (npm run bench -- --only=limits).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LanguageService } from '../../server/src/service/languageService';
import {
  checkReadable,
  DEFAULT_LIMITS,
  DEFAULT_MAX_FILE_KB,
  formatSize,
  limitsFromKb,
  looksBinary,
  MAX_MAX_FILE_KB,
  SIZE_SETTING,
  utf8Size,
} from '../../server/src/service/input/limits';
import { suppressionLookup } from '../../server/src/service/rules/index';
import { classifySentence } from '../../server/src/service/import/facts';
import { importLetter } from '../../server/src/service/import/index';
import { NEGATION } from '../../server/src/service/necessity/terms';
import { breakLongWords } from '../../server/src/service/render/pdfCharacters';
import { PhraseSet, withPhraseMemo } from '../../server/src/service/necessity/phrases';
import { MAX_SENTENCE, splitSentences, sourceOffset } from '../../server/src/service/text/sentences';
import { bundledLexicon, readSentence } from '../../server/src/service/reading/index';
import type { Suppression } from '../../server/src/service/syntax/ast';
import type { ImrDiagnostic, ImrDocument } from '../../server/src/service/types';
import { readExample } from '../helpers/fixtures';
import { prng } from '../helpers/random';

const seed = readExample('lumbar-mri-upheld.imr');
const KB = 1024;

/** The seed case followed by a comment that brings it to `bytes` bytes (ASCII): valid, just large. */
function paddedTo(bytes: number): string {
  const text = `${seed}\n-- ${'x'.repeat(Math.max(0, bytes - Buffer.byteLength(seed) - 5))}\n`;
  assert.equal(Buffer.byteLength(text), bytes);
  return text;
}

function doc(text: string, version = 1): ImrDocument {
  return { uri: 'file:///limits.imr', version, text };
}

test('UTF-8 size counts 1 to 4 bytes a character, as Buffer does, and stops early when asked', () => {
  for (const s of ['', 'abc', 'é', '€uro', '😀', 'a😀é€', '\ud800 lone', 'x\udc00']) {
    assert.equal(utf8Size(s), Buffer.byteLength(s, 'utf8'), JSON.stringify(s));
  }
  const big = 'é'.repeat(1000); // 2,000 bytes
  assert.ok(utf8Size(big, 100) > 100);
  assert.ok(utf8Size(big, 100) < 2000, 'stopped counting once over the bound');
});

test('a file exactly at the limit is checked; one byte more is declined with the size, the limit, the setting and what to do', () => {
  const limit = DEFAULT_LIMITS.maxFileSize;
  assert.equal(checkReadable(paddedTo(limit)), undefined);
  const over = checkReadable(paddedTo(limit + 1));
  assert.equal(over?.code, 'file-too-large');
  assert.equal(over?.severity, 'error');
  assert.deepEqual(over?.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  assert.match(over!.message, /This file is 64\.1 KB; case files over 64 KB are not checked/);
  assert.ok(over!.message.includes(SIZE_SETTING), 'names the setting');
  assert.match(over!.message, /split the file into one case per file/);
});

test('the limit is in bytes of UTF-8: accented text reaches it in fewer characters', () => {
  const limits = limitsFromKb(1);
  const accented = 'é'.repeat(600); // 600 characters, 1,200 bytes
  assert.equal(checkReadable('a'.repeat(600), limits), undefined);
  assert.equal(checkReadable(accented, limits)?.code, 'file-too-large');
  assert.match(checkReadable(accented, limits)!.message, /This file is 1\.2 KB; case files over 1 KB/);
});

test('a 10 MB file is declined by its length alone', () => {
  const ten = 'a'.repeat(10 * 1024 * 1024);
  const d = checkReadable(ten);
  assert.equal(d?.code, 'file-too-large');
  assert.match(d!.message, /This file is 10 MB/);
});

test('the setting: a positive number of KB, capped; anything else means the default', () => {
  assert.deepEqual(limitsFromKb(undefined), DEFAULT_LIMITS);
  assert.deepEqual(limitsFromKb('512'), DEFAULT_LIMITS);
  assert.deepEqual(limitsFromKb(0), DEFAULT_LIMITS);
  assert.deepEqual(limitsFromKb(-5), DEFAULT_LIMITS);
  assert.deepEqual(limitsFromKb(Number.NaN), DEFAULT_LIMITS);
  assert.deepEqual(limitsFromKb(512), { maxFileSize: 512 * KB });
  assert.deepEqual(limitsFromKb(1e12), { maxFileSize: MAX_MAX_FILE_KB * KB });
  assert.equal(DEFAULT_LIMITS.maxFileSize, DEFAULT_MAX_FILE_KB * KB);
});

test('sizes are never rounded down to the limit they exceed', () => {
  assert.equal(formatSize(128 * KB), '128 KB');
  assert.equal(formatSize(128 * KB + 1), '128.1 KB');
  assert.equal(formatSize(10 * 1024 * KB), '10 MB');
  assert.equal(formatSize(1024 * KB + 1), '1.1 MB');
});

test('binary: NUL, or more than 8 U+FFFD (bytes that were not UTF-8) near the start; a few stray ones are text', () => {
  assert.equal(looksBinary(seed), false);
  assert.equal(looksBinary(seed + '\u0000'), true);
  assert.equal(looksBinary('\uFFFD'.repeat(8) + seed), false);
  assert.equal(looksBinary('\uFFFD'.repeat(9) + seed), true);
  assert.equal(checkReadable('PK\u0003\u0004\u0000')?.code, 'binary-file');
  assert.equal(checkReadable('\uFFFD'.repeat(20))?.code, 'binary-file');
});

test('the service declines a file over the limit: one diagnostic, and every feature answers empty', () => {
  const service = new LanguageService();
  const big = paddedTo(DEFAULT_LIMITS.maxFileSize + 10);
  const d = doc(big);
  assert.deepEqual(
    service.getDiagnostics(d).map((x) => x.code),
    ['file-too-large'],
  );
  assert.ok(service.refusal(d));
  const at = { line: 20, character: 4 };
  const range = { start: at, end: at };
  assert.deepEqual(service.getDocumentSymbols(d), []);
  assert.deepEqual(service.getFoldingRanges(d), []);
  assert.deepEqual(service.getCompletions(d, at), []);
  assert.equal(service.getHover(d, at), undefined);
  assert.equal(service.getDefinition(d, { line: 28, character: 50 }), undefined);
  assert.deepEqual(service.getReferences(d, { line: 28, character: 50 }, true), []);
  assert.equal(service.prepareRename(d, { line: 28, character: 50 }), undefined);
  assert.equal(service.rename(d, { line: 28, character: 50 }, 'x'), undefined);
  assert.deepEqual(service.getCodeActions(d, range, []), []);
  assert.deepEqual(service.getLetterModel(d), { header: [], sections: [] });
  // The rendered letter says nothing of the case: its text was never read.
  assert.doesNotMatch(service.renderLetter(d, 'text'), /CM15-0201234|lumbar/i);
});

test('raising the limit in the settings analyses the same file in full', () => {
  const service = new LanguageService();
  const big = paddedTo(DEFAULT_LIMITS.maxFileSize + 10);
  service.settings = { ...service.settings, limits: limitsFromKb(DEFAULT_MAX_FILE_KB * 2) };
  const d = doc(big);
  assert.equal(service.refusal(d), undefined);
  assert.ok(!service.getDiagnostics(d).some((x) => x.code === 'file-too-large'));
  assert.ok(service.getDocumentSymbols(d).length > 0);
  assert.match(service.renderLetter(d, 'text'), /CM15-0201234/);
  // getDiagnostics with settings of its own uses their limit.
  assert.deepEqual(
    service.getDiagnostics(doc(big, 2), { rules: {}, limits: limitsFromKb(1) }).map((x) => x.code),
    ['file-too-large'],
  );
});

test('a 1 MB line in prose, a field, a rationale and a comment is analysed, rendered and imported (limit raised)', () => {
  const service = new LanguageService();
  service.settings = { ...service.settings, limits: limitsFromKb(2048) };
  const long = Array.from({ length: 20_000 }, (_, i) => ['the', 'worker', 'reported', 'pain', 'daily'][i % 5]).join(' '); // ~120 KB of words, then a 1 MB one
  const word = 'x'.repeat(1024 * 1024);
  const places: [string, string][] = [
    ['prose', seed.replace(/^( {2}The injured worker is a 55 year old female,).*$/m, `$1 ${long} ${word}`)],
    ['field', seed.replace(/^( {2}diagnosis: ).*$/m, `$1${long}${word}`)],
    ['rationale', seed.replace(/^( {4}As per ACOEM Guidelines,).*$/m, `$1 ${long} ${word}`)],
    ['comment', seed.replace(/^-- The seed letter.*$/m, `-- ${long} ${word}`)],
  ];
  for (const [where, text] of places) {
    assert.notEqual(text, seed, where);
    const diags = service.getDiagnostics(doc(text));
    assert.ok(!diags.some((d) => d.code === 'file-too-large'), where);
    for (const d of diags) assert.ok(d.range.end.line < text.split('\n').length, `${where}: ${d.code} range inside the document`);
    assert.ok(service.getDocumentSymbols(doc(text)).length > 0, where);
    const letter = service.renderLetter(doc(text), 'text');
    assert.ok(letter.length > 0, where);
    assert.ok(importLetter(letter).text.length > 0, where);
  }
});

test('suppressions found by bisection give exactly what a scan of every suppression gives', () => {
  const rnd = prng(8);
  const codes = ['a', 'b', 'c'];
  for (let round = 0; round < 50; round++) {
    const suppressions: Suppression[] = Array.from({ length: Math.floor(rnd() * 40) }, () => ({
      targetLine: Math.floor(rnd() * 60),
      codes: rnd() < 0.2 ? [] : codes.filter(() => rnd() < 0.5),
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    }));
    const lookup = suppressionLookup(suppressions);
    for (let i = 0; i < 100; i++) {
      const start = Math.floor(rnd() * 60);
      const end = start + (rnd() < 0.7 ? 0 : Math.floor(rnd() * 20));
      const d: ImrDiagnostic = {
        code: codes[Math.floor(rnd() * 3)],
        severity: 'error',
        message: '',
        range: { start: { line: start, character: 0 }, end: { line: end, character: 1 } },
      };
      const expected = suppressions.some((s) => s.targetLine >= start && s.targetLine <= end && (s.codes.length === 0 || s.codes.includes(d.code)));
      assert.equal(lookup(d), expected, `round ${round}, lines ${start}-${end}, ${d.code}`);
    }
  }
});

test('thousands of suppressions silence exactly their lines', () => {
  // 3,000 unknown fields, every other one suppressed (a scan of all suppressions per diagnostic was quadratic).
  const lines: string[] = [];
  for (let i = 0; i < 3000; i++) {
    if (i % 2 === 0) lines.push('-- imr-disable-next-line unknown-field');
    lines.push(`  bogus-${i}: x`);
  }
  const text = seed.replace(/^worker\n/m, `worker\n${lines.join('\n')}\n`);
  const service = new LanguageService();
  service.settings = { ...service.settings, limits: limitsFromKb(1024) };
  const unknown = service.getDiagnostics(doc(text)).filter((d) => d.code === 'unknown-field');
  assert.equal(unknown.length, 1500);
  assert.ok(
    unknown.every((d) => /bogus-\d*[13579]\b/.test(text.split('\n')[d.range.start.line])),
    'only the unsuppressed (odd) fields',
  );
});

test('a rule with 160,000 findings reports them all (no spread into push: the call stack holds ~120,000)', () => {
  const text = seed.replace(/^worker\n/m, `worker\n${'  x: 1\n'.repeat(160_000)}`);
  const service = new LanguageService();
  service.settings = { ...service.settings, limits: limitsFromKb(2048) };
  const unknown = service.getDiagnostics(doc(text)).filter((d) => d.code === 'unknown-field');
  assert.equal(unknown.length, 160_000);
});

test('a negation far into a run-on sentence is still found, and checking and importing it cost linear time', { timeout: 60_000 }, () => {
  // The negation window is a few words; before, each term split the whole
  // sentence, so a 1 MB run-on took minutes (the timeout is a hang guard only).
  const short = 'On exam there was no radiculopathy';
  const filler = 'the worker reported pain and stiffness '.repeat(5000);
  assert.deepEqual(classifySentence(filler + short), classifySentence(short));
  assert.deepEqual(classifySentence(short + ' ' + filler), classifySentence(short));
  const runOn = 'the injured worker reported radiculopathy and numbness and no tingling and weakness '.repeat(12_000); // ~1 MB, no full stop
  const service = new LanguageService();
  service.settings = { ...service.settings, limits: limitsFromKb(2048) };
  const runOnCase = doc(seed.replace(/^( {2}The injured worker is a 55 year old female,).*$/m, `$1 ${runOn}`));
  // The rules read the same sentence for negated findings (necessity/mentions.ts), bounded the same way.
  assert.ok(service.getDiagnostics(runOnCase).length > 0);
  const letter = service.renderLetter(runOnCase, 'text');
  assert.ok(letter.length > runOn.length, 'the letter carries the run-on paragraph');
  const r = importLetter(letter);
  assert.ok(r.text.includes('radiculopathy and numbness'), 'the run-on text is kept');
});

test('negation is looked for near each mention, not across the whole run-on sentence (counted, not timed)', () => {
  // Every scan of a stretch of text for negation cues or clause breakers is
  // recorded; before, each mention scanned from the sentence's start to its end.
  const spans: number[] = [];
  const sets = [NEGATION.before, NEGATION.after, NEGATION.breakers];
  const originals = sets.map((set) => set.matches);
  sets.forEach((set, i) => {
    set.matches = function (this: typeof set, text: string, from = 0, to = text.length) {
      if (from !== 0 || to !== text.length) spans.push(to - from);
      return originals[i].call(this, text, from, to);
    };
  });
  try {
    const runOn = 'the injured worker reported radiculopathy and numbness and no tingling and weakness '.repeat(1_200); // ~100 KB
    const service = new LanguageService();
    service.settings = { ...service.settings, limits: limitsFromKb(1024) };
    const text = seed.replace(/^( {2}The injured worker is a 55 year old female,).*$/m, `$1 ${runOn}`);
    service.getDiagnostics(doc(text));
    importLetter(service.renderLetter(doc(text), 'text'));
  } finally {
    sets.forEach((set, i) => (set.matches = originals[i]));
  }
  assert.ok(spans.length > 1000, `the run-on sentence's mentions were read (${spans.length} scans)`);
  const widest = Math.max(...spans);
  assert.ok(widest < 5_000, `each scan stays near its mention: widest ${widest} characters of a ~100,000-character sentence`);
});

test('PDF: words longer than any line are cut into lines of 100 characters; ordinary text is untouched', async () => {
  const url = 'https://www.dir.ca.gov/dwc/MTUS/' + 'a'.repeat(150); // 183 characters: kept whole
  assert.equal(breakLongWords(`See ${url} today.`), `See ${url} today.`);
  const word = 'x'.repeat(250);
  assert.equal(breakLongWords(`a ${word} b`), `a ${'x'.repeat(100)}\n${'x'.repeat(100)}\n${'x'.repeat(50)} b`);
  // pdfkit measured a too-long word prefix by prefix, line after line: quadratic. A 300 KB word now renders.
  const service = new LanguageService();
  service.settings = { ...service.settings, limits: limitsFromKb(1024) };
  const pdf = await service.renderLetter(doc(seed.replace(/^( {2}The injured worker is a 55 year old female,).*$/m, `$1 ${'x'.repeat(300_000)}`)), 'pdf');
  assert.ok(pdf.length > 10_000);
  assert.equal(Buffer.from(pdf.subarray(0, 5)).toString('latin1'), '%PDF-');
});

test('PDF: words joined by no-break spaces are one unbreakable run for pdfkit, and are cut like a long word (268 KB took 39 s)', () => {
  for (const joiner of ['\u00a0', '\u2007', '\u202f']) {
    const run = Array.from({ length: 2000 }, (_, i) => `w${i}`).join(joiner);
    const out = breakLongWords(`before ${run} after`);
    // Every stretch pdfkit cannot break stays within a line's reach; the words and joiners are kept.
    const longest = Math.max(...out.split(/[ \t\n\r]/).map((w) => w.length));
    assert.ok(longest <= 200, `longest unbreakable stretch: ${longest}`);
    assert.equal(out.replace(/[ \n]/g, ''), `before${run}after`);
  }
  // No line may start with a closing bracket or punctuation, even after a space (UAX #14): spaces between them break nothing.
  for (const run of [')'.repeat(5000), ') '.repeat(2500), '] ! ; '.repeat(800)]) {
    const out = breakLongWords(`See https://www.dir.ca.gov/${run}`);
    const longest = Math.max(...out.split('\n').map((w) => w.length));
    assert.ok(longest <= 200, `longest stretch pdfkit cannot break: ${longest}`);
    assert.equal(out.replace(/\n/g, ''), `See https://www.dir.ca.gov/${run}`);
  }
  // Ordinary text with the occasional no-break space ("5\u00a0mg") is untouched.
  assert.equal(breakLongWords(`Tramadol 50\u00a0mg ${'twice daily '.repeat(30)}`), `Tramadol 50\u00a0mg ${'twice daily '.repeat(30)}`);
});

test('a run of text with no sentence end is read as sentences of at most MAX_SENTENCE characters, cut at blanks; shorter ones are untouched', () => {
  const words = 'the worker reported low back pain and stiffness in the left leg';
  const runOn = `${words} `.repeat(2_000).trim(); // ~130 KB, no full stop
  for (const layout of ['prose', 'pdf'] as const) {
    const parts = splitSentences(`Intro sentence. ${runOn}. Next one.`, { layout });
    assert.ok(parts.length > 20, `${layout}: cut (${parts.length} sentences)`);
    for (const p of parts) {
      assert.ok(p.text.length <= MAX_SENTENCE, `${layout}: ${p.text.length} characters`);
      assert.equal(p.text, p.text.trim());
      // Every offset of the cut sentence maps back to the same character of the source.
      const src = `Intro sentence. ${runOn}. Next one.`;
      for (const k of [0, p.text.length >> 1, p.text.length - 1]) assert.equal(src[sourceOffset(p, k)], p.text[k]);
    }
    // Nothing lost, nothing cut inside a word.
    assert.equal(parts.map((p) => p.text).join(' '), `Intro sentence. ${runOn}. Next one.`);
  }
  // A long sentence under the cap (the corpus's longest is 1,094 characters) stays one.
  const long = `${words} `.repeat(60).trim() + '.';
  assert.ok(long.length > 3_000 && long.length < MAX_SENTENCE);
  assert.deepEqual(
    splitSentences(long, { layout: 'prose' }).map((p) => p.text),
    [long],
  );
  // One word longer than the cap is cut where it must be.
  const word = 'x'.repeat(3 * MAX_SENTENCE + 5);
  assert.deepEqual(
    splitSentences(word, { layout: 'prose' }).map((p) => p.text.length),
    [MAX_SENTENCE, MAX_SENTENCE, MAX_SENTENCE, 5],
  );
});

test('PhraseSet.testRange answers what test() of the slice answers, on random texts and ranges', () => {
  const set = new PhraseSet(['plan', 'plans', 'to be', 'to begin', 'will', 'recommend', 'recommendation', 'x-ray']);
  const vocabulary = [
    'plan',
    'plans',
    'to',
    'be',
    'begin',
    'will',
    'recommend',
    'recommendation',
    'x',
    'ray',
    'x-ray',
    'xray',
    'planx',
    'a',
    '1',
    ',',
    '-',
    '  ',
  ];
  const random = prng(12);
  withPhraseMemo(() => {
    for (let round = 0; round < 40; round++) {
      const out: string[] = [];
      while (out.join(' ').length < 1_500) out.push(vocabulary[Math.floor(random() * vocabulary.length)]);
      const text = out.join(random() < 0.5 ? ' ' : '');
      for (let k = 0; k < 200; k++) {
        const a = Math.floor(random() * text.length);
        const b = a + Math.floor(random() * (text.length - a + 1));
        assert.equal(set.testRange(text, a, b), set.test(text.slice(a, b)), `round ${round}: [${a}, ${b})`);
      }
    }
  });
});

test('the reader and the rules cost linear work in the length of one run-on line (counted, not timed)', { timeout: 120_000 }, () => {
  // Characters the phrase lists scan while checking a letter whose summary has one run-on line of `kb` KB. Before,
  // the record rules tested the text from the clause's start up to each mention, so the count grew with the square
  // of the line (x16 for a line four times as long); sentences now have at most MAX_SENTENCE characters, and the
  // text before each mention is tested from the whole text's scan.
  const proto = PhraseSet.prototype as unknown as { scan: (text: string, from: number, to: number) => unknown };
  const scan = proto.scan;
  let scanned = 0;
  proto.scan = function (this: PhraseSet, text: string, from: number, to: number) {
    scanned += to - from;
    return scan.call(this, text, from, to);
  };
  const prose =
    'the injured worker complained of increasing low back pain with radiation down the left lower extremity and the examination documented tenderness ';
  const cost = (kb: number) => {
    const service = new LanguageService();
    service.settings = { ...service.settings, limits: limitsFromKb(1024) };
    const line = prose.repeat(Math.ceil((kb * KB) / prose.length)).slice(0, kb * KB);
    scanned = 0;
    assert.ok(service.getDiagnostics(doc(seed.replace(/^( {2}The injured worker is a 55 year old female,).*$/m, `$1 ${line}`))).length > 0);
    return scanned;
  };
  try {
    const small = cost(32);
    const large = cost(128);
    assert.ok(large / small < 6, `characters scanned: 32 KB line ${small}, 128 KB line ${large} (x${(large / small).toFixed(1)}; linear is x4)`);
  } finally {
    proto.scan = scan;
  }
});

test('a mention takes the side and direction of its clause nearest it, the earlier of two as near', () => {
  const reading = readSentence(bundledLexicon(), 'Left knee pain and right hip pain and left shoulder pain');
  const sides = reading.mentions.filter((m) => /pain/i.test(m.text)).map((m) => m.attributes.side);
  assert.ok(sides.length >= 3, JSON.stringify(reading.mentions.map((m) => m.text)));
  assert.deepEqual(sides.slice(-3), ['left', 'right', 'left']);
});
