// "Draft rationale from the criteria": offered only where an item with a
// criteria block has no rationale text, it writes paragraphs from the cited
// section, the statuses, the labels' summary sentences and the notes, ending
// in the conclusion the section's decision logic draws; the reasoning rules
// then read the draft as any rationale and find nothing to report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import { LanguageService } from '../../server/src/service/languageService';
import { parseCase } from '../../server/src/service/syntax/parser';
import { DRAFT_TITLE } from '../../server/src/service/features/draftRationale';
import type { CodeAction } from '../../server/src/service/types';
import { EXAMPLES, readExample } from '../helpers/fixtures';
import { applyEdits } from '../helpers/edits';

const service = new LanguageService();
let version = 0;
const doc = (text: string) => ({ uri: `file:///test/draft-${++version}.imr`, version: 1, text });

const REASONING = new Set([
  'contradicts-record',
  'unsupported-record-claim',
  'detail-mismatch',
  'decision-contradicts-rationale',
  'evidence-hierarchy',
  'guideline-mismatch',
  'unsupported-necessity-claim',
]);

/** The text with every item's rationale removed: the whole block, or (keepKeyword) its prose only. */
function withoutRationales(text: string, keepKeyword = false): string {
  const file = parseCase(text);
  const doomed = new Set<number>();
  for (const item of file.items) {
    const r = item.rationale;
    // Only where a draft can be made: the other items keep their rationale (and the file its errors).
    if (!r || !item.criteria?.section || !service.library.section(item.criteria.section.value)) continue;
    for (let l = r.keywordRange.start.line + (keepKeyword ? 1 : 0); l <= r.range.end.line; l++) doomed.add(l);
  }
  return text
    .split('\n')
    .filter((_, i) => !doomed.has(i))
    .join('\n');
}

function draftAction(text: string, line: number): CodeAction | undefined {
  const at = { line, character: 0 };
  return service.getCodeActions(doc(text), { start: at, end: at }, []).find((a) => a.title === DRAFT_TITLE);
}

/** Drafts every item of `text` that can be drafted, one action at a time (each on the text the last one left). */
function draftAll(text: string): { text: string; drafted: number } {
  let drafted = 0;
  for (let i = 0; ; i++) {
    const file = parseCase(text);
    const item = file.items.find((it) => draftAction(text, it.keywordRange.start.line));
    if (!item || i > file.items.length) return { text, drafted };
    text = applyEdits(text, draftAction(text, item.keywordRange.start.line)!.edits);
    drafted++;
  }
}

const EXAMPLE_NAMES = fs.readdirSync(EXAMPLES).filter((n) => n.endsWith('.imr'));

/** A finding's identity across two versions of a file whose lines above the rationale did not move. */
const key = (d: { code: string; message: string; range: { start: { line: number } } }) => `${d.code}@${d.range.start.line}: ${d.message}`;

for (const name of EXAMPLE_NAMES) {
  for (const keepKeyword of [false, true]) {
    test(`${name}${keepKeyword ? ' (empty rationale keyword kept)' : ''}: the drafted rationale draws no reasoning finding and no new error`, () => {
      const original = readExample(name);
      const stripped = withoutRationales(original, keepKeyword);
      const { text, drafted } = draftAll(stripped);
      const withCriteria = parseCase(original).items.filter((it) => it.criteria?.section && service.library.section(it.criteria.section.value)).length;
      assert.ok(withCriteria > 0 || name === 'mistakes-demo.imr');
      assert.equal(drafted, withCriteria, 'every item with a known criteria section is drafted');
      const file = parseCase(text);
      const strippedFile = parseCase(stripped);
      assert.equal(file.problems.length, strippedFile.problems.length, 'the draft parses without a new problem');
      const drafts = file.items.filter((it) => it.criteria?.section && it.rationale).map((it) => it.rationale!.range);
      assert.equal(drafts.length, withCriteria);
      const inDraft = (line: number) => drafts.some((r) => r.start.line <= line && line <= r.end.line);
      const diags = service.getDiagnostics(doc(text));
      const baseline = new Set(service.getDiagnostics(doc(stripped)).map(key));
      // In the draft: none. Elsewhere (a criteria line the example marks against its summary): only what was there before the draft.
      const reasoning = diags.filter((d) => REASONING.has(d.code) && (inDraft(d.range.start.line) || !baseline.has(key(d))));
      assert.deepEqual(
        reasoning.map((d) => `${d.code} line ${d.range.start.line + 1}: ${d.message}`),
        [],
        `reasoning findings on the draft:\n${text}`,
      );
      // Errors the example has on purpose (mistakes-demo) stay; the draft adds none.
      const before = new Set(
        service
          .getDiagnostics(doc(original))
          .filter((d) => d.severity === 'error')
          .map((d) => d.code),
      );
      const added = diags.filter((d) => d.severity === 'error' && !before.has(d.code));
      assert.deepEqual(
        added.map((d) => `${d.code}: ${d.message}`),
        [],
      );
      assert.ok(!diags.some((d) => d.code === 'unknown-reference' && inDraft(d.range.start.line)), 'the draft cites only labels that name a fact');
    });
  }
}

