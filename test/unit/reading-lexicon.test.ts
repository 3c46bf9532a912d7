// The lexicon loader (reading/lexicon.ts, reading/lexiconFiles.ts): every
// file of data/lexicon/ is bundled and compiles; broken references and
// phrases give clear errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from '../helpers/fixtures';
import { bundledLexicon, compileLexicon, lexiconTable, LEXICON_FILES, LexiconError } from '../../server/src/service/reading/index';
import { packTable, unpackTable } from '../../server/src/service/reading/matcher';
import { FIXTURE_CONCEPTS, fixtureLexicon } from '../helpers/readingFixture';

const DIR = path.join(ROOT, 'server', 'src', 'service', 'data', 'lexicon');

test('every file of data/lexicon/ is bundled (a new file must be listed in reading/lexiconFiles.ts)', () => {
  const onDisk = fs.readdirSync(DIR).sort();
  assert.deepEqual(Object.keys(LEXICON_FILES).sort(), onDisk, 'list the new file in server/src/service/reading/lexiconFiles.ts');
  for (const name of onDisk) assert.deepEqual(LEXICON_FILES[name], JSON.parse(fs.readFileSync(path.join(DIR, name), 'utf8')), name);
});

test('the bundled lexicon compiles, with its cues, sites and every file', () => {
  const lex = bundledLexicon();
  assert.deepEqual([...lex.files], Object.keys(LEXICON_FILES).sort());
  assert.ok(lex.matcher.size > 100);
  assert.ok(lex.sites.has('lumbar'));
});

test('broader concepts resolve transitively: Norco counts as hydrocodone/APAP and as an opioid', () => {
  const lex = fixtureLexicon();
  assert.deepEqual(lex.lineage.get('norco'), ['norco', 'hydrocodone-apap', 'opioid']);
  // L5-S1 is the lumbosacral junction: part of the lumbar spine and the sacrum, and through both of the spine.
  assert.deepEqual(lex.sites.get('l5-s1')?.partOf, ['lumbar', 'sacral', 'spine']);
});

test('bundledLexicon skips the schema only for the bundled files: compiled as any data, they validate and compile the same', () => {
  const checked = compileLexicon(LEXICON_FILES);
  const bundled = bundledLexicon();
  assert.deepEqual([...checked.concepts.keys()], [...bundled.concepts.keys()]);
  assert.equal(checked.matcher.size, bundled.matcher.size);
  // A file the schema refuses is refused when compiled as data, and only the bundled option skips the schema.
  const bad = { ...LEXICON_FILES, 'bad.json': { kind: 'lexicon', group: 'bad', concepts: [{ id: 'x' }] } };
  assert.throws(() => compileLexicon(bad), LexiconError);
});

test("the matcher made from the build's table of the lexicon (lexiconTable) is the one its phrases compile to", () => {
  // Run from the sources, bundledLexicon has no table (tools/lexiconTable.mjs puts one in the bundles): it adds the phrases.
  const compiled = bundledLexicon();
  // The build embeds the table packed, as JSON (tools/lexiconTable.mjs).
  const compiledTable = lexiconTable(LEXICON_FILES);
  const table = unpackTable(JSON.parse(JSON.stringify(packTable(compiledTable))));
  assert.deepStrictEqual(table, compiledTable);
  const made = compileLexicon(LEXICON_FILES, { bundled: true, table });
  // The same trie, hash table and ids, lists of phrases and entries (equal entries: each compile makes its own).
  assert.deepStrictEqual(made.matcher, compiled.matcher);
  assert.deepStrictEqual(made.concepts, compiled.concepts);
  const sentence = 'Bilateral L5-S1 radiculopathy, no x-ray; Norco 10/325 mg tid with 50% relief, denied by the MRI of the lumbar spine.';
  assert.deepStrictEqual(made.matcher.match(sentence), compiled.matcher.match(sentence));
  assert.ok(made.matcher.match(sentence).length > 5);
  // A table of other phrases is refused rather than read wrong.
  const fewer = { ...LEXICON_FILES, 'devices.json': { kind: 'lexicon', group: 'devices', concepts: [] } };
  assert.throws(() => compileLexicon(fewer, { bundled: true, table }), /compiled from 14/);
});

