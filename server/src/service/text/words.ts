// Small text helpers the rules, features, parser and importer share, written
// once so that a message capitalises and shortens the same way everywhere.

export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** `s` with every character a regular expression gives a meaning to escaped: a word list's entries as literal alternatives. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `s` cut to at most `max` characters, the last one an ellipsis when cut. */
export function truncate(s: string, max: number): string {
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}

/** "a, b or c": how a message lists the allowed values. */
export function orList(values: string[]): string {
  return values.length <= 1 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

/** The known word closest to a typo, if it is close enough to be a likely intent. */
export function closest(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDist = Infinity;
  for (const c of candidates) {
    const dist = editDistance(word.toLowerCase(), c.toLowerCase());
    if (dist < bestDist) {
      bestDist = dist;
      best = c;
    }
  }
  return best !== undefined && bestDist <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

/**
 * `candidates` ordered from the closest to `word` to the farthest (edit
 * distance, then the longer common beginning), so that the first of a typo's
 * fixes is the value it most likely meant: "overturn" lists "overturned"
 * before "upheld". Equal candidates keep their order.
 */
export function byCloseness(word: string, candidates: readonly string[]): string[] {
  const w = word.trim().toLowerCase();
  const key = (c: string) => {
    const l = c.toLowerCase();
    let prefix = 0;
    while (prefix < w.length && prefix < l.length && w[prefix] === l[prefix]) prefix++;
    return { dist: editDistance(w, l, Infinity), prefix };
  };
  return candidates
    .map((c, i) => ({ c, i, ...key(c) }))
    .sort((a, b) => a.dist - b.dist || b.prefix - a.prefix || a.i - b.i)
    .map((x) => x.c);
}

/** Levenshtein distance; 99 when the lengths differ by more than `maxLengthGap` (no likely typo). */
function editDistance(a: string, b: string, maxLengthGap = 3): number {
  if (Math.abs(a.length - b.length) > maxLengthGap) return 99;
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

/** Whitespace-insensitive form, to compare a match with the file text it came from. */
export function collapseSpace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** `text` on one line (runs of white space as one space), cut to `max` characters: how the outline and completion quote a sentence. */
export function oneLine(text: string, max: number): string {
  return truncate(collapseSpace(text), max);
}
