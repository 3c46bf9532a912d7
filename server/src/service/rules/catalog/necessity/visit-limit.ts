// visit-limit: what an approved request adds up to. The visits an item asks
// for, with those of the same therapy the summary says were already given,
// against the most the section's guideline gives and the statutory 24
// visits each of physical therapy, occupational therapy and chiropractic per
// injury (Labor Code 4604.5(c)(1); post-surgical physical medicine
// excepted). Only an overturned item is checked: an approval past a limit
// must say why; a denial needs no count to stand.
import { defineRule } from '../../defineRule';
import { formatUs, parseDate, compareDates } from '../../../syntax/dates';
import { viewItem } from '../../../necessity/itemView';
import { priorVisits, requestedVisits, therapyKind, type TherapyKind } from '../../../necessity/quantities';
import caps from '../../../data/terms/visit-caps.json';

const KIND_WORDS: Record<TherapyKind, string> = {
  'physical-therapy': 'physical therapy',
  'occupational-therapy': 'occupational therapy',
  chiropractic: 'chiropractic',
  acupuncture: 'acupuncture',
};

export default defineRule<{ requested: number; given: number; total: number; injury?: string }>({
  code: 'visit-limit',
  family: 'necessity',
  severity: 'warning',
  inputs: { unit: 'item', reads: ['header', 'summary'] },
  summary:
    "An overturned therapy request whose visits, with those already given, pass the guideline's course or the 24 visits per injury of Labor Code 4604.5.",
  *checkItem({ file, model, library }, item) {
    const sentences = file.summary?.prose.sentences ?? [];
    const injury = model.dates.injuryDate?.date;
    const capFrom = parseDate(caps.injuriesFrom)!;
    if (item.decision !== 'overturned' || !item.section.service) return;
    const v = viewItem(item, library);
    const section = v.librarySection;
    if (!section) return;
    const kind = therapyKind(section.covers?.services, item.service);
    if (!kind) return;
    const asked = requestedVisits(item.service);
    if (!asked) return;
    const prior = priorVisits(sentences, kind);
    const given = prior?.visits ?? 0;
    const total = asked.visits + given;
    const related = prior ? [{ range: sentences[prior.sentence].range, message: `${given} ${KIND_WORDS[kind]} visits already given` }] : [];
    const sum = prior ? `${asked.how}, plus the ${given} already given: ${total}` : `${asked.how}`;
    const problems: string[] = [];
    const statutory =
      (caps.kinds as string[]).includes(kind) && !(caps.exceptSections as string[]).includes(section.id) && (!injury || compareDates(injury, capFrom) >= 0);
    if (statutory && total > caps.max)
      problems.push(`past the ${caps.max} ${KIND_WORDS[kind]} visits per injury that ${caps.law} allows unless the employer authorizes more`);
    const limits = section.criteria.flatMap((c) =>
      (c.limits ?? []).filter((l) => (l.what === 'visits' || l.what === 'treatments' || l.what === 'sessions') && l.max !== undefined).map((l) => ({ c, l })),
    );
    const most = limits.reduce<(typeof limits)[number] | undefined>((best, x) => (!best || x.l.max! > best.l.max! ? x : best), undefined);
    if (most && total > most.l.max!)
      problems.push(`more than the most ${section.id} gives (${most.c.id}: at most ${most.l.max}${most.l.when ? `, ${most.l.when}` : ''})`);
    if (!problems.length) return;
    yield {
      message: `Overturned, this request comes to ${total} ${KIND_WORDS[kind]} visits (${sum}), ${problems.join('; and ')}. Say in the rationale why more is medically necessary, or decide on the part within the limit.`,
      range: item.section.service.range,
      relatedInformation: related,
      data: { requested: asked.visits, given, total, injury: injury ? formatUs(injury) : undefined },
    };
  },
});
