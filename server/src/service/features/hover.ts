// Hover: what the thing under the cursor means in the letter.
import type { Position } from '../syntax/ast';
import type { Hover } from '../types';
import type { FeatureContext } from './context';

export function hover(_ctx: FeatureContext, _position: Position): Hover | undefined {
  return undefined;
}
