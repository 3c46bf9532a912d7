import type { SentenceReading } from './types';
import { countBefore } from '../text/bisect';

/** The reader's clause of a sentence that holds an offset, if any (a clause of no length holds its own start). */
export function clauseHolding(reading: SentenceReading, at: number): SentenceReading['clauses'][number] | undefined {
  // The clauses are in order and do not overlap: the one that can hold `at` is the last starting at or before it.
  const x = reading.clauses[countBefore(reading.clauses, (c) => c.start <= at) - 1];
  return x && at < Math.max(x.end, x.start + 1) ? x : undefined;
}
