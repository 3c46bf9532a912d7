// visit-limit: what an approved request adds up to. The visits an item asks
// for, with those of the same therapy the summary says were already given,
// against the most the section's guideline gives and the statutory 24
// visits each of physical therapy, occupational therapy and chiropractic per
// injury (Labor Code 4604.5(c)(1); post-surgical physical medicine
// excepted). Only an overturned item is checked: an approval past a limit
// must say why; a denial needs no count to stand.
import type { ImrDiagnostic } from '../../types';
import type { Rule } from '../../rules/rule';
import { formatUs, parseDate, compareDates } from '../../syntax/dates';
import { activeLibrary } from '../library';
import { viewItem } from '../itemView';
import { priorVisits, requestedVisits, therapyKind, type TherapyKind } from '../quantities';
import { dailyDose } from '../dose';
import caps from '../../data/terms/visit-caps.json';

const KIND_WORDS: Record<TherapyKind, string> = {
  'physical-therapy': 'physical therapy',
  'occupational-therapy': 'occupational therapy',
  chiropractic: 'chiropractic',
  acupuncture: 'acupuncture',
};

export const visitLimit: Rule = ({ file, model }) => {
  const out: ImrDiagnostic[] = [];
  const library = activeLibrary();
  const sentences = file.summary?.prose.sentences ?? [];
  const injury = model.dates.injuryDate?.date;
  const capFrom = parseDate(caps.injuriesFrom)!;
  for (const item of model.items) {
    if (item.decision !== 'overturned' || !item.section.service) continue;
    const v = viewItem(item, library);
    const section = v.librarySection;
    if (!section) continue;
    const kind = therapyKind(section.covers?.services, item.service);
    if (!kind) continue;
    const asked = requestedVisits(item.service);
    if (!asked) continue;
    const prior = priorVisits(sentences, kind);
    const given = prior?.visits ?? 0;
    const total = asked.visits + given;
    const related = prior ? [{ range: sentences[prior.sentence].range, message: `${given} ${KIND_WORDS[kind]} visits already given` }] : [];
    const sum = prior ? `${asked.how}, plus the ${given} already given: ${total}` : `${asked.how}`;
    const problems: string[] = [];
    const statutory = (caps.kinds as string[]).includes(kind) && !(caps.exceptSections as string[]).includes(section.id) && (!injury || compareDates(injury, capFrom) >= 0);
    if (statutory && total > caps.max) problems.push(`past the ${caps.max} ${KIND_WORDS[kind]} visits per injury that ${caps.law} allows unless the employer authorizes more`);
    const limits = section.criteria.flatMap((c) => (c.limits ?? []).filter((l) => (l.what === 'visits' || l.what === 'treatments' || l.what === 'sessions') && l.max !== undefined).map((l) => ({ c, l })));
    const most = limits.reduce<(typeof limits)[number] | undefined>((best, x) => (!best || x.l.max! > best.l.max! ? x : best), undefined);
    if (most && total > most.l.max!) problems.push(`more than the most ${section.id} gives (${most.c.id}: at most ${most.l.max}${most.l.when ? `, ${most.l.when}` : ''})`);
    if (!problems.length) continue;
    out.push({
      code: 'visit-limit',
      severity: 'warning',
      message: `Overturned, this request comes to ${total} ${KIND_WORDS[kind]} visits (${sum}), ${problems.join('; and ')}. Say in the rationale why more is medically necessary, or decide on the part within the limit.`,
      range: item.section.service.range,
      relatedInformation: related,
      data: { requested: asked.visits, given, total, injury: injury ? formatUs(injury) : undefined },
    });
  }
  return out;
};

// med-threshold: the morphine-equivalent daily dose of the case's opioids
// against the doses at which the opioid section's criteria ask for more (80 mg
// a day in the 2016 MTUS: more frequent drug testing, a wean attempt). Only
// an overturned opioid item is checked: approving such a dose must show those
// were weighed. The dose and the conversion factors are in the message.
export const medThreshold: Rule = ({ model }) => {
  const out: ImrDiagnostic[] = [];
  const library = activeLibrary();
  const doses = model.items
    .map((item) => ({ item, dose: dailyDose(item.service), v: viewItem(item, library) }))
    .filter((x) => x.dose && x.v.librarySection && (x.v.librarySection.covers?.services ?? []).includes('medication'));
  if (!doses.length) return out;
  const total = doses.reduce((sum, x) => sum + x.dose!.med, 0);
  for (const x of doses) {
    if (x.item.decision !== 'overturned' || !x.item.section.service) continue;
    const thresholds = x.v.librarySection!.criteria.flatMap((c) => (c.limits ?? []).filter((l) => l.what === 'mg-med-per-day' && l.max !== undefined).map((l) => ({ c, max: l.max! })));
    if (!thresholds.length) continue;
    const lowest = Math.min(...thresholds.map((t) => t.max));
    if (total <= lowest) continue;
    const ids = [...new Set(thresholds.filter((t) => t.max === lowest).map((t) => t.c.id))];
    out.push({
      code: 'med-threshold',
      severity: 'warning',
      message: `The opioids of this case come to ${Math.round(total * 10) / 10} mg a day morphine equivalent (${doses.map((d) => d.dose!.how).join('; ')}), past the ${lowest} mg a day of ${ids.join(' and ')}. Say in the rationale how the criteria for that dose are met.`,
      range: x.item.section.service.range,
      relatedInformation: doses.filter((d) => d !== x && d.item.section.service).map((d) => ({ range: d.item.section.service!.range, message: d.dose!.how })),
      data: { med: total },
    });
  }
  return out;
};
