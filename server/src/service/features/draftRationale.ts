// "Draft rationale from the criteria": a code action on an item with a
// `criteria:` block whose section the library knows and no rationale text
// yet. It writes the rationale a reviewer would write from what the case
// already holds and nothing else: the cited section's name and criteria (the
// library's words, quoted so they read as the guideline's), each criterion's
// status with its evidence labels, the summary sentence each label names and
// the reviewer's own note, and the conclusion the section's decision logic
// draws from the statuses (necessity/decision.ts). It never replaces text:
// it is offered only where the rationale is absent or empty. The draft is
// prose like any other, so the reasoning rules check it as they check a
// rationale typed by hand.
import type { CaseFile, CriterionEntry, ItemSection, Position, Range } from '../syntax/ast';
import type { CodeAction, TextEdit } from '../types';
import type { FeatureContext } from './context';
import type { CodeActionRequest } from './contributors';
import type { LibrarySection } from '../necessity/library';
import { decisionTree, evaluate, type CriterionStatus } from '../necessity/decision';
import { getField } from '../model/caseModel';
import { eolOf, fieldIndent, indentUnit, lineText } from '../syntax/layout';
import { wrap } from '../render/text';

export const DRAFT_TITLE = 'Draft rationale from the criteria';

/** How wide drafted lines are, indentation included (the examples' width). */
const WIDTH = 80;

type Conclusion = 'necessary' | 'not-necessary' | undefined;

/** The rationale's paragraphs, drafted from the item's criteria; undefined when the item cannot be drafted (no block, or a section the library does not know). */
export function draftParagraphs(file: CaseFile, item: ItemSection, section: LibrarySection): string[] {
  const block = item.criteria!;
  const facts = new Map(file.facts.map((f) => [f.label.name.toLowerCase(), f.sentence.text.trim()] as const));
  const quoted = new Set<string>();
  const paragraphs: string[] = [];

  const where = section.source.sections?.length ? `${section.source.document}, Section(s): ${section.source.sections.join(', ')},` : section.source.document;
  paragraphs.push(
    `The ${stripThe(where)} address${plural(where) ? '' : 'es'} ${lowerFirst(section.title)}. Its criteria are applied to the records reviewed as follows.`,
  );

  for (const entry of block.entries) {
    const criterion = section.criteria.find((c) => c.id.toUpperCase() === entry.id.value.toUpperCase());
    if (!criterion) continue;
    // "states that" keeps the quoted words in the clause that names the guideline: a criterion that
    // opens "Without red flags, ..." is the guideline's condition, not the reviewer's denial.
    const sentences = [`The guideline states that "${lowerFirst(closeSentence(criterion.text))}"`];
    // Only labels that name a summary fact: a mistyped label stays the criteria line's problem, not copied into the letter.
    const cited = entry.evidence.filter((l) => facts.has(l.name.toLowerCase()));
    sentences.push(
      statusSentence(
        entry,
        cited.map((l) => l.name),
      ),
    );
    for (const label of cited) {
      const key = label.name.toLowerCase();
      const fact = facts.get(key);
      if (!fact || quoted.has(key)) continue;
      quoted.add(key);
      sentences.push(`The records reviewed document: "${closeSentence(fact)}"`);
    }
    paragraphs.push(sentences.join(' '));
  }

  const conclusion = conclude(item, section);
  const service = requestName(item);
  if (conclusion && service) {
    const verdict = conclusion.value === 'necessary' ? 'medically necessary' : 'not medically necessary';
    if (conclusion.from === 'criteria')
      paragraphs.push(
        `The criteria the guideline requires for this request are ${conclusion.value === 'necessary' ? 'met' : 'not met'}. The request for ${service} is ${verdict}.`,
      );
    // The logic does not decide (a criterion it needs is unknown or not listed): the reviewer's decision, claiming no more.
    else if (conclusion.value === 'not-necessary')
      paragraphs.push(`The records reviewed do not establish the criteria the guideline requires for this request. The request for ${service} is ${verdict}.`);
    else paragraphs.push(`On the criteria above, the request for ${service} is ${verdict}.`);
  }
  return paragraphs;
}

/** A criterion's status in the words of a letter, with its evidence labels and the reviewer's note. */
function statusSentence(entry: CriterionEntry, cited: string[]): string {
  const labels = cited.map((name) => ` [#${name}]`).join('');
  const note = entry.note?.value.trim();
  const tail = note ? `: ${closeSentence(note)}` : '.';
  switch (entry.status) {
    case 'met':
      return `In the injured worker's case this criterion is met${labels}${tail}`;
    case 'not met':
      return `In the injured worker's case this criterion is not met${labels}${tail}`;
    case 'not applicable':
      return `This criterion does not apply to the injured worker's case${labels}${tail}`;
    default:
      return `Whether this criterion is met is not established by the records reviewed${labels}${tail}`;
  }
}

