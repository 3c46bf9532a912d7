// Details a sentence shares with the case header: the date it gives the
// utilization review or the injury, and the pronoun it uses for the worker.
// The header's fields are the case's record of these (the application's UR
// denial date, the claim's date of injury, the worker's sex); a summary or a
// rationale that says otherwise is a slip a reader of the letter can see, and
// often a sign that text was carried over from another case. The phrases are
// data (data/terms/record-details.json).
import data from '../../data/terms/record-details.json';
import { PhraseSet, TextMemo, wordCount, type PhraseMatch } from '../phrases';
import { writtenDates, type WrittenDate } from './writtenDates';

export type DateOwnerKind = 'review' | 'decision' | 'injury' | 'authorization' | 'other';

const KINDS: DateOwnerKind[] = ['review', 'decision', 'injury', 'authorization', 'other'];
const kindOfPhrase = new Map<string, DateOwnerKind>();
for (const kind of KINDS) for (const p of data.dateOwners[kind]) kindOfPhrase.set(p.trim().toLowerCase(), kind);
const OWNERS = new PhraseSet([...kindOfPhrase.keys()]);
const REVIEW_NOUNS = new PhraseSet(data.dateOwners.review);
const DECISIONS = new PhraseSet(data.decisions);
const APPROVALS = new PhraseSet(data.approvals);
const PRIOR_INJURY = new PhraseSet(data.priorInjury);
const RANGE_JOINERS = new Set(data.rangeJoiners.map((w) => w.toLowerCase()));
const OTHER_PERSONS = new PhraseSet(data.otherPersons);
const PRONOUNS = { male: new PhraseSet(data.pronouns.male), female: new PhraseSet(data.pronouns.female) };

/** A clause ends at a semicolon, a colon or a parenthesis; commas do not end it ("On 11-18-2016, UR non-certified"). */
const CLAUSE_BREAK = /[;:()]/;

export interface OwnedDate extends WrittenDate {
  kind: DateOwnerKind;
  owner: PhraseMatch;
}

/**
 * Every date of the sentence with what it is the date of, where that can be
 * told. Remembered for the run like the phrase matches it is made of (each
 * run asks it of every summary and rationale sentence): frozen, as every
 * caller of the run shares it.
 */
export function ownedDates(text: string): readonly OwnedDate[] {
  return OWNED.get(text);
}

const OWNED = new TextMemo((text: string): readonly OwnedDate[] => Object.freeze(findOwnedDates(text)));

function findOwnedDates(text: string): OwnedDate[] {
  const dates = writtenDates(text);
  if (!dates.length) return [];
  // `all`: this answer is remembered per text (OWNED), so the set's memo entry would never be asked again.
  const owners = OWNERS.all(text);
  const out: OwnedDate[] = [];
  for (const d of dates) {
    const owner = ownerOf(text, d, owners, dates);
    if (owner) out.push({ ...d, kind: kindOfPhrase.get(owner.phrase) ?? 'other', owner });
  }
  return out;
}

