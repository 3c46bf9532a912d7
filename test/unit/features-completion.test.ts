import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LanguageService } from '../../server/src/service/languageService';
import { toPlainText } from '../../server/src/service/features/snippets';
import { parseCase } from '../../server/src/service/syntax/parser';
import type { CompletionItem, Position } from '../../server/src/service/types';
import { readExample } from '../helpers/fixtures';
import { applyEdits, positionOf } from '../helpers/edits';

const SEED = readExample('lumbar-mri-upheld.imr');
const service = new LanguageService();
const TODAY = new Date(2016, 2, 7); // 7 March 2016, local time
let version = 0;

function complete(text: string, position: Position): CompletionItem[] {
  return service.getCompletions({ uri: `file:///test/completion-${++version}.imr`, version: 1, text }, position, TODAY);
}

/** Completes at the `|` in `marked` (the bar is removed first). */
function at(marked: string): { text: string; items: CompletionItem[] } {
  const text = marked.replace('|', '');
  return { text, items: complete(text, positionOf(marked, '|')) };
}

const labels = (items: CompletionItem[]) => items.map((i) => i.label);

function accept(text: string, item: CompletionItem): string {
  assert.ok(item.textEdit, `${item.label} has an edit`);
  return applyEdits(text, [{ ...item.textEdit, snippet: item.insertTextFormat === 2 }]);
}

test('at the left margin, the parts of the letter not yet written (items always)', () => {
  const { items } = at(SEED.replace('\nitem MRI', '\n|\nitem MRI'));
  // The seed case lists no documents reviewed: that part is offered too.
  assert.deepEqual(labels(items), ['documents', 'item']);
  const empty = at('|');
  assert.deepEqual(labels(empty.items), ['case', 'reviewer', 'worker', 'summary', 'documents', 'item']);
  // On an empty line the whole skeleton goes in, and it parses as that part with its required fields.
  const reviewer = empty.items.find((i) => i.label === 'reviewer')!;
  assert.equal(reviewer.insertTextFormat, 2);
  const inserted = accept(empty.text, reviewer);
  assert.equal(inserted, 'reviewer\n  licensure: state of licensure\n  specialty: board certification or specialty');
  assert.deepEqual(
    parseCase(inserted).reviewer?.fields.map((f) => f.key),
    ['licensure', 'specialty'],
  );
  // Before text already on the line, only the keyword replaces the typed word.
  const partial = at('rev|iewer\n  licensure: California\n');
  const kw = partial.items.find((i) => i.label === 'reviewer')!;
  assert.equal(kw.insertTextFormat, 1);
  assert.equal(accept(partial.text, kw), partial.text);
});

test('no keywords on indented lines, in comments or inside summary prose', () => {
  assert.deepEqual(at(SEED.replace('-- The seed', '-- The s|eed')).items, []);
  assert.deepEqual(at(SEED.replace('  injury on 1-30-2014.', '  injury on |1-30-2014.')).items, []);
  assert.deepEqual(at(SEED.replace('  licensure: California', '|  licensure: California')).items, []);
});

test('field names of the enclosing part, only those not yet present unless repeatable', () => {
  const { items } = at(SEED.replace('  sex: female\n', '  sex: female\n  |\n'));
  assert.deepEqual(labels(items), ['diagnosis']);
  const reviewer = at('reviewer\n  specialty: Emergency Medicine\n  li|\n');
  assert.deepEqual(labels(reviewer.items), ['licensure']);
  assert.equal(accept(reviewer.text, reviewer.items[0]), 'reviewer\n  specialty: Emergency Medicine\n  licensure: state of licensure\n');
  // The field on the cursor's own line stays on offer while it is retyped.
  const retype = at('reviewer\n  lic|ensure: California\n');
  assert.ok(labels(retype.items).includes('licensure'));
  assert.equal(retype.items.find((i) => i.label === 'licensure')!.textEdit!.newText, 'licensure');
  const caseFields = at('case CM15-0201234\n  organization: X\n  |');
  assert.deepEqual(labels(caseFields.items), ['priority', 'received', 'ur-date', 'records-received', 'assigned', 'decision-date', 'imported-from']);
});

