// Every string of a letter model without its format characters (bidi
// controls, zero-width spaces and joiners, soft hyphens): they print nothing,
// and a bidi override would make the letter show words in another order than
// the checks read them. Done once on the model, so the text, HTML, PDF and
// the preview all print the same characters (text/printed.ts says why).
// The importer's zero-width escapes ("[\u200b#", "\u200b--", which keep a
// letter's own "[#" and "--" from reading as case syntax) go too, which gives
// back exactly what the published letter printed.
import { withoutInvisible } from '../text/printed';

/** A copy of `value` with every string in it stripped of format characters (plain data: objects, arrays, scalars). */
export function printable<T>(value: T): T {
  if (typeof value === 'string') return withoutInvisible(value) as T;
  if (Array.isArray(value)) return value.map((v) => printable(v)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = printable(v);
    return out as T;
  }
  return value;
}
