// The TextMate grammar (syntaxes/imr.tmLanguage.json) tokenized the way VS Code
// does it, with vscode-textmate and the Oniguruma regex engine, and checked
// scope by scope on lines of the examples.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as vsctm from 'vscode-textmate';
import * as oniguruma from 'vscode-oniguruma';
import { EXAMPLES, ROOT, readExample } from '../helpers/fixtures';

const GRAMMAR_PATH = path.join(ROOT, 'syntaxes', 'imr.tmLanguage.json');
let grammar: vsctm.IGrammar;

before(async () => {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName: string) =>
      scopeName === 'source.imr' ? vsctm.parseRawGrammar(fs.readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH) : null,
  });
  const g = await registry.loadGrammar('source.imr');
  assert.ok(g, 'the grammar loads under scopeName source.imr');
  grammar = g;
});

interface Tokenized {
  lines: string[];
  tokens: vsctm.IToken[][];
}

function tokenize(text: string): Tokenized {
  const lines = text.split(/\r\n|\r|\n/);
  let stack = vsctm.INITIAL;
  const tokens = lines.map((line) => {
    const r = grammar.tokenizeLine(line, stack);
    stack = r.ruleStack;
    return r.tokens;
  });
  return { lines, tokens };
}

/**
 * The scopes every character of `needle` (its first occurrence on the first line
 * containing `lineHas`) carries in common.
 */
function scopesOf(t: Tokenized, lineHas: string, needle = lineHas): string[] {
  // A line equal to `lineHas` wins over one that merely contains it (`summary` vs a comment).
  const exact = t.lines.findIndex((l) => l === lineHas);
  const line = exact >= 0 ? exact : t.lines.findIndex((l) => l.includes(lineHas));
  assert.ok(line >= 0, `no line contains ${JSON.stringify(lineHas)}`);
  const start = t.lines[line].indexOf(needle);
  assert.ok(start >= 0, `line ${line + 1} has no ${JSON.stringify(needle)}`);
  let common: string[] | undefined;
  for (let c = start; c < start + needle.length; c++) {
    const tok = t.tokens[line].find((k) => k.startIndex <= c && c < k.endIndex)!;
    common = common ? common.filter((s) => tok.scopes.includes(s)) : [...tok.scopes];
  }
  return common ?? [];
}

function hasScope(t: Tokenized, lineHas: string, needle: string, scope: string): void {
  const scopes = scopesOf(t, lineHas, needle);
  assert.ok(scopes.some((s) => s === scope || s.split(' ').includes(scope)), `"${needle}" on the line with "${lineHas}" has scopes ${JSON.stringify(scopes)}, not ${scope}`);
}

function lacksScope(t: Tokenized, lineHas: string, needle: string, prefix: string): void {
  const scopes = scopesOf(t, lineHas, needle);
  assert.ok(!scopes.some((s) => s.startsWith(prefix)), `"${needle}" should not be ${prefix}: ${JSON.stringify(scopes)}`);
}

test('the seed example: section keywords, case number, fields, dates and comments', () => {
  const t = tokenize(readExample('lumbar-mri-upheld.imr'));
  hasScope(t, 'case CM15-0201234', 'case', 'keyword.control.section.case.imr');
  hasScope(t, 'case CM15-0201234', 'CM15-0201234', 'constant.other.case-number.imr');
  hasScope(t, 'reviewer', 'reviewer', 'keyword.control.section.reviewer.imr');
  hasScope(t, 'worker', 'worker', 'keyword.control.section.worker.imr');
  hasScope(t, 'summary', 'summary', 'keyword.control.section.summary.imr');
  hasScope(t, 'item MRI', 'item', 'keyword.control.section.item.imr');
  hasScope(t, 'item MRI', 'MRI of the lumbar spine', 'entity.name.section.item.imr');
  hasScope(t, 'licensure: California', 'licensure', 'support.type.property-name.field.imr');
  lacksScope(t, 'licensure: California', 'California', 'support.type');
  hasScope(t, 'priority: standard', 'standard', 'constant.language.priority.imr');
  hasScope(t, 'received: 10/14/2015', '10/14/2015', 'constant.numeric.date.us.imr');
  hasScope(t, 'ur-date: 10-2-15', '10-2-15', 'constant.numeric.date.us.imr');
  hasScope(t, 'injury on 1-30-2014', '1-30-2014', 'constant.numeric.date.us.imr');
  hasScope(t, '-- The seed letter', '-- The seed letter', 'comment.line.double-dash.imr');
  hasScope(t, '-- The seed letter', '--', 'punctuation.definition.comment.imr');
});

