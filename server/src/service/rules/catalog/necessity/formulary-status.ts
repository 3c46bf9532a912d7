// formulary-status: what a rationale says of a drug's place on the MTUS Drug
// List (exempt, non-exempt, unlisted) against the formulary data
// (data/formulary/mtus-formulary.json). The status decides whether a drug
// needed prospective review at all, so a letter that calls a non-exempt opioid
// exempt misstates the law it applies. Two things are checked:
// - the formulary took effect on 2018-01-01 (8 CCR 9792.27.1 ff.): a request
//   dated before it had no Drug List, so any status the rationale gives is
//   out of place;
// - a status that differs from the one the data gives for that drug (a
//   compounded drug is unlisted by definition; a brand-name exempt drug with a
//   generic needs review unless its need is documented).
// A drug whose status the data does not give is not judged. The data's
// statuses are not verified against a stored copy of the Drug List; the
// message says so while FORMULARY.statusVerified is false, and offers no fix.
import { defineRule } from '../../defineRule';
import { compareDates, formatUs, parseDate } from '../../../syntax/dates';
import { requestDate } from '../../../necessity/editions';
import { drugMentions, FORMULARY, formularyDrug, statusClaims, type DrugMention, type FormularyDrug, type FormularyStatus } from '../../../necessity/formulary';
import { serviceForms } from '../../../necessity/library';
import { sentenceSpan } from '../../../necessity/itemView';

const NEEDS: Record<FormularyStatus, string> = {
  exempt: 'it may be dispensed without prospective review when prescribed as the MTUS recommends',
  'non-exempt': 'it needs authorization through prospective review',
  unlisted: 'it needs authorization through prospective review',
};

const FROM: Record<string, string> = { 'request-date': 'the request date', 'ur-date': 'the UR date', 'decision-date': 'the decision date' };

/** The drug a claim is about: the one named nearest before it in the sentence, else after it, else the item's (named elsewhere). */
function claimDrug(mentions: DrugMention[], at: number, item: FormularyDrug | undefined): { drug: FormularyDrug; named?: DrugMention } | undefined {
  const before = mentions.filter((m) => m.end <= at);
  const named = before.length ? before[before.length - 1] : mentions.find((m) => m.start >= at);
  if (named) return { drug: named.drug, named };
  return item ? { drug: item } : undefined;
}

export default defineRule({
  code: 'formulary-status',
  family: 'necessity',
  severity: 'warning',
  inputs: { unit: 'item', reads: ['header'] },
  summary:
    'A rationale gives a drug a status on the MTUS Drug List (exempt, non-exempt, unlisted) that the formulary data does not, or gives one before the formulary took effect.',
  *checkItem({ model }, item) {
    const effective = parseDate(FORMULARY.effective)!;
    const caveat = FORMULARY.statusVerified ? '' : ' (the library holds the Drug List unverified: check it against the current list, 8 CCR 9792.27.15)';
    const prose = item.section.rationale?.prose;
    if (!prose) return;
    const service = item.service ?? '';
    const itemDrug = formularyDrug(service);
    const compounded = serviceForms(service).includes('compounded');
    const rd = requestDate(model, item);
    for (const sentence of prose.sentences) {
      const claims = statusClaims(sentence.text);
      if (!claims.length) continue;
      const mentions = drugMentions(sentence.text);
      // A statement about no drug at all ("exempt" of a fee or a form) is not the Drug List's.
      if (!mentions.length && !itemDrug && !compounded) continue;
      if (rd && compareDates(rd.date, effective) < 0) {
        const c = claims[0];
        yield {
          message: `The rationale calls a drug "${sentence.text.slice(c.start, c.end)}", a status on the MTUS Drug List, but the MTUS Drug Formulary took effect on ${formatUs(effective)} (${FORMULARY.regulation}); on ${formatUs(rd.date)}, ${FROM[rd.source]}, no drug had such a status.`,
          range: sentenceSpan(prose, sentence, c.start, c.end),
          relatedInformation: [{ range: rd.field.range, message: `${FROM[rd.source]}: ${formatUs(rd.date)}` }],
        };
        continue;
      }
      for (const c of claims) {
        const said = sentence.text.slice(c.start, c.end);
        // A compounded item: the claim is the compound's unless the sentence names a drug before it.
        const about = compounded && !mentions.some((m) => m.end <= c.start) ? undefined : claimDrug(mentions, c.start, itemDrug);
        let actual: FormularyStatus | undefined;
        let why: string;
        if (!about) {
          if (!compounded) continue;
          actual = 'unlisted';
          why = `a compounded drug is not a listed drug: ${NEEDS.unlisted}`;
        } else {
          actual = about.drug.status;
          if (!actual) continue;
          if (actual === 'exempt' && about.named?.brand && c.status === 'exempt') {
            // The brand rule: exempt as a generic, not as a brand where a generic exists.
            yield {
              message: `The rationale calls ${sentence.text.slice(about.named.start, about.named.end)}, a brand of ${about.drug.generic}, "${said}": a brand-name exempt drug where a generic is available needs authorization through prospective review unless the physician documents the medical need for the brand${caveat}.`,
              range: sentenceSpan(prose, sentence, c.start, c.end),
            };
            continue;
          }
          why = `the MTUS Drug List lists ${about.drug.generic} as ${actual}: ${NEEDS[actual]}`;
        }
        if (actual === c.status) continue;
        yield {
          message: `The rationale calls ${about ? about.drug.generic : 'the compounded drug'} "${said}", but ${why}${caveat}.`,
          range: sentenceSpan(prose, sentence, c.start, c.end),
        };
      }
    }
  },
});
