// Format Document: indentation in the file's unit, fields in the schema's
// order, one blank line between parts, no trailing whitespace, and never a
// word changed, moved out of its part or lost. Properties: formatting is
// idempotent and keeps the multiset of words, on the examples, on examples
// changed at random, and on the corpus letters as the importer writes them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { formatText } from '../../server/src/service/features/format';
import { LanguageService } from '../../server/src/service/languageService';
import { parseCase } from '../../server/src/service/syntax/parser';
import { importLetter } from '../../server/src/service/import/index';
import { corpusSkip, EXAMPLES, readExample, ROOT, SHARED } from '../helpers/fixtures';
import { applyEdits } from '../helpers/edits';
import { caseText, mutatedExample, noContainedError, settings } from '../helpers/properties';

const words = (text: string) => text.split(/\s+/).filter(Boolean).sort();

function holds(text: string, where: string): string {
  const once = formatText(text);
  assert.equal(formatText(once), once, `${where}: formatting twice changes the text`);
  assert.deepEqual(words(once), words(text), `${where}: the words changed`);
  return once;
}

/** The example with its layout spoiled: odd indentation (4 spaces a level, some lines deeper), trailing spaces, doubled blank lines, fields out of order. */
function spoiled(text: string): string {
  const lines = text.split('\n').map((l, i) => {
    const lead = /^ */.exec(l)![0].length;
    return (l.trim() === '' ? '' : ' '.repeat(lead * 2) + l.trim()) + (i % 3 === 0 ? '  ' : '');
  });
  const out = lines.join('\n').replace(/\n\n/g, '\n\n\n');
  // The reviewer's two fields swapped.
  return out.replace(/^( +licensure: [^\n]*)\n( +specialty: [^\n]*)$/m, '$2\n$1');
}

for (const name of fs.readdirSync(EXAMPLES).filter((n) => n.endsWith('.imr'))) {
  test(`${name}: formatting a spoiled layout gives back the example's layout, idempotent and word for word`, () => {
    const original = readExample(name);
    const formatted = holds(spoiled(original), name);
    const again = holds(original, name);
    // Both the example and its spoiled copy format to the same text, in each one's indent unit (4 spaces in the spoiled copy).
    const doubled = again.replace(/^ +/gm, (m) => m + m);
    assert.ok(formatted === doubled, 'the spoiled copy formats to the example formatted, in its own unit');
    for (const line of formatted.split('\n')) assert.ok(!/[ \t]$/.test(line), `trailing whitespace: ${JSON.stringify(line)}`);
    assert.ok(!formatted.includes('\n\n\n'));
    // The example's parse is unchanged: same prose, fields and criteria.
    const a = parseCase(original);
    const b = parseCase(formatted);
    assert.equal(b.summary?.prose.text, a.summary?.prose.text);
    assert.deepEqual(
      b.items.map((i) => i.rationale?.prose.text),
      a.items.map((i) => i.rationale?.prose.text),
    );
    assert.deepEqual(
      b.comments.map((c) => c.text),
      a.comments.map((c) => c.text),
    );
  });
}

test("the shipped examples and the whole-case snippet are already in the formatter's layout, so formatting a new case moves nothing", () => {
  for (const name of fs.readdirSync(EXAMPLES).filter((n) => n.endsWith('.imr'))) {
    const text = readExample(name);
    assert.equal(formatText(text), text, `${name} is not in the formatter's layout`);
  }
  const snippets = JSON.parse(fs.readFileSync(path.join(ROOT, 'snippets', 'imr.code-snippets'), 'utf8'));
  // The snippet as VS Code inserts it with every default taken: a choice's first value, a mirror's text as "x".
  const expanded = (snippets['New case'].body as string[])
    .join('\n')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
    .replace(/\$\{\d+\}/g, 'x')
    .replace(/\$0/g, '');
  assert.ok(expanded.includes('ur-date:'), 'the snippet expands to a case');
  assert.equal(formatText(expanded), expanded);
});

test('fields follow the schema order, a comment moves with the field below it, and a field the schema does not know stays after the one above it', () => {
  const text = [
    '-- header comment',
    'case CM17-0000001',
    '   ur-date: 02/21/2017   ',
    '   -- the organization that sent the file',
    '   organization: MAXIMUS Federal Services',
    '   colour: blue',
    '   priority: standard',
    'reviewer',
    '    specialty: Neurology',
    '',
    '',
    '',
    '  licensure: California',
    '',
  ].join('\n');
  const formatted = formatText(text);
  assert.equal(
    formatted,
    [
      '-- header comment',
      'case CM17-0000001',
      '   -- the organization that sent the file',
      '   organization: MAXIMUS Federal Services',
      '   colour: blue',
      '   priority: standard',
      '   ur-date: 02/21/2017',
      '',
      'reviewer',
      '   specialty: Neurology',
      '',
      '   licensure: California',
      '',
    ].join('\n'),
  );
  assert.equal(formatText(formatted), formatted);
});

test('criteria lines and rationale prose go two levels in; prose words and their line breaks stay', () => {
  const text = readExample('physical-therapy-overturned.imr')
    .replace(/^ {4}(PT-0\d)/gm, '      $1')
    .replace(/^ {4}(The MTUS|week to one)/gm, '        $1');
  const formatted = formatText(text);
  assert.equal(formatted, formatText(readExample('physical-therapy-overturned.imr')));
});

test('a file the parser reads differently after re-indenting is left alone, and CRLF stays CRLF', () => {
  const crlf = readExample('opioids-upheld.imr').replace(/\n/g, '\r\n') + '   \r\n\r\n';
  const formatted = formatText(crlf);
  assert.ok(!formatted.replace(/\r\n/g, '').includes('\n'));
  assert.equal(formatted, formatText(readExample('opioids-upheld.imr')).replace(/\n/g, '\r\n'));
  assert.equal(formatText(''), '');
  assert.equal(formatText('\n\n'), '');
});

test('the service answers Format Document with edits that give the formatted text, and none on a formatted file', () => {
  const service = new LanguageService();
  const text = spoiled(readExample('acupuncture-partial.imr'));
  const edits = service.formatDocument({ uri: 'file:///f/1.imr', version: 1, text });
  assert.ok(edits.length > 0);
  const after = applyEdits(text, edits);
  assert.equal(after, formatText(text));
  assert.deepEqual(service.formatDocument({ uri: 'file:///f/2.imr', version: 1, text: after }), []);
});

test('property: formatting is idempotent and keeps every word, on examples changed at random', () => {
  fc.assert(
    fc.property(fc.oneof(mutatedExample, caseText), (text) => {
      noContainedError(() => holds(text, 'random case'));
    }),
    settings(150),
  );
});

test('formatting the corpus letters as imported is idempotent and keeps every word', { skip: corpusSkip }, () => {
  const dir = path.join(SHARED, 'corpus', 'letters');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt'));
  assert.ok(files.length >= 100, `${files.length} letters`);
  for (const f of files) {
    const imported = importLetter(fs.readFileSync(path.join(dir, f), 'utf8'), { sourceName: f }).text;
    holds(imported, f);
    holds(spoiled(imported), `${f} (spoiled)`);
  }
});