test('the seed example: decision, criteria, statuses, labels and rationale prose', () => {
  const t = tokenize(readExample('lumbar-mri-upheld.imr'));
  hasScope(t, 'decision: upheld', 'upheld', 'constant.language.decision.upheld.imr');
  hasScope(t, 'decision: upheld', 'upheld', 'markup.deleted.decision.imr');
  lacksScope(t, 'decision: upheld', 'upheld', 'constant.language.decision.overturned');
  hasScope(t, 'decision: upheld', 'decision', 'support.type.property-name.field.imr');
  hasScope(t, 'criteria: low-back-mri', 'criteria', 'keyword.control.block.criteria.imr');
  hasScope(t, 'criteria: low-back-mri', 'low-back-mri', 'entity.name.type.criteria-section.imr');
  hasScope(t, 'LMRI-01: not met', 'LMRI-01', 'variable.other.constant.criterion-id.imr');
  hasScope(t, 'LMRI-01: not met', 'not met', 'constant.language.status.not-met.imr');
  hasScope(t, 'LMRI-02: not met [#conservative-care]', '[#conservative-care]', 'entity.name.tag.label.imr');
  hasScope(t, 'LMRI-02: not met [#conservative-care]', 'conservative-care', 'entity.name.label.imr');
  hasScope(t, 'LMRI-03: unknown', 'unknown', 'constant.language.status.unknown.imr');
  hasScope(t, 'LMRI-04: not applicable', 'not applicable', 'constant.language.status.not-applicable.imr');
  hasScope(t, 'physical therapy sessions [#conservative-care]', '[#conservative-care]', 'entity.name.tag.label.imr');
  hasScope(t, 'physical therapy sessions [#conservative-care]', '[#', 'punctuation.definition.tag.begin.imr');
  hasScope(t, '  rationale', 'rationale', 'keyword.control.block.rationale.imr');
  hasScope(t, 'Patient does not meet any', 'Patient does not meet any', 'meta.prose.rationale.imr');
  hasScope(t, 'Patient does not meet any', 'Patient does not meet any', 'meta.section.item.imr');
});

test('overturned is coloured apart from upheld', () => {
  const t = tokenize(readExample('physical-therapy-overturned.imr'));
  hasScope(t, 'decision: overturned', 'overturned', 'constant.language.decision.overturned.imr');
  hasScope(t, 'decision: overturned', 'overturned', 'markup.inserted.decision.imr');
  lacksScope(t, 'decision: overturned', 'overturned', 'constant.language.decision.upheld');
  hasScope(t, 'PT-05: met', 'met', 'constant.language.status.met.imr');
  const bad = tokenize('item X\n  decision: maybe\n');
  hasScope(bad, 'decision: maybe', 'maybe', 'invalid.illegal.decision.imr');
});

