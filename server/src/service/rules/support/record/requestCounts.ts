// detail-mismatch: the rationale rules on another number of visits than the
// disputed item. An IMR decides what is still disputed after the utilization
// review: "5 sessions of chiropractic physiotherapy" when 8 were requested and
// 3 authorized. A rationale that weighs "the request for 8 chiropractic
// visits", or "an additional 8 sessions", decides a request the item does not
// hold, and a reader cannot tell which number the decision is about.
import type { CaseFile } from '../../../syntax/ast';
import type { CaseModel, ItemModel } from '../../../model/caseModel';
import type { Count } from '../../../reading/types';
import { getField } from '../../../model/caseModel';
import { sentenceSpan } from '../../../necessity/itemView';
import { PhraseSet } from '../../../necessity/phrases';
import data from '../../../data/terms/record-details.json';
import { courseNumbers, VISIT_UNITS } from './visitCounts';
import type { ReadingAccess } from './summaryFacts';
import type { RecordFinding } from './recordChecks';

const ANCHORS = new PhraseSet(data.requestCountAnchors);
const OTHER_COUNT = new PhraseSet(data.otherCountWords);
/** Words before a count that may tie it to the request ("a request for physical therapy (six visits)"). */
const ANCHOR_REACH = 40;

function clip(t: string, n = 70): string {
  return t.length > n ? t.slice(0, n - 1) + '…' : t;
}

/** Numbers of visits a field of the item gives (the item's own name, the original request, the authorized part). */
function numbersOf(text: string | undefined, access: ReadingAccess): Set<number> {
  if (!text) return new Set();
  return courseNumbers(text, access.read(text).mentions);
}

/** Does the clause before the count tie it to the request ("the request for", "an additional"), with nothing between that says another count? */
function tiedToRequest(text: string, clauseStart: number, c: Count, original: ReadonlySet<number>): boolean {
  const from = Math.max(clauseStart, c.start - ANCHOR_REACH);
  const before = text.slice(from, c.start);
  const anchor = ANCHORS.matches(before).at(-1);
  if (anchor) return !OTHER_COUNT.test(before.slice(anchor.end));
  // "the 24 sessions are excessive": the definite article and the original request's number name that request.
  return original.has(c.value) && /\b(?:the|these|this)\s+$/i.test(before);
}

/** `only`: that item's finding alone. */
export function requestCountFindings(file: CaseFile, model: CaseModel, access: ReadingAccess, only?: ItemModel): RecordFinding[] {
  const out: RecordFinding[] = [];
  for (const item of only ? [only] : model.items) {
    const found = itemFinding(file, item, access) ?? partFinding(item, access);
    if (found) out.push(found);
  }
  return out;
}

/**
 * The item holds courses of different sizes ("two physical therapy sessions for the lumbar spine ... and
 * eight physical therapy sessions for the left wrist") and the rationale rules on one of them by its number
 * ("the additional two sessions is not necessary") without ever naming the other: the rest of the item is
 * decided without a reason.
 */
function partFinding(item: ItemModel, access: ReadingAccess): RecordFinding | undefined {
  const prose = item.section.rationale?.prose;
  if (!prose || !item.service) return undefined;
  const parts = [
    ...new Set(
      access
        .read(item.service)
        .attributes.counts.filter((c) => VISIT_UNITS.has(c.unit))
        .map((c) => c.value),
    ),
  ];
  if (parts.length < 2) return undefined;
  const named = new Set<number>();
  let ruling: { sentence: (typeof prose.sentences)[number]; count: Count } | undefined;
  for (const sentence of prose.sentences) {
    const reading = access.read(sentence.text);
    for (const c of reading.attributes.counts) {
      if (!VISIT_UNITS.has(c.unit)) continue;
      named.add(c.value);
      const before = reading.text.slice(Math.max(0, c.start - ANCHOR_REACH), c.start);
      if (!ruling && parts.includes(c.value) && ANCHORS.test(before) && !OTHER_COUNT.test(before)) ruling = { sentence, count: c };
    }
  }
  if (!ruling || parts.some((p) => p !== ruling!.count.value && named.has(p))) return undefined;
  const rest = parts.filter((p) => p !== ruling!.count.value);
  return {
    message: `The rationale rules on "${clip(ruling.count.text, 40)}", but the disputed item "${clip(item.service, 90)}" also holds ${rest.join(' and ')} visits, which the rationale never weighs. Give the reason for each part of the item.`,
    range: sentenceSpan(prose, ruling.sentence, ruling.count.start, ruling.count.end),
    relatedInformation: item.section.service ? [{ range: item.section.service.range, message: `The disputed item: "${clip(item.service, 80)}"` }] : [],
    data: { detail: 'request-count', written: ruling.count.text, expected: parts },
  };
}

