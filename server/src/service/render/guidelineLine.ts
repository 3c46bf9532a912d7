// How the `guideline:` and `claims-administrator:` values of an item become the
// letter's "... guideline:" sentences. The corpus shows three forms (MTUS
// chapter/year/sections; a non-MTUS citation with the fixed "outside of the
// MTUS" sentence; "did not cite any medical evidence"), and authors should be
// able to type the short form or paste the full sentence. The mapping is
// documented in docs/letter.md ("How guideline values become sentences").
import { fill, LETTER_TEXT } from './letterText';

export type GuidelineForm = 'verbatim' | 'mtus' | 'non-mtus' | 'no-evidence' | 'citation';

export interface GuidelineSentence {
  text: string;
  form: GuidelineForm;
}

const NO_EVIDENCE = /^(none|no evidence|no medical evidence|not cited|no citation|did not cite( any medical evidence)?)\.?$/i;
const NON_MTUS = /^non[- ]?MTUS\b[\s,:;-]*(citation\b)?[\s,:;-]*/i;
const MTUS = /^MTUS\b/;
/** Sentences an author wrote out in full start like the letter's own sentences. */
const FULL_SENTENCE = /^(The |Decision based on |Decisions? based |Based on )/;

/**
 * The letter sentence for a guideline value. `subject` is who decided ("The
 * Claims Administrator" or "The Expert Reviewer"). Undefined for an empty value.
 */
export function guidelineSentence(value: string | undefined, subject: string): GuidelineSentence | undefined {
  const v = (value ?? '').trim().replace(/\s+/g, ' ');
  if (!v) return undefined;
  const forms = LETTER_TEXT.guidelineForms;
  if (NO_EVIDENCE.test(v)) return { text: fill(forms.noEvidence, { subject }), form: 'no-evidence' };
  if (FULL_SENTENCE.test(v)) return { text: endSentence(v), form: 'verbatim' };
  const nonMtus = NON_MTUS.exec(v);
  if (nonMtus) {
    const citation = v.slice(nonMtus[0].length);
    return { text: endSentence(fill(forms.nonMtus, { subject, citation })), form: 'non-mtus' };
  }
  if (MTUS.test(v)) {
    // "MTUS ..., Section(s): X. Non-MTUS Citation ODG ..." carries both citations
    // in one line, as 40 corpus lines do: each part gets its own "Decision based on".
    const parts = v.split(/\.\s+(?=non[- ]?MTUS\b)/i);
    const text = parts
      .map((p, i) => {
        if (i === 0) return endSentence(fill(forms.mtus, { citation: p }));
        const rest = p.replace(NON_MTUS, '');
        return endSentence(fill(forms.mtus, { citation: `Non-MTUS Citation ${rest}` }));
      })
      .join(' ');
    return { text, form: 'mtus' };
  }
  return { text: endSentence(fill(forms.mtus, { citation: v })), form: 'citation' };
}

function endSentence(s: string): string {
  const t = s.trim();
  return /[.!?]["'”’)]*$/.test(t) ? t : `${t}.`;
}