test('suppression comments, comments at the margin inside an item, and blocks that end', () => {
  const t = tokenize(
    [
      'item Knee MRI',
      '  criteria: knee-mri',
      '    KMRI-01: met [#exam]',
      '-- a comment at the margin does not end the item',
      '    KMRI-02: unknown',
      '  -- imr-disable-next-line unknown-field, date-order',
      '  decision: upheld',
      '  rationale',
      '    Seen on 2017-04-25 [#exam].',
      '  guideline: MTUS Knee Complaints 2004',
      'item Second',
      '  decision: overturned',
    ].join('\n'),
  );
  hasScope(t, '-- a comment at the margin', '-- a comment', 'comment.line.double-dash.imr');
  hasScope(t, 'KMRI-02: unknown', 'KMRI-02', 'variable.other.constant.criterion-id.imr');
  hasScope(t, 'KMRI-02: unknown', 'KMRI-02', 'meta.section.item.imr');
  hasScope(t, 'imr-disable-next-line', 'imr-disable-next-line', 'keyword.control.directive.suppression.imr');
  hasScope(t, 'imr-disable-next-line', 'unknown-field', 'constant.other.rule-code.imr');
  hasScope(t, 'imr-disable-next-line', 'date-order', 'constant.other.rule-code.imr');
  // The criteria block ended at the less-indented `decision:` line.
  lacksScope(t, '  decision: upheld', 'decision', 'meta.block.criteria');
  hasScope(t, '  decision: upheld', 'upheld', 'constant.language.decision.upheld.imr');
  hasScope(t, 'Seen on 2017-04-25', '2017-04-25', 'constant.numeric.date.iso.imr');
  // The rationale ended at `guideline:`, which is a field again.
  hasScope(t, 'guideline: MTUS', 'guideline', 'support.type.property-name.field.imr');
  lacksScope(t, 'guideline: MTUS', 'MTUS', 'meta.block.rationale');
  hasScope(t, 'item Second', 'item', 'keyword.control.section.item.imr');
  hasScope(t, 'decision: overturned', 'overturned', 'constant.language.decision.overturned.imr');
});

test('spinal levels, drug strengths and part-dates are not coloured as dates', () => {
  const t = tokenize('summary\n  Disc at L5-S1, Norco 10-325 mg, in 4-2017 and 12/2016, on 4-5-2017.\n');
  lacksScope(t, 'Disc at', 'L5-S1', 'constant.numeric.date');
  lacksScope(t, 'Disc at', '10-325', 'constant.numeric.date');
  lacksScope(t, 'Disc at', '4-2017', 'constant.numeric.date');
  lacksScope(t, 'Disc at', '12/2016', 'constant.numeric.date');
  hasScope(t, 'Disc at', '4-5-2017', 'constant.numeric.date.us.imr');
});

test('section keywords are coloured in any case and with a colon, as the parser accepts them', () => {
  const t = tokenize('CASE: CM16-0221706\nReviewer:\n  licensure: California\n');
  hasScope(t, 'CASE', 'CASE', 'keyword.control.section.case.imr');
  hasScope(t, 'CASE', 'CM16-0221706', 'constant.other.case-number.imr');
  hasScope(t, 'Reviewer', 'Reviewer', 'keyword.control.section.reviewer.imr');
  const notKeyword = tokenize('cases CM16\n');
  lacksScope(notKeyword, 'cases', 'cases', 'keyword.control');
});

test('every example tokenizes to the end with every line inside a section or a comment', () => {
  for (const name of fs.readdirSync(EXAMPLES).filter((n) => n.endsWith('.imr'))) {
    const t = tokenize(readExample(name));
    t.lines.forEach((line, i) => {
      if (!line.trim()) return;
      const scopes = scopesOf(t, line, line.trimStart().slice(0, 1));
      assert.ok(
        scopes.some((s) => s.startsWith('meta.section.') || s.startsWith('comment.')),
        `${name}:${i + 1} is outside every section: ${JSON.stringify(scopes)}`,
      );
    });
  }
});

test('every regex in the grammar compiles with Oniguruma', () => {
  const raw = JSON.parse(fs.readFileSync(GRAMMAR_PATH, 'utf8'));
  assert.equal(raw.scopeName, 'source.imr');
  const regexes: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if ((k === 'match' || k === 'begin' || k === 'end') && typeof x === 'string') regexes.push(x);
        else walk(x);
      }
    }
  };
  walk(raw);
  assert.ok(regexes.length >= 15);
  for (const re of regexes) {
    // Back-references to a begin capture (\1 in an end) are substituted before compiling.
    const scanner = new oniguruma.OnigScanner([re.replace(/\\1(?![0-9])/g, '  ')]);
    scanner.dispose();
  }
  // And a broken one would be caught.
  assert.throws(() => new oniguruma.OnigScanner(['(unclosed']));
});