test('a packed matcher table unpacks to the same numbers and words', () => {
  const table = {
    parents: [0, 1, 31, 1024, 32768, 2 ** 31],
    symbols: [0, 2, 3, 999_999],
    ends: [1, 0, 1, 5, 40_001, 14_827],
    words: ['a', 'x-ray', '4+/5', "n't", 'n\u2019t'],
    prefixes: [],
    onePrefixes: [97],
    prefixLengths: [97 * 65536 + 98, 2, 3, 5],
    maxDepth: 8,
    count: 3,
  };
  assert.deepStrictEqual(unpackTable(JSON.parse(JSON.stringify(packTable(table)))), table);
  assert.throws(() => packTable({ ...table, words: ['two words'] }), /space/);
});

function problems(extra: Record<string, unknown>): string[] {
  try {
    compileLexicon({ ...LEXICON_FILES, ...extra });
    return [];
  } catch (e) {
    assert.ok(e instanceof LexiconError);
    return e.problems;
  }
}

const file = (concepts: unknown[]) => ({ kind: 'lexicon', group: 'bad', concepts });

test('an unknown broader, opposite or site is named with its file and concept', () => {
  const p = problems({
    'bad.json': file([{ id: 'a', kind: 'finding', title: 'A', terms: ['aaa'], broader: ['nope'], opposite: 'none-such', sites: ['elsewhere'] }]),
  });
  assert.deepEqual(p, [
    'bad.json: concept "a": broader "nope" is no concept.',
    'bad.json: concept "a": opposite "none-such" is no concept.',
    'bad.json: concept "a": site "elsewhere" is not in sites.json.',
  ]);
});

test('a cycle of broader concepts and a duplicate id are errors', () => {
  const p = problems({
    'bad.json': file([
      { id: 'a', kind: 'finding', title: 'A', terms: ['aaa'], broader: ['b'] },
      { id: 'b', kind: 'finding', title: 'B', terms: ['bbb'], broader: ['a'] },
    ]),
    'dup.json': { kind: 'lexicon', group: 'dup', concepts: [{ id: 'a', kind: 'finding', title: 'A2', terms: ['ccc'] }] },
  });
  assert.ok(
    p.some((x) => x === 'bad.json: concept "a": broader leads back to itself.'),
    p.join('\n'),
  );
  assert.ok(
    p.some((x) => x === 'dup.json: concept "a" is already defined in bad.json.'),
    p.join('\n'),
  );
});

test('a file the schema refuses is reported by name and place, and a missing context file too', () => {
  const p = problems({ 'bad.json': file([{ id: 'a', kind: 'feeling', title: 'A', terms: ['aaa'] }]) });
  assert.equal(p.length, 1);
  assert.match(p[0], /^bad\.json: concepts\[0\]\.kind must be one of/);
  const q = (() => {
    try {
      compileLexicon({ 'fixture.json': FIXTURE_CONCEPTS });
      return [];
    } catch (e) {
      return (e as LexiconError).problems;
    }
  })();
  assert.ok(
    q.some((x) => /exactly one context file/.test(x)),
    q.join('\n'),
  );
});

test('the schema refuses a phrase with * inside a word or with stray blanks', () => {
  for (const bad of ['ra*dic', '*itis', ' pain', 'pain ', 'low  back']) {
    const p = problems({ 'bad.json': file([{ id: 'a', kind: 'finding', title: 'A', terms: [bad] }]) });
    assert.equal(p.length, 1, `${JSON.stringify(bad)}: ${p.join('; ')}`);
  }
  assert.deepEqual(problems({ 'ok.json': file([{ id: 'a', kind: 'finding', title: 'A', terms: ['straight leg rais*', 'x-ray', '4+/5', 'q.d.'] }]) }), []);
});
