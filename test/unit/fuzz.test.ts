// A small deterministic fuzz test: a few thousand mutated versions of the
// examples (fixed seed, so a failure reproduces) go through the parser and every
// registered rule. None may throw, hit the parser's catch-all, or report a range
// outside the document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import { parseCase } from '../../server/src/service/syntax/parser';
import { computeLineStarts } from '../../server/src/service/syntax/positions';
import type { Range } from '../../server/src/service/syntax/ast';
import { LanguageService } from '../../server/src/service/languageService';
import { onRuleError } from '../../server/src/service/rules/index';
import { EXAMPLES, readExample } from '../helpers/fixtures';
import { prng as rng } from '../helpers/random';

const SEED = 20240611;
const ROUNDS = 2500;


// Pieces that matter to the language: separators, markup, keywords, dates, odd characters.
const PIECES = [
  '\n', '\r\n', '\r', '\t', ' ', '  ', ':', '[#', ']', '[#x]', '[#neuro-findings]', '--', '-- imr-disable-next-line syntax\n',
  'item ', 'case ', 'summary\n', 'reviewer\n', 'worker\n', '  criteria: low-back-mri\n', '  rationale\n', '    LMRI-01: not met [#y]\n',
  'not met', 'n/a', 'upheld', 'overturned', '1-30-2014', '13/45/99', '2016-02-30', '\ufeff', '😀', '\ud800', '\u0000', 'é', '.', '. ', '"',
  '  decision: ', '  licensure: ', 'is not medically necessary.', 'is medically necessary.',
];

type Mutation = (text: string, next: () => number) => string;
const pick = <T>(xs: T[], next: () => number): T => xs[Math.floor(next() * xs.length)];
const at = (text: string, next: () => number) => Math.floor(next() * (text.length + 1));

const MUTATIONS: Mutation[] = [
  (t, n) => {
    const i = at(t, n);
    return t.slice(0, i) + t.slice(i + 1 + Math.floor(n() * 20));
  },
  (t, n) => {
    const i = at(t, n);
    return t.slice(0, i) + pick(PIECES, n) + t.slice(i);
  },
  (t, n) => {
    const lines = t.split('\n');
    const i = Math.floor(n() * lines.length);
    lines.splice(i, 0, lines[i]);
    return lines.join('\n');
  },
  (t, n) => {
    const lines = t.split('\n');
    lines.splice(Math.floor(n() * lines.length), 1);
    return lines.join('\n');
  },
  (t, n) => {
    const lines = t.split('\n');
    const i = Math.floor(n() * lines.length);
    const j = Math.floor(n() * lines.length);
    [lines[i], lines[j]] = [lines[j], lines[i]];
    return lines.join('\n');
  },
  (t, n) => {
    const lines = t.split('\n');
    const i = Math.floor(n() * lines.length);
    lines[i] = n() < 0.5 ? pick(['\t', ' ', '   ', '\t ', ' \t'], n).repeat(1 + Math.floor(n() * 4)) + lines[i] : lines[i].replace(/^[ \t]{1,3}/, '');
    return lines.join('\n');
  },
  (t, n) => {
    const lines = t.split('\n');
    lines[Math.floor(n() * lines.length)] = Array.from({ length: Math.floor(n() * 60) }, () => String.fromCharCode(Math.floor(n() * 0x3000))).join('');
    return lines.join('\n');
  },
];

function checkRanges(text: string, ranges: Range[], what: () => string): void {
  const starts = computeLineStarts(text);
  for (const rg of ranges) {
    for (const p of [rg.start, rg.end]) {
      if (!(p.line >= 0 && p.line < starts.length)) assert.fail(`${what()}: line ${p.line} outside the document (${starts.length} lines)`);
      const end = p.line + 1 < starts.length ? starts[p.line + 1] : text.length;
      let e = end;
      while (e > starts[p.line] && (text[e - 1] === '\n' || text[e - 1] === '\r')) e--;
      if (!(p.character >= 0 && p.character <= e - starts[p.line])) assert.fail(`${what()}: character ${p.character} outside line ${p.line} (length ${e - starts[p.line]})`);
    }
    if (rg.start.line > rg.end.line || (rg.start.line === rg.end.line && rg.start.character > rg.end.character)) assert.fail(`${what()}: a range ends before it starts`);
  }
}

function collectRanges(value: unknown, out: Range[] = []): Range[] {
  if (Array.isArray(value)) for (const v of value) collectRanges(v, out);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const s = o.start as { line?: unknown } | undefined;
    if (s && typeof s.line === 'number' && o.end) out.push(o as unknown as Range);
    for (const [k, v] of Object.entries(o)) if (k !== 'text' && k !== 'lineStarts') collectRanges(v, out);
  }
  return out;
}

test(`${ROUNDS} mutated examples: no throw, no catch-all, every range inside the document`, () => {
  const names = fs.readdirSync(EXAMPLES).filter((n) => n.endsWith('.imr')).sort();
  const sources = names.map((n) => readExample(n));
  const next = rng(SEED);
  const service = new LanguageService();
  // Rules' exceptions are contained in production; here they must fail the test.
  const ruleErrors: string[] = [];
  onRuleError((err, rule) => ruleErrors.push(`${rule}: ${err instanceof Error ? err.stack : String(err)}`));
  for (let round = 0; round < ROUNDS; round++) {
    const which = round % sources.length;
    let text = sources[which];
    const steps = 1 + Math.floor(next() * 6);
    for (let s = 0; s < steps; s++) text = pick(MUTATIONS, next)(text, next);
    const what = () => `round ${round} (${names[which]}, seed ${SEED})`;
    const file = parseCase(text);
    assert.ok(!file.problems.some((p) => /could not read/.test(p.message)), `${what()}: the parser hit its catch-all`);
    checkRanges(text, collectRanges(file), () => `${what()} tree`);
    const diags = service.getDiagnostics({ uri: `file:///fuzz/${round}.imr`, version: 1, text });
    checkRanges(text, diags.map((d) => d.range), () => `${what()} diagnostics`);
    service.forget(`file:///fuzz/${round}.imr`);
    if (ruleErrors.length) assert.fail(`${what()}: a rule threw: ${ruleErrors[0]}`);
  }
  onRuleError(undefined);
});
