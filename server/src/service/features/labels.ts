// Fact labels as symbols: `[#x]` in the summary defines the fact x; `[#x]`
// as criterion evidence or in a rationale cites it. Go to definition, find
// references and rename all work on the label under the cursor.
import type { CaseFile, LabelRef, Position } from '../syntax/ast';
import { containsPosition } from '../syntax/positions';
import type { Location, PrepareRenameResult, TextEdit } from '../types';
import type { FeatureContext } from './context';

/** The shape every label name must have, as the parser reads `[#name]`. */
export const LABEL_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

export interface LabelOccurrence {
  ref: LabelRef;
  /** True for a label in the summary (a definition), false for a citation. */
  definition: boolean;
}

/** Every `[#label]` in the file, in source order. */
export function allLabels(file: CaseFile): LabelOccurrence[] {
  const out: LabelOccurrence[] = [];
  for (const section of file.sections) {
    if (section.kind === 'summary') {
      for (const ref of section.prose.labels) out.push({ ref, definition: true });
    } else if (section.kind === 'item') {
      for (const e of section.criteria?.entries ?? []) for (const ref of e.evidence) out.push({ ref, definition: false });
      for (const ref of section.rationale?.prose.labels ?? []) out.push({ ref, definition: false });
    }
  }
  return out;
}

export function labelAt(file: CaseFile, position: Position): LabelOccurrence | undefined {
  return allLabels(file).find((o) => containsPosition(o.ref.range, position));
}

export function definition({ uri, file, model }: FeatureContext, position: Position): Location | undefined {
  const at = labelAt(file, position);
  if (!at) return undefined;
  const fact = model.facts.get(at.ref.name)?.[0];
  return fact ? { uri, range: fact.label.nameRange } : undefined;
}

export function references({ uri, file }: FeatureContext, position: Position, includeDeclaration: boolean): Location[] {
  const at = labelAt(file, position);
  if (!at) return [];
  return allLabels(file)
    .filter((o) => o.ref.name === at.ref.name && (includeDeclaration || !o.definition))
    .map((o) => ({ uri, range: o.ref.nameRange }));
}

export function prepareRename({ file }: FeatureContext, position: Position): PrepareRenameResult | undefined {
  const at = labelAt(file, position);
  return at ? { range: at.ref.nameRange, placeholder: at.ref.name } : undefined;
}

/**
 * Why the label at `position` cannot be renamed to `newName`, in the author's
 * words; undefined if it can. The reason does not repeat the name: the editor
 * shows it beside the name typed, and VS Code's client also writes a refused
 * request's reason to the output channel, which is a log.
 */
export function renameProblem({ file }: FeatureContext, position: Position, newName: string): string | undefined {
  const at = labelAt(file, position);
  if (!at) return 'Put the cursor on a fact label such as [#neuro-findings] to rename it.';
  const name = newName.trim();
  if (name === at.ref.name) return undefined;
  if (!LABEL_NAME.test(name)) {
    return `The new name cannot name a fact: use letters, digits, dashes, dots or underscores, starting with a letter or digit (for example neuro-findings).`;
  }
  if (allLabels(file).some((o) => o.ref.name === name)) {
    return `The new name is already used in this case; choose a name no other fact or citation has.`;
  }
  return undefined;
}

/** Edits of every `[#old]` (definition and citations) to the new name; undefined when renameProblem refuses it. */
export function rename(ctx: FeatureContext, position: Position, newName: string): TextEdit[] | undefined {
  if (renameProblem(ctx, position, newName) !== undefined) return undefined;
  const at = labelAt(ctx.file, position)!;
  const name = newName.trim();
  if (name === at.ref.name) return [];
  return allLabels(ctx.file)
    .filter((o) => o.ref.name === at.ref.name)
    .map((o) => ({ range: o.ref.nameRange, newText: name }));
}
