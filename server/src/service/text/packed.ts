// Array.prototype.map, keeping its result packed. Once V8's optimizing
// compiler inlines a call of map, the array it returns is holey (another
// elements kind than the packed arrays the same call returned before, as
// %HasHoleyElements shows), so every optimized function that had only seen
// the packed ones deoptimizes the first time it meets one and is compiled
// again. For an array that many rules read (a reading's mentions, a prose's
// paragraphs, the case's items) that is many recompilations a few hundred
// letters into a batch; pushing keeps one kind from the first call on.

/** `xs.map(fn)`, as a packed array. */
export function mapPacked<T, U>(xs: readonly T[], fn: (x: T, index: number) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < xs.length; i++) out.push(fn(xs[i], i));
  return out;
}
