// The TextMate grammar (syntaxes/imr.tmLanguage.json) tokenized the way VS Code
// does it, with vscode-textmate and the Oniguruma regex engine, and checked
// scope by scope on lines of the examples.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as vsctm from 'vscode-textmate';
import * as oniguruma from 'vscode-oniguruma';
import { EXAMPLES, ROOT, diagnose, readExample } from '../helpers/fixtures';
import { parseCase } from '../../server/src/service/syntax/parser';
import { SECTION_SPECS } from '../../server/src/service/schema/fields';
import { LanguageService } from '../../server/src/service/languageService';

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
    loadGrammar: async (scopeName: string) => (scopeName === 'source.imr' ? vsctm.parseRawGrammar(fs.readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH) : null),
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
  assert.ok(
    scopes.some((s) => s === scope || s.split(' ').includes(scope)),
    `"${needle}" on the line with "${lineHas}" has scopes ${JSON.stringify(scopes)}, not ${scope}`,
  );
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
  // The parser reads these as broken lines, not sections (a dash or dot glued on), so they are not coloured as one.
  for (const line of ['case-number: CM16-0221706', 'item-partial', 'summary.', 'worker-age: 40']) {
    lacksScope(tokenize(`${line}\n`), line, line.split(/[-.]/)[0], 'keyword.control');
  }
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

// ---- the other editor support files: language configuration and snippets ----

const languageConfiguration = () => JSON.parse(fs.readFileSync(path.join(ROOT, 'language-configuration.json'), 'utf8'));

test('language configuration: -- comments, [ ] brackets, offSide folding', () => {
  const conf = languageConfiguration();
  assert.equal(conf.comments.lineComment, '--');
  assert.ok(conf.brackets.some((b: string[]) => b[0] === '[' && b[1] === ']'));
  assert.ok(conf.autoClosingPairs.some((p: { open: string; close: string }) => p.open === '[' && p.close === ']'));
  assert.equal(conf.folding.offSide, true);
});

test('the word pattern keeps labels, criterion ids, section ids and dates whole', () => {
  const word = new RegExp(languageConfiguration().wordPattern, 'g');
  const words = (s: string) => s.match(word) ?? [];
  assert.deepEqual(words('    LMRI-01: not met [#neuro-findings].'), ['LMRI-01', 'not', 'met', 'neuro-findings']);
  assert.deepEqual(words('  criteria: low-back-mri'), ['criteria', 'low-back-mri']);
  assert.deepEqual(words('on 1-30-2014, then 10/02/2015.'), ['on', '1-30-2014', 'then', '10', '02', '2015']);
  assert.deepEqual(words('[#exam.v2] e.g. this'), ['exam.v2', 'e.g', 'this']);
});

test('Enter indents after a section keyword line, `criteria:` and a bare `rationale`, and nowhere else', () => {
  const rules: { beforeText: string; action: { indent: string } }[] = languageConfiguration().onEnterRules;
  const indents = (line: string) => rules.some((r) => r.action.indent === 'indent' && new RegExp(r.beforeText).test(line));
  for (const line of [
    'case CM16-0221706',
    'reviewer',
    'Worker',
    'summary',
    'summary:',
    'item MRI of the knee',
    '  criteria: knee-mri',
    '  criteria:',
    '  rationale',
    '\trationale:',
  ]) {
    assert.ok(indents(line), `Enter after ${JSON.stringify(line)} should indent`);
  }
  for (const line of [
    'items to do',
    'cases',
    '  decision: upheld',
    '  rationale The guideline says',
    '    LMRI-01: met',
    '  The injured worker is',
    '-- case',
  ]) {
    assert.ok(!indents(line), `Enter after ${JSON.stringify(line)} should keep the indentation`);
  }
});

/** The codes of the structural rules: a snippet's skeleton must never trip them. */
const STRUCTURAL = [
  'syntax',
  'indentation',
  'unknown-field',
  'missing-section',
  'missing-field',
  'invalid-value',
  'duplicate',
  'date-order',
  'unknown-reference',
  'unused-label',
];
// Placeholders the author must replace; the checks may flag them until then.
const PLACEHOLDER = /MM\/DD\/YYYY|section-id|CRITERION-0|age in years/;

type Snippet = { prefix: string | string[]; body: string[]; description: string };
const snippets = (): Record<string, Snippet> => JSON.parse(fs.readFileSync(path.join(ROOT, 'snippets', 'imr.code-snippets'), 'utf8'));

/** Expands a snippet the way accepting every default would: first choice, placeholder text, mirrors. */
function expand(snippet: Snippet, indent = ''): string {
  const values = new Map<string, string>();
  const body = snippet.body.map((l, i) => (i === 0 ? l : indent + l)).join('\n');
  const out = body.replace(/\$\{(\d+)(?:\|((?:[^|\\]|\\.)*)\||:([^}]*))?\}|\$(\d+)/g, (_m, n: string, choices?: string, def?: string, bare?: string) => {
    if (bare !== undefined) return values.get(bare) ?? '';
    let v: string;
    if (choices !== undefined) v = choices.split(/(?<!\\),/)[0].replace(/\\(.)/g, '$1');
    else if (def !== undefined) v = def;
    else v = values.get(n) ?? '';
    if (!values.has(n)) values.set(n, v);
    return v;
  });
  return out;
}

