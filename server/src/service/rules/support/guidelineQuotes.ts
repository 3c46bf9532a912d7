// Sentences that are a guideline's own words: reviewers quote a guideline
// passage at length ('ODG states "Under study for upper back ... (Note: ...)"'),
// and the sentences inside the quotation speak of patients in general, of
// studies and of "case reports", never of this worker, however they are
// worded. A quotation counts as the guideline's when the words before its
// opening mark name a guideline or state what one says; a quotation of the
// treating physician ('The provider stated "she is improving"') stays the
// record's.
import type { Prose, Sentence } from '../../syntax/ast';
import { guidelineStatement } from '../../necessity/guidelineScope';

const OPEN = new Set(['“']);
const CLOSE = new Set(['”']);
const EITHER = new Set(['"']);

/** Words after a quotation closes in the same sentence that make the sentence the rationale's own again. */
const OWN_WORDS_AFTER = 3;

/**
 * The sentences of a prose that lie inside a quoted guideline passage: those
 * that begin inside the quotation and do not go on past its end in words of
 * their own, and the one that opens it when it says no more than the quote.
 */
export function quotedGuidelineSentences(prose: Prose): Set<Sentence> {
  const out = new Set<Sentence>();
  let open = false;
  let guideline = false;
  for (const s of prose.sentences) {
    const text = s.text;
    const startsInside = open && guideline;
    let closedAt = -1;
    let openedAt = -1;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      const opens = OPEN.has(ch) || (EITHER.has(ch) && !open);
      const closes = CLOSE.has(ch) || (EITHER.has(ch) && open);
      if (opens && !open) {
        open = true;
        openedAt = i;
        guideline = guidelineStatement(text.slice(0, i));
      } else if (closes && open) {
        open = false;
        closedAt = i;
      }
    }
    const wordsAfter = (at: number): number => (text.slice(at + 1).match(/[A-Za-z]{2,}/g) ?? []).length;
    if (startsInside && (open || closedAt < 0 || wordsAfter(closedAt) < OWN_WORDS_AFTER)) out.add(s);
    // A sentence that opens the quotation with a few words of attribution ('ODG states "...') is the guideline's when it ends inside it.
    else if (!startsInside && openedAt >= 0 && guideline && open && (text.slice(0, openedAt).match(/[A-Za-z]{2,}/g) ?? []).length <= 6) out.add(s);
  }
  return out;
}
