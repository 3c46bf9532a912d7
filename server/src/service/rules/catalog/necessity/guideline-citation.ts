// guideline-citation: the guideline line names an MTUS body chapter for
// another body part (Low Back Complaints for a knee MRI) while the rationale
// applies the requested part's own criteria. The reasoning may stand, but the
// letter gives the wrong chapter as the basis of the decision, and a reader of
// the letter (or an appeal) takes that line at its word. Where the rationale
// applies the cited chapter's criteria instead, guideline-mismatch reports the
// misapplied criteria; this rule is the citation-only case.
import { defineRule } from '../../defineRule';
import { sentenceSpan, viewItem } from '../../../necessity/itemView';
import { citedMtusChapters, regionsIn, regionTitle, SCOPE } from '../../../necessity/guidelineScope';

/** The body regions of a list, in words ("the knee or the shoulder"). */
function regionWords(ids: Iterable<string>): string {
  return [...new Set(ids)].map(regionTitle).join(' or ');
}

export default defineRule({
  code: 'guideline-citation',
  family: 'necessity',
  severity: 'warning',
  inputs: { unit: 'item', reads: [] },
  summary: "The guideline line cites an MTUS chapter for another body part than the one the item's rationale applies.",
  *checkItem({ library, reader }, item) {
    const v = viewItem(item, library);
    const guideline = v.item.guideline;
    const prose = v.section.rationale?.prose;
    if (!guideline || !prose) return;
    const itemRegions = regionsIn(v.item.service);
    const chapters = citedMtusChapters(guideline.value);
    if (!itemRegions.size || !chapters.length) return;
    // A cited chapter for a part the request names ("lumbar and knee") is a right citation.
    if (chapters.some((c) => [...c.regions].some((r) => itemRegions.has(r)))) return;
    // Only where the MTUS has a chapter of its own for the requested part to cite.
    if (!SCOPE.chapters.some((c) => [...c.regions].some((r) => itemRegions.has(r)))) return;
    // The rationale applies the requested part's criteria: a sentence that
    // states what a guideline holds (the reader's generic assertion) and
    // names that part.
    const applying = prose.sentences.find((s) => reader.read(s.text).generic && [...regionsIn(s.text)].some((r) => itemRegions.has(r)));
    if (!applying) return;
    const asked = regionWords(itemRegions);
    yield {
      message: `The guideline line cites MTUS ${chapters.map((c) => c.title).join(' and ')}, written for ${regionWords(chapters.flatMap((c) => [...c.regions]))}, while the item "${v.item.service.trim()}" and its rationale are about ${asked}. Cite the guideline the rationale applies.`,
      range: guideline.valueRange,
      relatedInformation: [{ range: sentenceSpan(prose, applying, 0, applying.text.length), message: `The rationale applies criteria for ${asked}` }],
    };
  },
});
