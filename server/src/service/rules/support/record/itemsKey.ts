// What an item's record checks read of the other items and outside the
// parts of the case (rules/engine.ts `inputs.key`): every item's disputed
// service (the concepts a rationale may name as requested, the sites the
// letter names, the body part of another item), every item's `authorized`
// field (an approval a rationale relies on), and, for the dated claims,
// the dates the letter gives outside its rationales (rules/support/record/caseDates.ts).
// A unit of detail-mismatch or unsupported-record-claim is reused only while
// this key is the same.
import type { RuleContext } from '../../defineRule';
import { getField, type CaseModel } from '../../../model/caseModel';
import { caseDates } from './caseDates';

const keys = new WeakMap<CaseModel, string>();

/** Every item's service and `authorized` field, in item order, and the dates the letter gives outside its rationales (once per run). */
export function itemServicesAndDatesKey({ file, model }: RuleContext): string {
  const hit = keys.get(model);
  if (hit !== undefined) return hit;
  const parts: string[] = [];
  for (const item of model.items) parts.push(item.service, getField(item.section, 'authorized')?.value ?? '\u0002');
  const key = `${parts.join('\u0001')}\u0000${[...caseDates(file)].join(',')}`;
  keys.set(model, key);
  return key;
}
