// Text is often held as pieces laid end to end in a joined string (a
// sentence's parts around page furniture, a paragraph's lines): each piece
// knows where it starts in the joined text. Mapping an offset of the joined
// text back to its piece is the same bisection wherever it is needed, so it
// lives here once.

/**
 * The index of the last piece whose `offset` is at or before `offset`
 * (pieces sorted by offset, at least one). Offsets before the first piece
 * map to the first; offsets past the end map to the last.
 */
export function pieceAt(pieces: readonly { offset: number }[], offset: number): number {
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pieces[mid].offset <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
