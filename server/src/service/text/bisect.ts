// Binary search over ordered lists. The reading layer and the record rules look up
// a mention's clause, the mentions after a cue and the nearest side by offset, once
// per mention: a linear search there made one long sentence quadratic (issue 12).

/**
 * The number of leading items of `list` for which `before` holds, where `before` holds for a prefix of the list
 * and for nothing after it (the list is ordered by what `before` tests): the index of the first item it fails.
 */
export function countBefore<T>(list: ArrayLike<T>, before: (item: T) => boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(list[mid])) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
