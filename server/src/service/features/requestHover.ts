// Hover on a disputed item's name: what the request adds up to. The visits
// asked for, those of the same therapy the summary says were given, the total
// against the section's largest course and the 24-visit cap; for an opioid,
// its morphine-equivalent daily dose with the arithmetic. Nothing is shown
// when the item's words do not give the numbers.
import type { Position } from '../syntax/ast';
import { containsPosition } from '../syntax/positions';
import type { Hover, InlayHint } from '../types';
import type { FeatureContext } from './context';
import { markdownText } from './markdown';
import { viewItem } from '../necessity/itemView';
import { priorVisits, requestedVisits, therapyKind } from '../necessity/quantities';
import { dailyDose, type DailyDose } from '../necessity/dose';
import type { ItemModel } from '../model/caseModel';
import caps from '../data/terms/visit-caps.json';

export interface RequestTotals {
  visits?: { asked: number; how: string; given?: number; total: number; kindWords: string; most?: number; section: string; cap?: number };
  dose?: DailyDose;
}

const KIND_WORDS: Record<string, string> = {
  'physical-therapy': 'physical therapy',
  'occupational-therapy': 'occupational therapy',
  chiropractic: 'chiropractic',
  acupuncture: 'acupuncture',
};

/** What an item's request adds up to, as far as its words give the numbers. */
export function requestTotals(ctx: FeatureContext, item: ItemModel): RequestTotals {
  const out: RequestTotals = {};
  const section = viewItem(item, ctx.library).librarySection;
  const kind = section && therapyKind(section.covers?.services, item.service);
  const asked = kind ? requestedVisits(item.service) : undefined;
  if (section && kind && asked) {
    const prior = priorVisits(ctx.file.summary?.prose.sentences ?? [], kind);
    const most = Math.max(
      0,
      ...section.criteria.flatMap((c) =>
        (c.limits ?? []).filter((l) => ['visits', 'sessions', 'treatments'].includes(l.what) && l.max !== undefined).map((l) => l.max!),
      ),
    );
    const capped = (caps.kinds as string[]).includes(kind) && !(caps.exceptSections as string[]).includes(section.id);
    out.visits = {
      asked: asked.visits,
      how: asked.how,
      given: prior?.visits,
      total: asked.visits + (prior?.visits ?? 0),
      kindWords: KIND_WORDS[kind],
      most: most || undefined,
      section: section.id,
      cap: capped ? caps.max : undefined,
    };
  }
  const dose = dailyDose(item.service);
  if (dose) out.dose = dose;
  return out;
}

export function requestHover(ctx: FeatureContext, position: Position): Hover | undefined {
  for (const item of ctx.model.items) {
    const name = item.section.service;
    if (!name || !containsPosition(name.range, position)) continue;
    const lines: string[] = [];
    const { visits, dose } = requestTotals(ctx, item);
    if (visits) {
      lines.push(`**Visits asked for:** ${markdownText(visits.how)}.`);
      lines.push(
        visits.given !== undefined
          ? `**Already given** (the summary): ${visits.given}; **in all:** ${visits.total}.`
          : 'The summary gives no count of visits already given.',
      );
      if (visits.most) lines.push(`The largest course in \`${visits.section}\`: ${visits.most}.`);
      if (visits.cap) lines.push(`${caps.law}: ${caps.max} visits per injury (injuries from ${caps.injuriesFrom}), unless the employer authorizes more.`);
    }
    if (dose) lines.push(`**Morphine equivalent a day:** ${markdownText(dose.how)}.`);
    return lines.length ? { contents: { kind: 'markdown', value: lines.join('\n\n') }, range: name.range } : undefined;
  }
  return undefined;
}

/** The totals as inlay hints after each item's name. */
export function requestInlayHints(ctx: FeatureContext): InlayHint[] {
  const out: InlayHint[] = [];
  for (const item of ctx.model.items) {
    const name = item.section.service;
    if (!name) continue;
    const { visits, dose } = requestTotals(ctx, item);
    if (visits) {
      const label =
        visits.given !== undefined
          ? `${visits.total} ${visits.kindWords} visits in all (${visits.asked} asked + ${visits.given} given)`
          : `${visits.asked} visits asked`;
      out.push({
        position: name.range.end,
        label,
        tooltip: `${visits.how}${visits.most ? `; largest course in ${visits.section}: ${visits.most}` : ''}${visits.cap ? `; ${caps.law}: ${visits.cap} per injury` : ''}`,
      });
    }
    if (dose) out.push({ position: name.range.end, label: `${Math.round(dose.med * 10) / 10} mg MED a day`, tooltip: dose.how });
  }
  return out;
}
