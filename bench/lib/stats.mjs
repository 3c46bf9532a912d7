// Timing helpers: repeated runs, medians and 95th percentiles (nearest rank).
import { performance } from 'node:perf_hooks';

export function summarize(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
  return { runs: s.length, median: round(at(0.5)), p95: round(at(0.95)), min: round(s[0]), max: round(s[s.length - 1]) };
}

export function round(x, digits = 3) {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Runs fn `warmup` times unmeasured, then `runs` times; returns milliseconds per run. */
export function time(fn, runs, warmup = Math.min(10, runs)) {
  for (let i = 0; i < warmup; i++) fn(i);
  const out = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn(i + warmup);
    out.push(performance.now() - t);
  }
  return summarize(out);
}

export async function timeAsync(fn, runs, warmup = Math.min(3, runs)) {
  for (let i = 0; i < warmup; i++) await fn(i);
  const out = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(i + warmup);
    out.push(performance.now() - t);
  }
  return summarize(out);
}
