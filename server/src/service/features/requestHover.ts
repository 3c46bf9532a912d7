// Hover on a disputed item's name: what the request adds up to. The visits
// asked for, those of the same therapy the summary says were given, the total
// against the section's largest course and the 24-visit cap; for an opioid,
// its morphine-equivalent daily dose with the arithmetic. Nothing is shown
// when the item's words do not give the numbers.
import type { Position } from '../syntax/ast';
import { containsPosition } from '../syntax/positions';
import type { Hover } from '../types';
import type { FeatureContext } from './context';
import { markdownText } from './markdown';
import { viewItem } from '../necessity/itemView';
import { priorVisits, requestedVisits, therapyKind } from '../necessity/quantities';
import { dailyDose } from '../necessity/dose';
import caps from '../data/terms/visit-caps.json';

export function requestHover(ctx: FeatureContext, position: Position): Hover | undefined {
  const library = ctx.library;
  for (const item of ctx.model.items) {
    const name = item.section.service;
    if (!name || !containsPosition(name.range, position)) continue;
    const lines: string[] = [];
    const v = viewItem(item, library);
    const section = v.librarySection;
    const kind = section && therapyKind(section.covers?.services, item.service);
    const asked = kind ? requestedVisits(item.service) : undefined;
    if (section && kind && asked) {
      const prior = priorVisits(ctx.file.summary?.prose.sentences ?? [], kind);
      const total = asked.visits + (prior?.visits ?? 0);
      lines.push(`**Visits asked for:** ${markdownText(asked.how)}.`);
      lines.push(prior ? `**Already given** (the summary): ${prior.visits}; **in all:** ${total}.` : 'The summary gives no count of visits already given.');
      const most = Math.max(0, ...section.criteria.flatMap((c) => (c.limits ?? []).filter((l) => ['visits', 'sessions', 'treatments'].includes(l.what) && l.max !== undefined).map((l) => l.max!)));
      if (most) lines.push(`The largest course in \`${section.id}\`: ${most}.`);
      if ((caps.kinds as string[]).includes(kind) && !(caps.exceptSections as string[]).includes(section.id)) lines.push(`${caps.law}: ${caps.max} visits per injury (injuries from ${caps.injuriesFrom}), unless the employer authorizes more.`);
    }
    const dose = dailyDose(item.service);
    if (dose) lines.push(`**Morphine equivalent a day:** ${markdownText(dose.how)}.`);
    return lines.length ? { contents: { kind: 'markdown', value: lines.join('\n\n') }, range: name.range } : undefined;
  }
  return undefined;
}
