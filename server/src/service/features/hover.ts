// Hover: what the thing under the cursor means in the letter. Wording comes
// from data (data/fields.json, decisionValues.json) so a clinical editor can
// change it without touching code.
import { ownValue } from '../text/own';
import type { Position, Range, Section } from '../syntax/ast';
import { containsPosition } from '../syntax/positions';
import { fieldSpec, sectionSpec, type FieldSpec } from '../schema/fields';
import type { Hover } from '../types';
import type { FeatureContext } from './context';
import type { HoverContributor } from './contributors';
import { labelAt } from './labels';
import { markdownText } from './markdown';
import decisionValues from './decisionValues.json';
import { reportContained } from '../contained';

/** The hover of the thing under the cursor: this module's own, else the first contributor's (e.g. a criterion id's text). */
export function hover(ctx: FeatureContext, position: Position, contributors: readonly HoverContributor[] = []): Hover | undefined {
  const own = ownHover(ctx, position);
  if (own) return own;
  for (const contribute of contributors) {
    try {
      const h = contribute(ctx, position);
      if (h) return h;
    } catch (err) {
      // A contributor's bug costs only its own hover.
      reportContained(err, 'hover');
    }
  }
  return undefined;
}

function ownHover(ctx: FeatureContext, position: Position): Hover | undefined {
  const { file, model } = ctx;
  const label = labelAt(file, position);
  if (label) {
    const name = label.ref.name;
    const fact = model.facts.get(name)?.[0];
    const value = fact
      ? `**[#${name}]** — the summary documents:\n\n> ${markdownText(fact.sentence.text)}`
      : `**[#${name}]** names no fact: no summary sentence carries this label. Put [#${name}] after the sentence that documents it.`;
    return markdown(value, label.ref.range);
  }
  for (const section of file.sections) {
    if (!containsPosition(section.range, position)) continue;
    if (containsPosition(section.keywordRange, position)) return sectionHover(section);
    for (const field of section.fields) {
      if (containsPosition(field.keyRange, position)) {
        const spec = fieldSpec(section.kind, field.key);
        return spec ? fieldHover(spec, field.keyRange) : undefined;
      }
      if (section.kind === 'item' && field.key === 'decision' && containsPosition(field.valueRange, position)) {
        const text = ownValue(decisionValues as Record<string, string>, field.value.trim().toLowerCase());
        return text ? markdown(text, field.valueRange) : undefined;
      }
    }
    if (section.kind === 'item') {
      if (section.criteria && containsPosition(section.criteria.keywordRange, position)) {
        const spec = fieldSpec('item', 'criteria');
        return spec && fieldHover(spec, section.criteria.keywordRange);
      }
      if (section.rationale && containsPosition(section.rationale.keywordRange, position)) {
        const spec = fieldSpec('item', 'rationale');
        return spec && fieldHover(spec, section.rationale.keywordRange);
      }
    }
  }
  return undefined;
}

function sectionHover(section: Section): Hover | undefined {
  const spec = sectionSpec(section.kind);
  if (!spec) return undefined;
  return markdown(`**${spec.title}** (\`${spec.keyword}\`)\n\n${spec.description}`, section.keywordRange);
}

function fieldHover(spec: FieldSpec, range: Range): Hover {
  const need = spec.required ? 'Required.' : 'Optional.';
  const values = spec.values ? ` One of: ${spec.values.map((v) => `\`${v}\``).join(', ')}.` : '';
  return markdown(`**${spec.key}** — in the letter: ${spec.letter}\n\n${spec.description}\n\n${need}${values}`, range);
}

function markdown(value: string, range: Range): Hover {
  return { contents: { kind: 'markdown', value }, range };
}