test('the new-case snippet expands to a case with every part and field and no structural errors', () => {
  const all = snippets();
  const text = expand(all['New case']);
  const file = parseCase(text);
  assert.deepEqual(file.problems, []);
  assert.deepEqual(
    file.sections.map((s) => s.kind),
    ['case', 'reviewer', 'worker', 'summary', 'item'],
  );
  const diags = diagnose(text);
  // Only placeholders still to be filled in (dates, the criteria section and
  // criterion ids) may be reported, on their own lines.
  for (const d of diags) {
    assert.ok(!STRUCTURAL.includes(d.code) || d.code === 'invalid-value', `${d.code}: ${d.message}`);
    assert.match(text.split('\n')[d.range.start.line], PLACEHOLDER, `${d.code}: ${d.message}`);
  }
  assert.ok(
    diags.some((d) => d.code === 'invalid-value'),
    'the date placeholders are flagged until filled in',
  );
});

test('item, partial item, dependent item, criteria and rationale snippets fit into a case', () => {
  const all = snippets();
  const seed = readExample('lumbar-mri-upheld.imr');
  for (const name of ['Disputed item', 'Partly authorized item', 'Dependent item']) {
    const text = `${seed.trimEnd()}\n\n${expand(all[name])}\n`;
    const file = parseCase(text);
    assert.deepEqual(file.problems, [], name);
    assert.equal(file.items.length, 2, name);
    const lines = text.split('\n');
    const added = diagnose(text).filter((d) => d.severity !== 'hint' && d.range.start.line >= seed.trimEnd().split('\n').length);
    for (const d of added) {
      assert.ok(!STRUCTURAL.includes(d.code), `${name}: ${d.code}: ${d.message}`);
      assert.match(lines[d.range.start.line], PLACEHOLDER, `${name}: ${d.code}: ${d.message}`);
    }
  }
  // The documents part: one entry, its three parts read; its placeholder dates are flagged until written.
  const withDocuments = `${seed.trimEnd()}\n\n${expand(all['Documents reviewed'])}\n`;
  const documents = parseCase(withDocuments);
  assert.deepEqual(documents.problems, []);
  assert.deepEqual(
    documents.documents?.entries.map((e) => e.parts.map((p) => p.value)),
    [['document', 'author or source', 'MM/DD/YYYY to MM/DD/YYYY']],
  );
  assert.ok(diagnose(withDocuments).some((d) => d.code === 'invalid-value' && d.range.start.line === documents.documents!.entries[0].range.start.line));
  const item = 'item Knee MRI\n  decision: upheld\n  ';
  const withBlocks = parseCase(`${item}${expand(all['Criteria block'], '  ')}\n  ${expand(all['Rationale'], '  ')}\n`);
  assert.deepEqual(withBlocks.problems, []);
  assert.equal(withBlocks.items[0].criteria?.entries.length, 2);
  assert.deepEqual(
    withBlocks.items[0].criteria?.entries.map((e) => e.status),
    ['met', 'met'],
  );
  assert.match(withBlocks.items[0].rationale!.prose.text, /is not medically necessary\.$/);
});

test('fields come from completion in their own part only, not from snippets offered everywhere', () => {
  // A static snippet shows wherever its prefix is typed (inside a criteria block, in prose);
  // the server's completion offers each part's fields on an empty line of that part.
  assert.deepEqual(
    Object.keys(snippets()).filter((name) => name.startsWith('Field ')),
    [],
  );
  const service = new LanguageService();
  let n = 0;
  const labelsAt = (text: string, line: number, character = 2) =>
    service.getCompletions({ uri: `file:///snippets/${++n}.imr`, version: 1, text }, { line, character }).map((i) => i.label);
  for (const spec of SECTION_SPECS) {
    const head = spec.keyword === 'item' || spec.keyword === 'case' ? `${spec.keyword} X` : spec.keyword;
    const offered = labelsAt(`${head}\n  \n`, 1);
    for (const f of spec.fields.filter((x) => x.type !== 'block')) assert.ok(offered.includes(f.key), `${spec.keyword} offers ${f.key}`);
  }
  const criteriaLine = labelsAt('item X\n  criteria: low-back-mri\n    \n', 2, 4);
  assert.ok(!criteriaLine.includes('decision') && !criteriaLine.includes('licensure'), `no field names in a criteria block: ${criteriaLine}`);
});

test("the documents part: its keyword, the semicolons between a document's parts, and its dates", () => {
  const t = tokenize(readExample('physical-therapy-overturned.imr'));
  hasScope(t, 'documents', 'documents', 'keyword.control.section.documents.imr');
  hasScope(t, 'Right shoulder radiographs report', ';', 'punctuation.separator.document.imr');
  hasScope(t, 'Right shoulder radiographs report', '11/21/2016', 'constant.numeric.date.us.imr');
  lacksScope(t, 'Right shoulder radiographs report', 'radiologist', 'keyword');
  hasScope(t, 'item Additional', 'item', 'keyword.control.section.item.imr');
});
