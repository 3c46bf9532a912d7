// Hover on a criterion id (in a criteria block) and on the guideline section
// id after `criteria:`: the criterion's text, source, limits, whether it
// decides the request, and a warning when it is not yet verified.
import type { CriteriaBlock, Position } from '../syntax/ast';
import { containsPosition } from '../syntax/positions';
import type { Hover } from '../types';
import type { FeatureContext } from './context';
// Criteria text may come from a workspace file (a cloned repository): shown literally, it loads nothing.
import { markdownText } from './markdown';
import type { Criterion, LibrarySection, Limit } from '../necessity/library';
import { decisionTree, describe, evaluate, leaves, type CriterionStatus } from '../necessity/decision';

const LIMIT_UNITS: Record<Limit['what'], string> = {
  visits: 'visits',
  sessions: 'sessions',
  treatments: 'treatments',
  'times-per-week': 'times a week',
  'hours-per-week': 'hours a week',
  weeks: 'weeks',
  months: 'months',
  days: 'days',
  'per-year': 'times a year',
  'mg-med-per-day': 'mg a day morphine equivalent (MED)',
  levels: 'levels',
  'years-of-age': 'years of age',
};

export function formatLimit(l: Limit): string {
  const amount =
    l.min !== undefined && l.max !== undefined
      ? l.min === l.max
        ? `${l.min}`
        : `${l.min} to ${l.max}`
      : l.max !== undefined
        ? `at most ${l.max}`
        : `at least ${l.min}`;
  return `${amount} ${LIMIT_UNITS[l.what]}${l.overWeeks ? ` over ${l.overWeeks} weeks` : ''}${l.when ? ` (${markdownText(l.when)})` : ''}`;
}

export function criterionMarkdown(section: LibrarySection, c: Criterion): string {
  const parts = [`**${c.id}** — ${markdownText(c.text)}`];
  parts.push(
    `Guideline: ${markdownText(c.source ?? `${section.source.document}${section.source.sections?.length ? `, ${section.source.sections.join(', ')}` : ''}`)} (section \`${section.id}\`, ${section.source.mtus ? 'MTUS' : 'not part of the MTUS'}).`,
  );
  if (c.limits?.length) parts.push(`Limits: ${c.limits.map(formatLimit).join('; ')}.`);
  const tree = decisionTree(section);
  if (c.decisive && tree) {
    parts.push(
      leaves(tree).length === 1
        ? 'Decides the request: if it is not met, the service is not medically necessary.'
        : `Decides the request: ${section.id} is met by ${describe(tree)}; when no branch is met, the service is not medically necessary.`,
    );
  }
  if (c.unverified) parts.push(`⚠ **Unverified**: this criterion has not been checked against a stored copy of the guideline. ${markdownText(c.sourceNote)}`);
  else parts.push(`Checked against: ${markdownText(c.sourceNote)}`);
  return parts.join('\n\n');
}

export function sectionMarkdown(section: LibrarySection, block?: CriteriaBlock): string {
  const tree = decisionTree(section);
  let decides: string[] = [];
  if (tree) {
    decides = [`Decides the request: ${describe(tree)}.`];
    if (block) {
      const status = new Map(block.entries.map((e) => [e.id.value.toUpperCase(), e.status] as const));
      const r = evaluate(tree, (id) => status.get(id.toUpperCase()) as CriterionStatus);
      decides.push(
        r.value === true
          ? `As marked, the criteria support the request through ${r.branch}.`
          : r.value === false
            ? `As marked, the criteria rule the request out: ${r.deciding.join(', ')} not met.`
            : 'As marked, the criteria do not decide yet: a criterion the logic needs is unknown or not listed.',
      );
    }
  }
  return [
    `**${markdownText(section.title)}** (\`${section.id}\`)`,
    `${markdownText(`${section.source.document}${section.source.sections?.length ? `, Section(s): ${section.source.sections.join(', ')}` : ''}`)}. ${section.source.mtus ? 'Part of the MTUS.' : 'Not part of the MTUS: the decision must say why the MTUS does not apply.'}`,
    `Criteria: ${section.criteria.map((c) => `${c.id}${c.unverified ? ' (unverified)' : ''}`).join(', ')}.`,
    ...decides,
  ].join('\n\n');
}

export function criterionHover(ctx: FeatureContext, position: Position): Hover | undefined {
  const library = ctx.library;
  for (const item of ctx.file.items) {
    const block = item.criteria;
    if (!block || !containsPosition(block.range, position)) continue;
    if (block.section && containsPosition(block.section.range, position)) {
      const section = library.section(block.section.value);
      return section ? { contents: { kind: 'markdown', value: sectionMarkdown(section, block) }, range: block.section.range } : undefined;
    }
    for (const entry of block.entries) {
      if (!containsPosition(entry.id.range, position)) continue;
      const inSection = library.section(block.section?.value)?.criteria.find((c) => c.id.toUpperCase() === entry.id.value.toUpperCase());
      const found = inSection ? { section: library.section(block.section?.value)!, criterion: inSection } : library.criterion(entry.id.value);
      if (!found) return undefined;
      return { contents: { kind: 'markdown', value: criterionMarkdown(found.section, found.criterion) }, range: entry.id.range };
    }
  }
  return undefined;
}
