// Completion.
import type { Position } from '../syntax/ast';
import type { CompletionItem } from '../types';
import type { FeatureContext } from './context';

export function completions(_ctx: FeatureContext, _position: Position, _today: Date = new Date()): CompletionItem[] {
  return [];
}
