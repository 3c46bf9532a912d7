// The morphine-equivalent daily dose of an opioid item, from the drug, its
// strength and how often it is taken, as letters write them ("Norco
// 10/325mg, one tablet every 6 hours", "Oxycodone ER 20mg #60 day supply:
// 30"). A dose the words do not give is not computed: no frequency is ever
// assumed.
import { ownValue } from '../text/own';
import conversion from '../data/terms/opioid-conversion.json';
import { PhraseSet } from './phrases';

interface Drug {
  id: string;
  terms: string[];
  factor: number;
  perMcgHour?: boolean;
  note?: string;
}

const DRUGS = (conversion.drugs as Drug[]).map((d) => ({ ...d, set: new PhraseSet(d.terms, { plurals: true }) }));

export interface DailyDose {
  drug: string;
  /** mg (or mcg/hr for a patch) of the opioid in one unit. */
  strength: number;
  unitsPerDay: number;
  factor: number;
  med: number;
  /** The arithmetic in words: "10 mg x 4 a day x 1 = 40 mg MED". */
  how: string;
}

const WORD: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, half: 0.5 };

function perDose(text: string): number {
  const m = /\b(\d+(?:\.\d+)?|one|two|three|four|half)\s*(?:-\s*\d+\s*)?(?:tabs?|tablets?|caps?|capsules?|pills?)\b/i.exec(text);
  if (!m) return 1;
  const v = m[1].toLowerCase();
  return ownValue(WORD, v) ?? Number(v);
}

/** Doses a day, from the words of the item; undefined when they do not say. */
function dosesPerDay(text: string): number | undefined {
  const t = text.toLowerCase();
  const q = /\b(?:q|every)\s*(\d+)\s*(?:-|to)?\s*(\d+)?\s*(?:h|hr|hrs|hours?)\b/.exec(t);
  // "every 4-6 hours": the most it allows, every 4 hours.
  if (q) return Math.floor(24 / Number(q[1]));
  if (/\b(?:qid|q\.i\.d\.|four times (?:a|per) day|four times daily)\b/.test(t)) return 4;
  if (/\b(?:tid|t\.i\.d\.|three times (?:a|per) day|three times daily)\b/.test(t)) return 3;
  if (/\b(?:bid|b\.i\.d\.|twice (?:a|per) day|twice daily|two times (?:a|per) day|q12h)\b/.test(t)) return 2;
  if (/\b(?:qd|q\.d\.|once (?:a|per) day|once daily|daily|qhs|at bedtime|every day)\b/.test(t)) return 1;
  return undefined;
}

export function dailyDose(service: string): DailyDose | undefined {
  const text = service.toLowerCase();
  // `has`, not `test`: each drug's set is asked once per service name, so a memo map per set per run would serve nothing.
  const drug = DRUGS.find((d) => d.set.has(text));
  if (!drug) return undefined;
  const strengthMatch = drug.perMcgHour
    ? /(\d+(?:\.\d+)?)\s*(?:mcg|µg)\s*\/\s*(?:hr|h|hour)/.exec(text)
    : /(\d+(?:\.\d+)?)\s*(?:\/\s*\d+(?:\.\d+)?\s*)?(?:-\s*\d+\s*)?mg\b/.exec(text);
  if (!strengthMatch) return undefined;
  const strength = Number(strengthMatch[1]);
  if (drug.perMcgHour) {
    const med = strength * drug.factor;
    return { drug: drug.id, strength, unitsPerDay: 1, factor: drug.factor, med, how: `${strength} mcg/hr x ${drug.factor} = ${round(med)} mg MED` };
  }
  let unitsPerDay: number | undefined;
  let per: string;
  const doses = dosesPerDay(text);
  if (doses !== undefined) {
    unitsPerDay = perDose(text) * doses;
    per = `${unitsPerDay} a day`;
  } else {
    const supply = /#\s*(\d+)\b.*?\b(?:day supply|days? supply)\s*:?\s*(\d+)/.exec(text) ?? /\b(\d+)\s*days?\b.*?#\s*(\d+)\b/.exec(text);
    if (!supply) return undefined;
    const [count, days] = supply[0].startsWith('#') ? [Number(supply[1]), Number(supply[2])] : [Number(supply[2]), Number(supply[1])];
    if (!days) return undefined;
    unitsPerDay = count / days;
    per = `#${count} over ${days} days = ${round(unitsPerDay)} a day`;
  }
  const med = strength * unitsPerDay * drug.factor;
  return {
    drug: drug.id,
    strength,
    unitsPerDay,
    factor: drug.factor,
    med,
    how: `${drug.id} ${strength} mg x ${per} x ${drug.factor} = ${round(med)} mg MED${drug.note ? ` (factor ${drug.note})` : ''}`,
  };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

export interface Supply {
  /** Units dispensed ("#45", "quantity 10"). */
  units: number;
  /** The longest the supply lasts: units over the units a day the schedule gives; with no fixed schedule, one or more a day. */
  days: number;
  /** The arithmetic in words: "#45 at 3 a day = 15 days". */
  how: string;
}

/**
 * How many days a medication item's quantity lasts, from its own words
 * ("Lorzone 750mg one by mouth three times a day #45": 15 days). With no
 * schedule, or taken as needed, each day of use takes at least one unit: the
 * units bound the days of use ("Diazepam 5mg #10": at most 10 days).
 */
export function supplyDays(service: string): Supply | undefined {
  const text = service.toLowerCase();
  const q = /(?:#|\bqty\.?:?\s*|\bquantity:?\s*(?:of\s*)?)\s*(\d+)\b/.exec(text);
  if (!q) return undefined;
  const units = Number(q[1]);
  if (!units) return undefined;
  const doses = /\b(?:prn|as needed)\b/.test(text) ? undefined : dosesPerDay(text);
  if (doses === undefined) return { units, days: units, how: `#${units}, at one or more a day, at most ${units} days of use` };
  const perDay = perDose(text) * doses;
  const days = Math.ceil(units / perDay);
  return { units, days, how: `#${units} at ${round(perDay)} a day = ${days} days` };
}
