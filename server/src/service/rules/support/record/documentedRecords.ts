// The record classes a summary documents (unsupported-record-claim's term
// findings), as a keyed read of the summary (rules/summaryReads.ts): whether
// the summary documents one record class.
import { readSummary, type SummaryKey } from '../../summaryReads';
import { recordsDocumentedIn } from '../../../necessity/mentions';

/**
 * Whether the summary documents a record class: the union over its sentences of what each documents, so the answer
 * for a class differs only where a changed sentence, old or new, documents it (the others answer alike).
 */
const RECORD_DOCUMENTED: SummaryKey = {
  name: 'documented record class',
  changed(d, id) {
    let ids = d.memo.get(RECORD_DOCUMENTED) as Set<string> | undefined;
    if (!ids) {
      ids = new Set();
      const { old, new: added } = d.changedSentences();
      for (const s of [...old, ...added]) for (const c of recordsDocumentedIn(s.text)) ids.add(c);
      d.memo.set(RECORD_DOCUMENTED, ids);
    }
    return ids.has(id);
  },
};

/** Records the unit's read of whether the summary documents record class `id`. */
export function readRecordDocumented(id: string): void {
  readSummary(RECORD_DOCUMENTED, id);
}
