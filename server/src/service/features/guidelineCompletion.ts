// Completion of an item's `guideline:` line from the criteria library: the
// citation of each guideline section, MTUS first (the strength-of-evidence
// hierarchy puts the MTUS before any other guideline), the sections written
// for the item's service before the rest, and the edition in force on the
// item's request date before one that was superseded by then. Where the
// library's criteria come from an older edition than the one in force, the
// citation of the edition in force is offered too, with the section left for
// the author to name: the library does not know that edition's section titles,
// and a completion must not invent one.
import { CompletionItemKind, type CompletionItem } from '../types';
import type { FeatureContext } from './context';
import type { CompletionPlace } from './completionPlace';
import type { LibrarySection } from '../necessity/library';
import { edition, editionInForce, formatIso, inForce, requestDate, type Edition } from '../necessity/editions';
import { sectionMarkdown } from './criteriaHover';
import { escapeSnippet } from './snippets';
import type { CalendarDate } from '../syntax/dates';

type ValuePlace = Extract<CompletionPlace, { kind: 'field-value' }>;

interface Offer {
  citation: string;
  mtus: boolean;
  matches: boolean;
  current: boolean;
  detail: string;
  documentation: string;
}

export function guidelineCompletions(ctx: FeatureContext, place: ValuePlace): CompletionItem[] {
  if (place.section.kind !== 'item') return [];
  const library = ctx.library;
  const item = ctx.model.items.find((i) => i.section === place.section);
  const date = item ? requestDate(ctx.model, item)?.date : undefined;
  const matching = new Set(library.matchService(place.section.service?.value ?? '').map((s) => s.id));
  const offers = new Map<string, Offer>();
  const add = (offer: Offer) => {
    const had = offers.get(offer.citation);
    // One row per citation; several sections share one (the low back MRI and x-ray).
    if (!had || (offer.matches && !had.matches)) offers.set(offer.citation, offer);
  };
  // Editions the library has sections of: their citations are offered whole, never with a blank section.
  const held = new Set([...library.sections.values()].map((s) => s.edition).filter(Boolean));
  for (const section of library.sections.values()) {
    const ed = edition(section.edition);
    const matches = matching.has(section.id);
    const current = !date || !ed || inForce(ed, date);
    add({
      citation: section.source.citation,
      mtus: section.source.mtus,
      matches,
      current,
      detail: detailOf(section, matches, ed, date),
      documentation: sectionMarkdown(section),
    });
    if (!current && ed && date) {
      const now = editionInForce(ed.family, date);
      if (now && !held.has(now.id))
        add({
          citation: `${now.citation}, Section(s): <section>`,
          mtus: true,
          matches,
          current: true,
          detail: `in force on ${formatIso(date)}${matches ? ' — for this service' : ''}`,
          documentation: `The ${now.title} took effect on ${now.effective}, after the ${ed.title} whose criteria the library holds for ${section.title}. Name the section of the ${now.title} the decision rests on.`,
        });
    }
  }
  return [...offers.values()].map((o) => {
    const { text, snippet } = withPlaceholders(o.citation);
    return {
      label: o.citation,
      kind: CompletionItemKind.Reference,
      detail: o.detail,
      documentation: { kind: 'markdown' as const, value: o.documentation },
      textEdit: { range: place.replace, newText: text },
      insertTextFormat: snippet ? 2 : 1,
      sortText: `${o.matches ? 0 : 1}${o.current ? 0 : 1}${o.mtus ? 0 : 1}${o.citation}`,
    };
  });
}

function detailOf(section: LibrarySection, matches: boolean, ed: Edition | undefined, date: CalendarDate | undefined): string {
  const parts = [section.source.mtus ? 'MTUS' : `${section.source.guideline}, not MTUS`];
  if (matches) parts.push('for this service');
  if (ed && date && !inForce(ed, date)) parts.push(`not in force on ${formatIso(date)}`);
  return parts.join(' — ');
}

/** `<body part>` in a citation is a blank for the author: a snippet placeholder, the rest literal. */
function withPlaceholders(citation: string): { text: string; snippet: boolean } {
  let n = 0;
  const parts = citation.split(/<([^<>]+)>/);
  if (parts.length === 1) return { text: citation, snippet: false };
  const text = parts.map((p, i) => (i % 2 === 1 ? `\${${++n}:${escapeSnippet(p)}}` : escapeSnippet(p))).join('');
  return { text, snippet: true };
}
