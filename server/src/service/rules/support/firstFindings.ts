// Two record rules report from two readers of the same sentences: the case
// language's term lists first (their findings carry the criteria and fixes a
// written case needs), then the reading layer for any concept. Where both
// speak of the same words the first one's finding stands, so the author sees
// one finding per defect.
import type { Range } from '../../syntax/ast';
import { rangesOverlap } from '../../syntax/positions';

/** Every finding of `first`, then each of `then` whose range overlaps none of them. */
export function* firstThenUnreported<F extends { range: Range }>(first: Iterable<F>, then: Iterable<F>): Iterable<F> {
  const reported = [...first];
  yield* reported;
  for (const f of then) if (!reported.some((x) => rangesOverlap(x.range, f.range))) yield f;
}
