// A PhraseSet built and run in one call, for the hang guard (a worker thread
// cannot be handed a class instance).
import { PhraseSet } from '../../server/src/service/necessity/phrases';

export function phraseMatches(phrases: string[], text: string): Array<{ start: number; end: number }> {
  return new PhraseSet(phrases, { plurals: true }).matches(text).map((m) => ({ start: m.start, end: m.end }));
}