test('the draft cites the facts, quotes the section and the notes, and ends in the conclusion the decision logic draws', () => {
  const text = withoutRationales(readExample('physical-therapy-overturned.imr'));
  const { text: drafted } = draftAll(text);
  const rationale = parseCase(drafted).items[0].rationale!;
  const prose = rationale.prose;
  assert.match(
    prose.text,
    /^The MTUS Chronic Pain Medical Treatment Guidelines 2016, Section\(s\): Physical Medicine, address physical or occupational therapy\./,
  );
  assert.ok(prose.text.includes('The guideline states that "more visits need the number already given and objective functional improvement from them."'));
  assert.ok(prose.text.includes('four visits plus six requested is ten'), 'the note is carried over');
  assert.deepEqual(
    [...new Set(prose.labels.map((l) => l.name))].sort(),
    ['functional-gain', 'home-program', 'visits-so-far', 'work-status'],
    'every evidence label is cited',
  );
  assert.match(prose.text, /The request for Additional physical therapy 2 times a week for 3 weeks for the right shoulder is medically necessary\.$/);
  // Indented one level under `rationale`, no line wider than 80 columns.
  for (let l = rationale.keywordRange.start.line + 1; l <= rationale.range.end.line; l++) {
    const line = drafted.split('\n')[l];
    if (line.trim()) assert.match(line, /^ {4}\S/);
    assert.ok(line.length <= 80, `line ${l + 1} is ${line.length} wide`);
  }
});

test('a criterion not met that closes the decision leads to "not medically necessary", whatever the decision field says', () => {
  const text = withoutRationales(readExample('physical-therapy-overturned.imr')).replace('PT-05: met', 'PT-05: not met');
  const { text: drafted } = draftAll(text);
  const prose = parseCase(drafted).items[0].rationale!.prose.text;
  assert.match(prose, /The criteria the guideline requires for this request are not met\. The request for .* is not medically necessary\.$/);
  // The decision says overturned: the reasoning rule reports the draft's conclusion against it, as it would a typed one.
  assert.ok(service.getDiagnostics(doc(drafted)).some((d) => d.code === 'decision-contradicts-rationale'));
});

test('the draft is never offered over rationale text, on an item without criteria, or for a section the library does not know', () => {
  const original = readExample('physical-therapy-overturned.imr');
  const item = parseCase(original).items[0];
  for (let l = item.keywordRange.start.line; l <= item.range.end.line; l++) assert.equal(draftAction(original, l), undefined, `offered on line ${l + 1}`);
  const stripped = withoutRationales(original);
  assert.ok(draftAction(stripped, item.keywordRange.start.line), 'offered once the rationale is gone');
  assert.equal(draftAction(stripped, 0), undefined, 'not offered outside an item');
  assert.equal(draftAction(stripped.replace('criteria: physical-therapy', 'criteria: no-such-section'), item.keywordRange.start.line), undefined);
  const noCriteria = stripped.replace(/\n {2}criteria:[^\n]*(\n {4}[^\n]*)*/, '');
  assert.equal(draftAction(noCriteria, item.keywordRange.start.line), undefined);
});

test('the draft follows a tab-indented file and CRLF line ends', () => {
  const text = withoutRationales(readExample('opioids-upheld.imr')).replace(/^( +)/gm, (m) => '\t'.repeat(m.length / 2));
  const crlf = text.replace(/\n/g, '\r\n');
  const { text: drafted, drafted: n } = draftAll(crlf);
  assert.equal(n, 1);
  const rationale = parseCase(drafted).items[0].rationale!;
  assert.ok(rationale.prose.text.length > 100);
  const lines = drafted.split('\r\n');
  assert.ok(!drafted.replace(/\r\n/g, '').includes('\n'), 'only CRLF line ends');
  assert.equal(lines[rationale.keywordRange.start.line], '\trationale');
  assert.match(lines[rationale.keywordRange.start.line + 1], /^\t\t\S/);
});

test('the draft states nothing the case does not hold: every sentence is the template, a criterion text, a note or a summary sentence', () => {
  const original = readExample('opioids-upheld.imr');
  const { text: drafted } = draftAll(withoutRationales(original));
  const file = parseCase(drafted);
  const item = file.items[0];
  const section = service.library.section(item.criteria!.section!.value)!;
  const allowed = [
    ...section.criteria.map((c) => c.text),
    ...section.criteria.map((c) => c.text[0].toLowerCase() + c.text.slice(1)),
    ...item.criteria!.entries.map((e) => e.note?.value ?? ''),
    ...file.facts.map((f) => f.sentence.text),
    section.source.document,
    section.title.toLowerCase(),
    ...(section.source.sections ?? []),
    item.service!.value,
  ].filter(Boolean);
  let rest = item.rationale!.prose.text;
  for (const piece of allowed.sort((a, b) => b.length - a.length)) rest = rest.split(piece).join(' ');
  const TEMPLATE =
    /\b(The|the|This|that|guideline|guidelines|Guidelines|Section|s|states|address|addresses|Its|criteria|are|applied|to|records|reviewed|as|follows|In|injured|worker's|case|this|criterion|is|not|met|does|apply|Whether|established|by|document|required|requires|for|request|medically|necessary|On|above|supported|establish|The)\b/g;
  const leftover = rest
    .replace(TEMPLATE, ' ')
    .replace(/[\s.,:;"()]+/g, ' ')
    .trim();
  assert.equal(leftover, '', `words that come from neither the template nor the case: ${leftover}`);
});