function itemFinding(file: CaseFile, item: ItemModel, access: ReadingAccess): RecordFinding | undefined {
  const prose = item.section.rationale?.prose;
  if (!prose || !item.service) return undefined;
  const own = numbersOf(item.service, access);
  // An item without a number of visits ("Physical therapy for the lumbar spine") gives nothing to compare.
  if (own.size === 0) return undefined;
  const requestField = getField(item.section, 'request');
  const authorizedField = getField(item.section, 'authorized');
  const original = numbersOf(requestField?.value, access);
  const authorized = numbersOf(authorizedField?.value, access);
  for (const sentence of prose.sentences) {
    const reading = access.read(sentence.text);
    const text = reading.text;
    // "A request for an additional 8 sessions exceeds what is recommended" reads as a guideline's sentence; the request it names is this one.
    if (reading.generic && !/\brequest/i.test(text)) continue;
    const visits = reading.attributes.counts.filter((c) => VISIT_UNITS.has(c.unit));
    // The sentence gives the item's number too: it knows which part is disputed ("8 were requested, 3 authorized, 5 remain").
    if (visits.some((c) => own.has(c.value))) continue;
    for (const c of visits) {
      // A range ("6-8 visits") is a guideline's allowance, a number the item holds or UR authorized is no slip.
      if (c.low !== undefined || own.has(c.value) || authorized.has(c.value)) continue;
      const clause = reading.clauses.find((x) => x.start <= c.start && c.start < Math.max(x.end, x.start + 1));
      const clauseText = text.slice(clause?.start ?? 0, clause?.end ?? text.length);
      // "the original request for 8 visits was modified to 3": the clause speaks of the review's numbers.
      if (OTHER_COUNT.test(text.slice(clause?.start ?? 0, c.start))) continue;
      if (/\b(?:original|authori[sz]ed|certified|approved|modified|remaining)\b/i.test(clauseText)) continue;
      if (!tiedToRequest(text, clause?.start ?? 0, c, original)) continue;
      const values = [...own].sort((a, b) => a - b);
      const digits = /^\d+$/.test(text.slice(c.start, c.end).split(/\s/)[0] ?? '');
      const history =
        original.size && !original.has(values[0]) ? ` (the original request${requestField ? ` was "${clip(requestField.value.trim(), 60)}"` : ''})` : '';
      return {
        message: `The rationale weighs ${`"${clip(c.text, 40)}"`} ("${clip(text.replace(/\s+/g, ' '), 90)}"), but the disputed item is "${clip(item.service, 60)}"${history}. Weigh the number of visits the item holds, or say why the rationale speaks of another.`,
        range: sentenceSpan(prose, sentence, c.start, c.end),
        relatedInformation: [
          ...(item.section.service ? [{ range: item.section.service.range, message: `The disputed item: "${clip(item.service, 80)}"` }] : []),
          ...(requestField ? [{ range: requestField.range, message: `The original request: ${clip(requestField.value.trim(), 80)}` }] : []),
          ...(authorizedField
            ? [{ range: authorizedField.range, message: `Authorized by the utilization review: ${clip(authorizedField.value.trim(), 80)}` }]
            : []),
        ],
        data: {
          detail: 'request-count',
          written: c.text,
          expected: values,
          ...(values.length === 1 && digits ? { replacement: c.text.replace(/^\d+/, String(values[0])) } : {}),
        },
      };
    }
  }
  return undefined;
}
