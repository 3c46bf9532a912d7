// duplicate: something the letter states once given twice: a part, a field,
// a criterion of an item, a fact label, a disputed service.
import type { Section } from '../../../syntax/ast';
import type { CaseModel, ItemModel } from '../../../model/caseModel';
import { defineRule, type Finding } from '../../defineRule';
import { sectionSpec } from '../../../schema/fields';
import { capitalize } from '../../../text/words';

export default defineRule({
  code: 'duplicate',
  family: 'structure',
  severity: 'error',
  inputs: { unit: 'case', reads: ['header', 'summary', 'items'], absolutePositions: true },
  summary: 'Something stated twice (a section, a field, a fact label, a criterion).',
  // Each part checked on its own, so that an edit checks again only the parts it is in: the sections other than
  // items, each item's fields and criteria, the summary's fact labels, and the items' services together. Messages
  // give line numbers, so a part is reused only where it did not move.
  units: [
    {
      inputs: { unit: 'case', reads: ['header', 'summary'], absolutePositions: true },
      check({ file }) {
        const out: Found[] = [];
        const seen = new Map<string, Section>();
        for (const section of file.sections) {
          if (section.kind === 'item') continue;
          const first = seen.get(section.kind);
          if (first) {
            out.push({
              message: `The letter has one ${sectionSpec(section.kind)!.title.toLowerCase()}; this second one (the first is on line ${first.keywordRange.start.line + 1}) would be ignored. Merge the two.`,
              range: section.keywordRange,
              relatedInformation: [{ range: first.keywordRange, message: 'First one' }],
            });
          } else seen.set(section.kind, section);
        }
        for (const section of file.sections) if (section.kind !== 'item') duplicateFields(section, out);
        return out;
      },
    },
    {
      inputs: { unit: 'item', reads: [], absolutePositions: true },
      checkItem: (_ctx, item) => duplicateFields(item.section, []),
    },
    {
      // Fact labels are the first summary's (syntax/parser.ts).
      inputs: { unit: 'case', reads: ['summary'], absolutePositions: true },
      check({ model }) {
        const out: Found[] = [];
        for (const [name, facts] of model.facts) {
          for (let i = 1; i < facts.length; i++) {
            out.push({
              message: `The fact label [#${name}] is already used on line ${facts[0].label.range.start.line + 1}; each documented fact needs its own name.`,
              range: facts[i].label.range,
              relatedInformation: [{ range: facts[0].label.range, message: `[#${name}] first defined here` }],
            });
          }
        }
        return out;
      },
    },
    {
      // Each item against the items before it: reused while every item's service is what it was (the key) and no item moved.
      inputs: { unit: 'item', reads: [], absolutePositions: true, key: ({ model }) => firstServices(model).key },
      checkItem({ model }, item) {
        const key = serviceKey(item);
        if (!key) return NONE;
        const first = firstServices(model).first.get(key)!;
        if (first.index === item.index) return NONE;
        return [
          {
            severity: 'warning',
            message: `"${item.service}" is decided twice (first on line ${first.line + 1}); each disputed item gets one decision.`,
            range: item.section.service!.range,
          },
        ];
      },
    },
  ],
});

const serviceKey = (item: ItemModel) => item.service.trim().toLowerCase();

const firstServicesOf = new WeakMap<CaseModel, { key: string; first: Map<string, { index: number; line: number }> }>();

/** The first item of each service (by its lower-cased text), and every item's service as one key: once per run. */
function firstServices(model: CaseModel): { key: string; first: Map<string, { index: number; line: number }> } {
  const hit = firstServicesOf.get(model);
  if (hit) return hit;
  const first = new Map<string, { index: number; line: number }>();
  const keys: string[] = [];
  for (const item of model.items) {
    const key = serviceKey(item);
    keys.push(key);
    if (key && !first.has(key)) first.set(key, { index: item.index, line: item.section.keywordRange.start.line });
  }
  const out = { key: keys.join('\u0001'), first };
  firstServicesOf.set(model, out);
  return out;
}

type Found = Finding<Record<string, unknown>>;

/** What a part that finds nothing returns (never added to: each part with findings has its own array). */
const NONE: readonly Found[] = Object.freeze([]);

/**
 * A field given twice in one section, and a criterion listed twice in an item, added to `out`. Arrays, not
 * generators, in this rule's parts: a generator per section and part cost more than the checks (see missing-field.ts).
 */
function duplicateFields(section: Section, out: Found[]): Found[] {
  const spec = sectionSpec(section.kind);
  const byKey = new Map<string, number>();
  for (const field of section.fields) {
    const fs = spec?.fields.find((f) => f.key === field.key);
    if (!fs || fs.repeatable) continue;
    const firstLine = byKey.get(field.key);
    if (firstLine !== undefined) {
      out.push({
        message: `${capitalize(field.key)} is given twice (first on line ${firstLine + 1}); the letter can state it only once. Keep one.`,
        range: field.keyRange,
      });
    } else byKey.set(field.key, field.range.start.line);
  }
  if (section.kind === 'item' && section.criteria) {
    const ids = new Map<string, number>();
    for (const e of section.criteria.entries) {
      const id = e.id.value.toUpperCase();
      if (ids.has(id)) {
        out.push({
          message: `Criterion ${e.id.value} is listed twice in this item (first on line ${ids.get(id)! + 1}). Keep one status for it.`,
          range: e.id.range,
        });
      } else ids.set(id, e.range.start.line);
    }
  }
  return out;
}
