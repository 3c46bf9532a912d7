// superseded-guideline: a citation must name the MTUS edition in force on the
// item's request date (8 CCR 9792.20 ff. as amended: the 2004 ACOEM chapters
// until 2017-12-01, the ACOEM guidelines incorporated by reference since,
// updated by Administrative Director orders). The request date is the item's
// `request-date:`, else the case's UR date, else its decision date. The fix
// cites the edition in force (or names the library's section for it).
import type { Field, Range } from '../../../syntax/ast';
import { defineRule } from '../../defineRule';
import { fix, str } from '../../fixes';
import { formatUs } from '../../../syntax/dates';
import { citedEditions, edition, editionInForce, inForce, requestDate, type Edition, type RequestDate } from '../../../necessity/editions';

const FROM: Record<RequestDate['source'], string> = {
  'request-date': 'the request date',
  'ur-date': 'the UR date (no request-date: given)',
  'decision-date': 'the decision date (no request-date: or UR date given)',
};

function when(e: Edition): string {
  return e.superseded ? `in force from ${e.effective} until ${e.superseded}` : `in force since ${e.effective}`;
}

/** The part [start, end) of a one-line field value, or the whole value. */
function valueSpan(field: Field, start: number, end: number): Range {
  const r = field.valueRange;
  if (r.start.line !== r.end.line) return r;
  return { start: { line: r.start.line, character: r.start.character + start }, end: { line: r.start.line, character: r.start.character + end } };
}

export default defineRule<{ replacement: string }>({
  code: 'superseded-guideline',
  family: 'necessity',
  severity: 'warning',
  inputs: { unit: 'item', reads: ['header'] },
  summary: "A guideline cited, or criteria applied, from an MTUS edition that was not in force on the item's request date.",
  *checkItem({ model, library }, item) {
    const rd = requestDate(model, item);
    if (!rd) return;
    const day = formatUs(rd.date);
    const related = [{ range: rd.field.range, message: `${FROM[rd.source]}: ${day}` }];
    const guideline = item.guideline;
    if (guideline) {
      for (const cited of citedEditions(guideline.value)) {
        if (cited.editions.some((e) => inForce(e, rd.date))) continue;
        const current = editionInForce(cited.family, rd.date);
        const named = cited.editions[cited.editions.length - 1];
        // "MTUS Low Back Complaints 2004": the fix replaces "MTUS" too, since the replacement starts with it.
        const lead = /\bMTUS\s+$/i.exec(guideline.value.slice(0, cited.start));
        const start = lead ? lead.index : cited.start;
        const text = guideline.value.slice(start, cited.end);
        yield {
          message: current
            ? `"${text}" was not the MTUS on ${day}, ${FROM[rd.source]}: ${named.title} was ${when(named)}. The edition in force then was ${current.title} (${current.regulation}, ${when(current)}).`
            : `"${text}" was not the MTUS on ${day}, ${FROM[rd.source]}: ${named.title} was ${when(named)}, and no edition of it was in force then.`,
          range: valueSpan(guideline, start, cited.end),
          relatedInformation: related,
          data: current ? { replacement: current.citation } : undefined,
        };
      }
    }
    // The criteria block's section: its criteria come from one edition.
    const block = item.section.criteria;
    const section = library.section(block?.section?.value);
    const own = edition(section?.edition);
    if (block?.section && section && own && !inForce(own, rd.date)) {
      const current = editionInForce(own.family, rd.date);
      const successor = current && library.matchService(item.service).find((s) => s.edition && edition(s.edition)?.id === current.id);
      yield {
        message: `The criteria of ${section.id} come from ${own.title}, ${when(own)}; on ${day}, ${FROM[rd.source]}, ${current ? `the MTUS in force was ${current.title}` : 'no edition of it was in force'}.${successor ? ` The library's section for that edition is ${successor.id}.` : current ? ' The library has no section of that edition for this service yet: check the criteria against it.' : ''}`,
        range: block.section.range,
        relatedInformation: related,
        data: successor ? { replacement: successor.id } : undefined,
      };
    }
  },
  fixes(_ctx, d) {
    const replacement = str(d.data?.replacement);
    return replacement ? [fix(`Cite the edition in force: ${replacement}`, d, [{ range: d.range, newText: replacement }], true)] : [];
  },
});