/**
 * What the statuses decide through the section's logic; where the logic does
 * not decide (an unknown criterion, a section without decisive criteria), the
 * item's own decision, so the draft never states a conclusion of its own.
 */
function conclude(item: ItemSection, section: LibrarySection): { value: Conclusion; from: 'criteria' | 'decision' } | undefined {
  const tree = decisionTree(section);
  if (tree) {
    const status = new Map(item.criteria!.entries.map((e) => [e.id.value.toUpperCase(), e.status] as const));
    const r = evaluate(tree, (id) => status.get(id.toUpperCase()) as CriterionStatus);
    if (r.value !== undefined) return { value: r.value ? 'necessary' : 'not-necessary', from: 'criteria' };
  }
  const decision = getField(item, 'decision')?.value.trim().toLowerCase();
  if (decision === 'upheld') return { value: 'not-necessary', from: 'decision' };
  if (decision === 'overturned') return { value: 'necessary', from: 'decision' };
  return undefined;
}

/** The disputed service as the item names it (letters repeat the item's own words, capitals and all: "Norco" is a name). */
function requestName(item: ItemSection): string | undefined {
  return item.service?.value.trim().replace(/[.\s]+$/, '') || undefined;
}

function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s;
}

function stripThe(s: string): string {
  return s.replace(/^the\s+/i, '');
}

/** "Guidelines" takes "address", a single guideline "addresses". */
function plural(document: string): boolean {
  return /\bguidelines\b/i.test(document.split(',')[0]);
}

function closeSentence(s: string): string {
  const t = s.trim();
  return /[.!?]["”]?$/.test(t) ? t : `${t}.`;
}

/** The item the request's range is in, when it can be drafted: a known section and no rationale text. */
function draftableItem(ctx: FeatureContext, range: Range): { item: ItemSection; section: LibrarySection } | undefined {
  for (const item of ctx.file.items) {
    if (!within(item.range, range.start)) continue;
    if (!item.criteria?.entries.length) return undefined;
    if (item.rationale && item.rationale.prose.text.trim() !== '') return undefined;
    const section = ctx.library.section(item.criteria.section?.value);
    return section ? { item, section } : undefined;
  }
  return undefined;
}

function within(r: Range, p: Position): boolean {
  return (
    (p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character)) &&
    (p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character))
  );
}

/** The edit that writes the draft: below an empty `rationale` keyword, or a new block after the item's last line. */
export function draftEdit(file: CaseFile, item: ItemSection, section: LibrarySection): TextEdit | undefined {
  const paragraphs = draftParagraphs(file, item, section);
  if (!paragraphs.length) return undefined;
  const eol = eolOf(file);
  const fields = fieldIndent(file, item);
  const unit = indentUnit(file);
  const proseIndent = fields + unit;
  const body = paragraphs
    .map((p) =>
      wrap(p, WIDTH - proseIndent.length)
        .map((l) => proseIndent + l)
        .join(eol),
    )
    .join(eol + eol);
  if (item.rationale) {
    const line = item.rationale.keywordRange.start.line;
    const at = { line, character: lineText(file, line).length };
    return { range: { start: at, end: at }, newText: eol + body };
  }
  const last = lastContentLine(file, item);
  const at = { line: last, character: lineText(file, last).length };
  return { range: { start: at, end: at }, newText: `${eol}${fields}rationale${eol}${body}` };
}

/** The item's last line that is not blank or a comment (a comment below belongs to the next part). */
function lastContentLine(file: CaseFile, item: ItemSection): number {
  for (let l = item.range.end.line; l > item.keywordRange.start.line; l--) {
    const t = lineText(file, l).trim();
    if (t !== '' && !t.startsWith('--')) return l;
  }
  return item.keywordRange.start.line;
}

/** The code-action contributor. */
export function draftRationaleActions(ctx: FeatureContext, request: CodeActionRequest): CodeAction[] {
  const found = draftableItem(ctx, request.range);
  if (!found) return [];
  const edit = draftEdit(ctx.file, found.item, found.section);
  return edit ? [{ title: DRAFT_TITLE, kind: 'refactor', edits: [edit] }] : [];
}
