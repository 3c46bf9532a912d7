// The editions of the MTUS guidelines and the dates each was in force
// (data/editions/editions.json): which edition a letter cites, and which one
// was in force on an item's request date. The MTUS that governs a request is
// the one in force when it was made, so a 2016 letter is checked against the
// 2016 MTUS and a 2026 letter against today's.
import editionsData from '../data/editions/editions.json';
import editionsSchema from '../data/schema/editions.schema.json';
import { validateAgainstSchema, type SchemaError } from './jsonSchema';
import { PhraseIndex, PhraseSet } from './phrases';
import { compareDates, parseDate, type CalendarDate } from '../syntax/dates';
import type { CaseModel, ItemModel } from '../model/caseModel';
import { getField } from '../model/caseModel';
import type { Field } from '../syntax/ast';

export interface Edition {
  id: string;
  family: string;
  title: string;
  citation: string;
  year: string;
  regulation: string;
  effective: string;
  superseded?: string;
  cites: string[];
  datesVerified?: boolean;
  sourceNote: string;
}

export const EDITIONS_SCHEMA = editionsSchema as Record<string, unknown>;

/** Schema errors plus what a schema cannot say: unique ids, dates in order, and no overlap or gap within a family. */
export function validateEditions(data: unknown): SchemaError[] {
  const problems = validateAgainstSchema(data, EDITIONS_SCHEMA);
  if (problems.length) return problems;
  const list = (data as { editions: Edition[] }).editions;
  const seen = new Set<string>();
  list.forEach((e, i) => {
    if (seen.has(e.id)) problems.push({ path: ['editions', i, 'id'], message: `Edition id "${e.id}" is used twice.` });
    seen.add(e.id);
    if (!parseDate(e.effective)) problems.push({ path: ['editions', i, 'effective'], message: `${e.effective} is not a calendar date.` });
    if (e.superseded && !parseDate(e.superseded)) problems.push({ path: ['editions', i, 'superseded'], message: `${e.superseded} is not a calendar date.` });
    if (e.superseded && e.superseded <= e.effective)
      problems.push({ path: ['editions', i, 'superseded'], message: `${e.id} is superseded (${e.superseded}) before it takes effect (${e.effective}).` });
  });
  for (const [family, editions] of families(list)) {
    for (let k = 1; k < editions.length; k++) {
      const before = editions[k - 1];
      const after = editions[k];
      if (!before.superseded)
        problems.push({
          path: ['editions', list.indexOf(before), 'superseded'],
          message: `${before.id} has no superseded date, yet ${after.id} of the same family (${family}) takes effect on ${after.effective}.`,
        });
      else if (before.superseded !== after.effective)
        problems.push({
          path: ['editions', list.indexOf(after), 'effective'],
          message: `${before.id} is superseded on ${before.superseded} but ${after.id} takes effect on ${after.effective}: the ${family} editions ${before.superseded < after.effective ? 'leave a gap' : 'overlap'}.`,
        });
    }
  }
  return problems;
}

/**
 * Editions by family, oldest first. The dates are YYYY-MM-DD (the schema's pattern), so they sort as strings, as the
 * checks above compare them; localeCompare sorted them the same but loaded ICU's collator, about 7 ms of every
 * process start (BY_FAMILY is built at module load).
 */
function families(list: Edition[]): Map<string, Edition[]> {
  const out = new Map<string, Edition[]>();
  for (const e of list) out.set(e.family, [...(out.get(e.family) ?? []), e]);
  for (const l of out.values()) l.sort((a, b) => (a.effective < b.effective ? -1 : a.effective > b.effective ? 1 : 0));
  return out;
}

const EDITIONS: Edition[] = (editionsData as { editions: Edition[] }).editions;
const BY_ID = new Map(EDITIONS.map((e) => [e.id, e]));
const BY_FAMILY = families(EDITIONS);
const TITLES = EDITIONS.map((e) => ({ edition: e, set: new PhraseSet(e.cites) }));
/** Which editions' titles a text can hold (see PhraseIndex), made on first use: most texts cite one or none. */
let titleIndex: PhraseIndex | undefined;

export function allEditions(): readonly Edition[] {
  return EDITIONS;
}

export function edition(id: string | undefined): Edition | undefined {
  return id ? BY_ID.get(id) : undefined;
}

function iso(d: CalendarDate): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

export function inForce(e: Edition, date: CalendarDate): boolean {
  const day = iso(date);
  return e.effective <= day && (!e.superseded || day < e.superseded);
}

/** The edition of `family` in force on `date`, if any. */
export function editionInForce(family: string, date: CalendarDate): Edition | undefined {
  return (BY_FAMILY.get(family) ?? []).find((e) => inForce(e, date));
}

export interface CitedEdition {
  /** Editions the cited title and year may mean (a title without a year may mean several). */
  editions: Edition[];
  family: string;
  /** Offsets in the cited text of the title and its year. */
  start: number;
  end: number;
}

/**
 * The guideline editions a citation names: "MTUS Low Back Complaints 2004"
 * names the 2004 low back chapter. A year right after the title picks the
 * edition of that year; without one, every edition with that title is meant.
 */
export function citedEditions(text: string): CitedEdition[] {
  const out: CitedEdition[] = [];
  const lower = text.toLowerCase();
  // Made at the first title found: most texts cite none.
  let byPlace: Map<string, CitedEdition> | undefined;
  const named = (titleIndex ??= new PhraseIndex(TITLES.map((t) => t.set))).candidates(lower);
  for (const { edition: e, set } of TITLES) {
    if (!named.has(set)) continue;
    // `all`, not `matches`: a run asks each item's guideline once, so a memo map per title per case would serve nothing.
    for (const m of set.all(lower)) {
      const year = /^[\s,]*(?:guidelines?\s*,?\s*)?\(?((?:19|20)\d{2})\b/.exec(lower.slice(m.end));
      if (year && year[1] !== e.year) continue;
      const end = year ? m.end + year[0].length : m.end;
      const key = `${e.family}:${m.start}`;
      byPlace ??= new Map();
      const hit = byPlace.get(key);
      if (hit) {
        hit.editions.push(e);
        hit.end = Math.max(hit.end, end);
      } else {
        const c: CitedEdition = { editions: [e], family: e.family, start: m.start, end };
        byPlace.set(key, c);
        out.push(c);
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

export interface RequestDate {
  date: CalendarDate;
  /** The field the date was read from: request-date, the case's ur-date or decision-date. */
  field: Field;
  source: 'request-date' | 'ur-date' | 'decision-date';
}

/** The date that picks the MTUS edition for an item: its request date, else the UR date, else the decision date. */
export function requestDate(model: CaseModel, item: ItemModel): RequestDate | undefined {
  const own = getField(item.section, 'request-date');
  const ownDate = own && parseDate(own.value);
  if (own && ownDate) return { date: ownDate, field: own, source: 'request-date' };
  if (model.dates.urDate) return { date: model.dates.urDate.date, field: model.dates.urDate.field, source: 'ur-date' };
  if (model.dates.decisionDate) return { date: model.dates.decisionDate.date, field: model.dates.decisionDate.field, source: 'decision-date' };
  return undefined;
}

export function formatIso(date: CalendarDate): string {
  return iso(date);
}

export { compareDates };
