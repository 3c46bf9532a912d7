// The quality floor: the lowest recall (overall and per labelled category) and
// precision (overall and per finding code) the checker may score on the
// labelled letters. The corpus test fails below it; `npm run eval --
// --raise-floor` raises it to a better run's figures (never lowers it), so
// quality only ratchets up.
import type { Score } from './score';

export interface Floor {
  recall: number;
  precision: number;
  recallByCategory: Record<string, number>;
  precisionByCode: Record<string, number>;
}

/** Ratios are kept to three decimals, rounded down, so a run equal to the recorded one passes. */
const down = (x: number): number => Math.floor(x * 1000 + 1e-9) / 1000;
const ratio = (hit: number, n: number): number => (n ? hit / n : 1);

export function floorOf(s: Score): Floor {
  const recallByCategory: Record<string, number> = {};
  for (const [k, v] of Object.entries(s.byCategory).sort()) recallByCategory[k] = down(ratio(v.hit, v.n));
  const precisionByCode: Record<string, number> = {};
  for (const [k, v] of Object.entries(s.byCode).sort()) precisionByCode[k] = down(ratio(v.hit, v.n));
  return { recall: down(s.recall ?? 1), precision: down(s.precision ?? 1), recallByCategory, precisionByCode };
}

/** Each figure of `s` that is below the floor, said in words. A code that no longer fires has no false alarms, so its precision holds. */
export function belowFloor(s: Score, floor: Floor): string[] {
  const now = floorOf(s);
  const out: string[] = [];
  const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
  if (now.recall < floor.recall) out.push(`recall ${pct(now.recall)} < floor ${pct(floor.recall)}`);
  if (now.precision < floor.precision) out.push(`precision ${pct(now.precision)} < floor ${pct(floor.precision)}`);
  for (const [k, f] of Object.entries(floor.recallByCategory)) {
    const v = now.recallByCategory[k];
    if (v === undefined) out.push(`recall of ${k}: no labels of this category were scored (floor ${pct(f)})`);
    else if (v < f) out.push(`recall of ${k} ${pct(v)} (${s.byCategory[k].hit}/${s.byCategory[k].n}) < floor ${pct(f)}`);
  }
  for (const [k, f] of Object.entries(floor.precisionByCode)) {
    const v = now.precisionByCode[k];
    if (v !== undefined && v < f) out.push(`precision of ${k} ${pct(v)} (${s.byCode[k].hit}/${s.byCode[k].n}) < floor ${pct(f)}`);
  }
  return out;
}

/** The floor raised to `s` wherever `s` is better; never lowered. */
export function raiseFloor(floor: Floor | undefined, s: Score): Floor {
  const now = floorOf(s);
  if (!floor) return now;
  const max = (a: Record<string, number>, b: Record<string, number>): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const k of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) out[k] = Math.max(a[k] ?? 0, b[k] ?? 0);
    return out;
  };
  return {
    recall: Math.max(floor.recall, now.recall),
    precision: Math.max(floor.precision, now.precision),
    recallByCategory: max(floor.recallByCategory, now.recallByCategory),
    precisionByCode: max(floor.precisionByCode, now.precisionByCode),
  };
}
