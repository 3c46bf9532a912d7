// The MTUS Drug Formulary as data (data/formulary/mtus-formulary.json): a
// drug named by its generic or brand name leads to its class and to the
// library section that judges it, so a drug item whose section lists no such
// term still finds its criteria. Statuses on the Drug List are unverified
// data; nothing here checks a letter against them yet.
import formulary from '../data/formulary/mtus-formulary.json';
import { PhraseSet } from './phrases';

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

export const FORMULARY = formulary as unknown as {
  regulation: string;
  effective: string;
  statusVerified: boolean;
  statusNote: string;
  rules: FormularyRule[];
  drugs: FormularyDrug[];
};

/** The formulary drug a service names, if any (the first named). */
export function formularyDrug(service: string): FormularyDrug | undefined {
  const text = service.toLowerCase();
  let best: { drug: FormularyDrug; at: number } | undefined;
  for (const { drug, set } of DRUGS) {
    const m = set.matches(text)[0];
    if (m && (!best || m.start < best.at)) best = { drug, at: m.start };
  }
  return best?.drug;
}
