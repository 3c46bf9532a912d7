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
  const drug = DRUGS.find((d) => d.set.test(text));
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