function ownerOf(text: string, d: WrittenDate, owners: readonly PhraseMatch[], dates: readonly WrittenDate[]): PhraseMatch | undefined {
  const clauseStart = lastBreakBefore(text, d.start);
  // The nearest owner before the date, within reach and in its clause, with no other date between.
  let before: PhraseMatch | undefined;
  for (const o of owners) {
    if (o.end > d.start) break;
    if (o.start < clauseStart) continue;
    before = o;
  }
  if (before) {
    const between = text.slice(before.end, d.start);
    const dateBetween = dates.some((x) => x.start >= before!.end && x.end <= d.start);
    if (!dateBetween && wordCount(between) <= data.ownerReach) return before;
  }
  // "On 11-18-2016 Utilization Review non-certified ...": a date that opens its clause belongs to what follows.
  const lead = text.slice(clauseStart, d.start);
  if (/^\s*(?:on|dated|as of)?\s*\(?\s*$/i.test(lead)) {
    const clauseEnd = nextBreakAfter(text, d.end);
    const after = owners.find((o) => o.start >= d.end && o.end <= clauseEnd);
    if (after && wordCount(text.slice(d.end, after.start)) <= data.ownerWindow) return after;
  }
  return undefined;
}

function lastBreakBefore(text: string, at: number): number {
  for (let i = at - 1; i >= 0; i--) if (CLAUSE_BREAK.test(text[i])) return i + 1;
  return 0;
}

function nextBreakAfter(text: string, at: number): number {
  for (let i = at; i < text.length; i++) if (CLAUSE_BREAK.test(text[i])) return i;
  return text.length;
}

/** Is this date the date of the utilization review the sentence reports (a denial or modification)? */
export function isReviewDate(text: string, d: OwnedDate): boolean {
  if (d.kind !== 'review' && d.kind !== 'decision') return false;
  if (!REVIEW_NOUNS.test(text)) return false;
  // A review that only approved something is another review than the disputed one.
  const decided = DECISIONS.test(text) || d.kind === 'decision' || /previously/i.test(d.owner.phrase);
  return decided || !APPROVALS.test(text);
}

/** Is this the date of the worker's injury (not another injury, not the start of a period of cumulative trauma)? */
export function isInjuryDate(text: string, d: OwnedDate): boolean {
  if (d.kind !== 'injury') return false;
  const lead = text.slice(Math.max(0, d.owner.start - 40), d.owner.start);
  const words = lead.split(/\s+/).filter(Boolean).slice(-2).join(' ');
  if (PRIOR_INJURY.test(words)) return false;
  const next = /^\s*([a-z]+|-)/i.exec(text.slice(d.end));
  if (next && (RANGE_JOINERS.has(next[1].toLowerCase()) || next[1] === '-')) return false;
  return true;
}

/** Dates of an approval or a request for authorization (of this claim's treatment). */
export function isAuthorizationDate(d: OwnedDate): boolean {
  return d.kind === 'authorization';
}

export interface PronounSlip extends PhraseMatch {
  text: string;
}

/**
 * Pronouns of the other sex than the worker's, where they can only stand for
 * the worker: none after another person in the sentence ("the physician ...
 * he"), none in "his/her" or "he or she".
 */
export function pronounSlips(text: string, sex: 'male' | 'female'): PronounSlip[] {
  const other = PRONOUNS[sex === 'male' ? 'female' : 'male'];
  const hits = other.matches(text);
  if (!hits.length) return [];
  const persons = OTHER_PERSONS.matches(text);
  const own = PRONOUNS[sex];
  const out: PronounSlip[] = [];
  for (const h of hits) {
    if (persons.some((p) => p.start < h.start)) continue;
    // "(He, 2004)", "He et al.": an author of a study, not a pronoun.
    if (/^\s*(,\s*\d{4}|et al)/i.test(text.slice(h.end, h.end + 12))) continue;
    const around = text.slice(Math.max(0, h.start - 8), Math.min(text.length, h.end + 8));
    if (/\//.test(around) && own.test(around)) continue;
    const near = text.slice(Math.max(0, h.start - 12), Math.min(text.length, h.end + 12));
    if (/\b(or|and)\b/i.test(near) && own.test(near)) continue;
    out.push({ start: h.start, end: h.end, phrase: h.phrase, text: text.slice(h.start, h.end) });
  }
  return out;
}

/** The pronoun of the worker's sex in the place of a slipped one, where there is only one ("her" may be "his" or "him"). */
export function pronounFor(slip: string, sex: 'male' | 'female'): string | undefined {
  const lower = slip.toLowerCase();
  const table: Record<string, string> =
    sex === 'female' ? { he: 'she', him: 'her', his: 'her', himself: 'herself' } : { she: 'he', hers: 'his', herself: 'himself' };
  const word = table[lower];
  if (!word) return undefined;
  return slip[0] === slip[0].toUpperCase() ? word[0].toUpperCase() + word.slice(1) : word;
}
