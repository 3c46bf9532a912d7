// The dates a letter gives outside its rationales: the case header, the
// worker, the summary, the documents, the items' fields. A rationale that
// dates a record or an event with a date found nowhere there ("the 12/12/16
// progress report", "utilized cyclobenzaprine since 10/14/2016", "as of
// 01/11/17 she had attended five sessions") relies on a record the letter does
// not show: unsupported-record-claim reports it.
import type { CaseFile } from '../../../syntax/ast';
import type { CalendarDate } from '../../../syntax/dates';
import { writtenDates, type WrittenDate } from '../../../necessity/record/writtenDates';
import { ownedDates, type OwnedDate } from '../../../necessity/record/headerDetails';
import { PhraseSet, TextMemo } from '../../../necessity/phrases';
import data from '../../../data/terms/record-details.json';

/** A guideline's or a publication's date ("ODG, updated 11/23/16"), not a record's. */
const PUBLICATION = new PhraseSet(data.publicationDateWords);
const PUBLICATION_REACH = 30;

const cache = new WeakMap<CaseFile, ReadonlySet<string>>();

const key = (d: CalendarDate) => `${d.year}-${d.month}-${d.day}`;

/** The dates of one sentence or line as keys, remembered for the run: the next keystroke reads only the texts it changed. */
const DATE_KEYS = new TextMemo((text: string): readonly string[] => Object.freeze(writtenDates(text).map((d) => key(d.date))));
/** A digit: every written date has one, and most lines have none (writtenDates asks the same first). */
const DIGIT = /\d/;

/** Every date written in the case outside the rationales (one parse of the file: a new CaseFile per parse). */
export function caseDates(file: CaseFile): ReadonlySet<string> {
  const hit = cache.get(file);
  if (hit) return hit;
  // Prose is read as its sentences (a date broken over two lines, "On 11-15-\n2016", is one there); the
  // other lines (header, worker, documents, the items' fields) one by one.
  const proseLines = new Set<number>();
  const out = new Set<string>();
  const prose = [file.summary?.prose, ...file.items.map((i) => i.rationale?.prose)];
  for (const p of prose) if (p) for (let l = p.range.start.line; l <= p.range.end.line; l++) proseLines.add(l);
  for (const s of file.summary?.prose.sentences ?? []) for (const k of DATE_KEYS.get(s.text)) out.add(k);
  file.text.split('\n').forEach((line, i) => {
    if (!proseLines.has(i) && DIGIT.test(line)) for (const k of DATE_KEYS.get(line)) out.add(k);
  });
  cache.set(file, out);
  return out;
}

/**
 * The first date of a rationale sentence that dates a record or an event (not the review, the injury or an
 * authorization, which detail-mismatch compares with the header; not a guideline's date) and is found
 * nowhere else in the case.
 */
export function dateNotInCase(file: CaseFile, text: string): WrittenDate | undefined {
  const dates = writtenDates(text);
  // Most rationale sentences give no date: the case's dates are then not read at all (nor is a key that holds them:
  // rules/engine.ts computes it only for a next run).
  if (dates.length === 0) return undefined;
  const known = caseDates(file);
  let owned: readonly OwnedDate[] | undefined;
  for (const d of dates) {
    if (known.has(key(d.date))) continue;
    const kind = (owned ??= ownedDates(text)).find((o) => o.start === d.start)?.kind ?? 'other';
    if (kind !== 'other') continue;
    if (PUBLICATION.test(text.slice(Math.max(0, d.start - PUBLICATION_REACH), d.start))) continue;
    return d;
  }
  return undefined;
}