test('an item offers its missing fields, and a rationale skeleton indented for the file', () => {
  const lines = SEED.split('\n');
  const cut = lines.findIndex((l) => /^ {2}rationale$/.test(l));
  const text = [...lines.slice(0, cut), '  rat|'].join('\n');
  const { items, text: plain } = at(text);
  // Every field the item lacks (the editor filters by what was typed), required ones first.
  assert.deepEqual(labels(items), ['rationale', 'request', 'request-date', 'authorized', 'depends-on', 'non-mtus-reason', 'standard']);
  const done = accept(plain, items[0]);
  assert.match(done, /\n {2}rationale\n {4}Apply the guideline's criteria to the documented record\.$/);
  assert.equal(items[0].insertTextMode, 1);
  assert.ok(parseCase(done).items[0].rationale?.prose.text.startsWith('Apply'));
  const more = at(SEED.replace('  decision: upheld\n', '  decision: upheld\n  |\n'));
  assert.deepEqual(labels(more.items).sort(), ['authorized', 'depends-on', 'non-mtus-reason', 'request', 'request-date', 'standard']);
});

test('values after decision:, priority: and sex:', () => {
  const decision = at(SEED.replace('  decision: upheld', '  decision: |'));
  assert.deepEqual(labels(decision.items), ['upheld', 'overturned']);
  assert.match(decision.items[1].documentation!.value, /medically necessary/);
  assert.equal(accept(decision.text, decision.items[1]), SEED.replace('decision: upheld', 'decision: overturned'));
  // The whole typed value is replaced.
  const typed = at(SEED.replace('  priority: standard', '  priority: exp|'));
  assert.deepEqual(labels(typed.items), ['standard', 'expedited']);
  assert.equal(accept(typed.text, typed.items[1]), SEED.replace('priority: standard', 'priority: expedited'));
  assert.deepEqual(labels(at(SEED.replace('  sex: female', '  sex: |female')).items), ['female', 'male']);
  // Free-text fields get no values.
  assert.deepEqual(at(SEED.replace('  organization: MAXIMUS', '  organization: |MAXIMUS')).items, []);
});

test('after a date field, today in MM/DD/YYYY and ISO with the accepted forms', () => {
  const { items, text } = at(SEED.replace('  ur-date: 10-2-15', '  ur-date: |'));
  assert.deepEqual(labels(items), ['03/07/2016', '2016-03-07']);
  assert.match(items[0].documentation!.value, /10\/02\/2015, 10-2-15 or 2015-10-02/);
  assert.equal(accept(text, items[0]), SEED.replace('ur-date: 10-2-15', 'ur-date: 03/07/2016'));
  assert.deepEqual(labels(at(SEED.replace('  injury-date: 1-30-2014', '  injury-date: |')).items), ['03/07/2016', '2016-03-07']);
});

test('fact labels after [# in criteria and rationale lines, never in the summary', () => {
  const rationale = at(SEED.replace('Patient does not meet any', 'Patient [#|does not meet any'));
  assert.deepEqual(labels(rationale.items), ['conservative-care', 'radiating-pain', 'neuro-findings', 'no-prior-imaging']);
  assert.match(rationale.items[2].detail!, /strength and-or sensation/);
  assert.match(accept(rationale.text, rationale.items[2]), /Patient \[#neuro-findings\]does not meet/);
  // Inside an existing label the name is replaced and the bracket kept.
  const criterion = at(SEED.replace('LMRI-02: not met [#conservative-care]', 'LMRI-02: not met [#neu|ro]'));
  assert.ok(labels(criterion.items).includes('neuro-findings'));
  const fixed = accept(
    criterion.text,
    criterion.items.find((i) => i.label === 'neuro-findings')!,
  );
  assert.match(fixed, /LMRI-02: not met \[#neuro-findings\]\n/);
  assert.deepEqual(at(SEED.replace('lumbar range\n', 'lumbar range [#|\n')).items, []);
});

test('criterion statuses after <id>: in a criteria block, and nowhere else', () => {
  const { items, text } = at(SEED.replace('    LMRI-03: unknown', '    LMRI-03: |unknown'));
  assert.deepEqual(labels(items), ['met', 'not met', 'unknown', 'not applicable']);
  assert.equal(accept(text, items[1]), SEED.replace('LMRI-03: unknown', 'LMRI-03: not met'));
  const partly = at(SEED.replace('    LMRI-01: not met', '    LMRI-01: not |'));
  assert.equal(accept(partly.text, partly.items[3]), SEED.replace('LMRI-01: not met', 'LMRI-01: not applicable'));
  // A field line of the item is not a criterion.
  assert.deepEqual(labels(at(SEED.replace('  decision: upheld', '  decision: |upheld')).items), ['upheld', 'overturned']);
});

test('criterion ids and guideline sections come from contributors, given the place', () => {
  const MARK = 'from the test contributor';
  const seen: string[] = [];
  service.registerCompletionContributor((_ctx, place) => {
    seen.push(place.kind);
    if (place.kind === 'criterion-id') {
      return [{ label: `${place.criteria.section?.value}:LMRI-07`, kind: 12, detail: MARK, textEdit: { range: place.replace, newText: 'LMRI-07' } }];
    }
    if (place.kind === 'field-value' && place.key === 'criteria') return [{ label: 'low-back-mri', kind: 12, detail: MARK }];
    return [];
  });
  // The criteria library registers its own contributor too: look only at this test's items.
  const mine = (items: { detail?: string }[]) => items.filter((i) => i.detail === MARK) as typeof idPlace.items;
  const idPlace = at(SEED.replace('    LMRI-06: not applicable\n', '    LMRI-06: not applicable\n    LM|\n'));
  assert.deepEqual(labels(mine(idPlace.items)), ['low-back-mri:LMRI-07']);
  assert.match(accept(idPlace.text, mine(idPlace.items)[0]), /\n {4}LMRI-07\n {2}rationale/);
  assert.deepEqual(labels(mine(at(SEED.replace('  criteria: low-back-mri', '  criteria: |low-back-mri')).items)), ['low-back-mri']);
  assert.deepEqual([...new Set(seen)].sort(), ['criterion-id', 'field-value']);
});

test('completion never throws, whatever the position or text', () => {
  for (const text of ['', '\n\n', 'item\n  criteria:\n    :\n  rationale [#', '\t[#\r\n\r']) {
    for (let line = -1; line < 5; line++) for (let character = -1; character < 12; character += 3) complete(text, { line, character });
  }
  assert.ok(true);
});

test('toPlainText reduces snippets to their default text', () => {
  assert.equal(toPlainText('priority: ${1|standard,expedited|}'), 'priority: standard');
  assert.equal(toPlainText('case ${1:CM00-0000000}\n  $0'), 'case CM00-0000000\n  ');
  assert.equal(toPlainText('${1:outer ${2:inner}} ${3} \\$4 a\\}b'), 'outer inner  $4 a}b');
  // A mirror repeats its tabstop's text, as the editor shows it, even when it comes first.
  assert.equal(toPlainText('[#${1:finding}] and [#$1] ${2} ${3|a,b|} ${3}'), '[#finding] and [#finding]  a a');
  assert.equal(toPlainText('$1 then ${1:x}$0'), 'x then x');
  assert.equal(toPlainText('no placeholders: $ and }'), 'no placeholders: $ and }');
});

test('after [# in a criterion line each fact label is offered once, whoever offers it', () => {
  const { items } = at(SEED.replace('    LMRI-01: not met\n', '    LMRI-01: not met [#|\n'));
  const names = labels(items);
  assert.ok(names.length >= 4, `expected the seed's fact labels, got ${names.join(', ')}`);
  assert.deepEqual(names, [...new Set(names)]);
});

test('guideline: offers the library citations, MTUS first, those for the service first, the edition in force first', () => {
  const line = /^ {2}guideline: .*$/m.exec(SEED)![0];
  const marked = SEED.replace(line, '  guideline: |');
  const { text, items } = at(marked);
  const sorted = [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
  assert.ok(sorted.length > 5, 'the library has many sections');
  // A lumbar MRI requested in 2015: the 2004 low back chapter's special studies.
  assert.equal(sorted[0].label, 'MTUS Low Back Complaints 2004, Section(s): Special Studies');
  assert.match(sorted[0].detail ?? '', /for this service/);
  assert.equal(
    accept(text, sorted[0])
      .split('\n')
      .find((l) => l.startsWith('  guideline:')),
    `  guideline: ${sorted[0].label}`,
  );
  // Among the sections for other services, no non-MTUS citation comes before an MTUS one.
  const others = sorted.filter((i) => !/for this service/.test(i.detail ?? ''));
  const firstNon = others.findIndex((i) => /not MTUS/.test(i.detail ?? ''));
  if (firstNon >= 0) assert.ok(others.slice(firstNon).every((i) => /not MTUS/.test(i.detail ?? '') || /not in force/.test(i.detail ?? '')));
  assert.equal(new Set(items.map((i) => i.label)).size, items.length, 'one row per citation');
});

test('guideline: for a request made after an edition was superseded, the edition in force comes first, with a blank for a section the library lacks', () => {
  const line = /^ {2}guideline: .*$/m.exec(SEED)![0];
  const later = SEED.replace(/^ {2}ur-date: .*$/m, '  ur-date: 03/02/2026').replace(line, '  guideline: |');
  const { text, items } = at(later);
  const sorted = [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
  assert.match(sorted[0].label, /^MTUS \(ACOEM\) Low Back Disorders Guideline 2020, Section\(s\): /);
  assert.doesNotMatch(sorted[0].detail ?? '', /not in force/);
  const old = items.find((i) => i.label === 'MTUS Low Back Complaints 2004, Section(s): Special Studies')!;
  assert.match(old.detail ?? '', /not in force on 2026-03-02/);
  assert.ok(sorted.indexOf(old) > 0);
  // The library's chronic pain criteria are from the 2016 MTUS; in 2026 the 2017 guideline is in force, its sections not held.
  const blank = items.find((i) => i.label === 'MTUS (ACOEM) Chronic Pain Guideline 2017, Section(s): <section>');
  assert.ok(blank, labels(items).join('\n'));
  assert.equal(blank.insertTextFormat, 2, 'the section is a placeholder to fill');
  assert.match(accept(text, blank), /^ {2}guideline: MTUS \(ACOEM\) Chronic Pain Guideline 2017, Section\(s\): section$/m);
  assert.ok(!items.some((i) => /Low Back Disorders Guideline 2020, Section\(s\): </.test(i.label)), 'no blank where the library holds the edition');
});
