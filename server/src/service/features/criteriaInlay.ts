// What each criterion of a criteria block requires, as an inlay hint at the
// end of its line: inserted criteria are ids ("PT-01: unknown"), and an
// author should not need a hover per line to judge them. The hint is the
// criterion's text from the library, shortened; the tooltip has it whole,
// with its source. Nothing is written into the file.
import type { InlayHint } from '../types';
import type { FeatureContext } from './context';
import { truncate } from '../text/words';

/** How much of a criterion's text fits beside a criteria line before it crowds the editor. */
const HINT_LENGTH = 70;

export function criteriaInlayHints(ctx: FeatureContext): InlayHint[] {
  const out: InlayHint[] = [];
  for (const item of ctx.file.items) {
    const block = item.criteria;
    if (!block) continue;
    const section = ctx.library.section(block.section?.value);
    for (const entry of block.entries) {
      const id = entry.id.value.toUpperCase();
      const found = section?.criteria.find((c) => c.id.toUpperCase() === id) ?? ctx.library.criterion(entry.id.value)?.criterion;
      if (!found) continue; // unknown-criterion says so
      const text = found.text.replace(/\s+/g, ' ').trim();
      out.push({
        position: entry.range.end,
        label: ` ${truncate(text, HINT_LENGTH)}`,
        tooltip: `${found.id}: ${text}${found.sourceNote ? `\n\nSource: ${found.sourceNote}` : ''}`,
      });
    }
  }
  return out;
}
