// The MTUS Drug Formulary as data (data/formulary/mtus-formulary.json): a
// drug named by its generic or brand name leads to its class and to the
// library section that judges it, so a drug item whose section lists no such
// term still finds its criteria. Statuses on the Drug List are unverified
// data; rules/catalog/necessity/formulary-status.ts checks what a rationale
// says of them and says so in its message.
import formulary from '../data/formulary/mtus-formulary.json';
import { PhraseIndex, PhraseSet } from './phrases';

export interface FormularyDrug {
  generic: string;
  brands: string[];
  class: string;
  section: string;
  status?: 'exempt' | 'non-exempt';
  specialFillDays?: number;
  perioperativeFillDays?: number;
}

export interface FormularyRule {
  id: string;
  text: string;
  source: string;
}

const DRUGS = (formulary.drugs as FormularyDrug[]).map((d) => ({
  drug: d,
  set: new PhraseSet([d.generic, ...d.brands, ...d.generic.split('/')], { plurals: true }),
}));

/** Which drugs' names a text can hold, made on first use (see PhraseIndex). */
let drugIndex: PhraseIndex | undefined;

export const FORMULARY = formulary as unknown as {
  regulation: string;
  effective: string;
  statusVerified: boolean;
  statusNote: string;
  rules: FormularyRule[];
  drugs: FormularyDrug[];
};

/**
 * The formulary drug a service names, if any (the first named). Each drug's set is asked with `first`, which
 * remembers nothing: a service name is asked of every drug once or twice a run, and remembering it made a
 * memo map per drug per case.
 */
export function formularyDrug(service: string): FormularyDrug | undefined {
  const text = service.toLowerCase();
  // A drug the index rules out has no name in the service; the others are asked as before.
  const candidates = (drugIndex ??= new PhraseIndex(DRUGS.map((d) => d.set))).candidates(text);
  let best: { drug: FormularyDrug; at: number } | undefined;
  for (const { drug, set } of DRUGS) {
    if (!candidates.has(set)) continue;
    const m = set.first(text);
    if (m && (!best || m.start < best.at)) best = { drug, at: m.start };
  }
  return best?.drug;
}

export type FormularyStatus = 'exempt' | 'non-exempt' | 'unlisted';

/** One place a sentence names a formulary drug, by generic or brand name. */
export interface DrugMention {
  drug: FormularyDrug;
  start: number;
  end: number;
  /** Named by a brand, not by its generic name or one of its parts. */
  brand: boolean;
}

/** Every formulary drug a text names, in text order (the longest name where two overlap). */
export function drugMentions(text: string): DrugMention[] {
  const lower = text.toLowerCase();
  const found: DrugMention[] = [];
  for (const { drug, set } of DRUGS) {
    for (const m of set.matches(lower)) {
      found.push({ drug, start: m.start, end: m.end, brand: drug.brands.includes(m.phrase) });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  return found.filter((m, i) => !found.slice(0, i).some((o) => o.start <= m.start && o.end >= m.end));
}

/** A sentence's statement of a drug's place on the MTUS Drug List. */
export interface StatusClaim {
  status: FormularyStatus;
  start: number;
  end: number;
}

// How letters state a status: "is non-exempt", "a Non-Exempt drug", "is not
// exempt", "is an exempt drug on the MTUS Drug List", "is unlisted", "is not
// on the MTUS Drug List". "Exempt from" anything but review ("post-surgical
// therapy is exempt from the 24-visit cap") is another law's word.
const NON_EXEMPT = /\bnon[\s-]?exempt\b|\bnot\s+(?:an?\s+|considered\s+|listed\s+as\s+)?exempt\b|\bnot\s+on\s+the\s+exempt\b/gi;
const UNLISTED = /\bunlisted\b|\bnot\s+(?:on|listed\s+(?:on|in))\s+the\s+(?:mtus\s+)?(?:drug\s+list|formulary)\b/gi;
const EXEMPT = /\bexempt\b/gi;
const EXEMPT_FROM_OTHER = /^\s+from\s+(?!(?:prospective\s+|utilization\s+)?review\b|(?:prior\s+)?authori[sz]ation\b)/i;
/** A word every status statement above holds: most sentences hold none, and one test of it is cheaper than the three patterns. */
const STATUS_WORD = /exempt|unlisted|formulary|drug\s+list/i;

/** The statements of Drug List status a sentence makes (none for "exempt from" a cap or a fee). */
export function statusClaims(sentence: string): StatusClaim[] {
  const claims: StatusClaim[] = [];
  if (!STATUS_WORD.test(sentence)) return claims;
  const taken: [number, number][] = [];
  const add = (status: FormularyStatus, re: RegExp) => {
    for (const m of sentence.matchAll(re)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      if (status !== 'unlisted' && EXEMPT_FROM_OTHER.test(sentence.slice(end))) continue;
      taken.push([start, end]);
      claims.push({ status, start, end });
    }
  };
  add('non-exempt', NON_EXEMPT);
  add('unlisted', UNLISTED);
  add('exempt', EXEMPT);
  return claims.sort((a, b) => a.start - b.start);
}
