// Every string of a letter model without its format characters (bidi
// controls, zero-width spaces and joiners, soft hyphens): they print nothing,
// and a bidi override would make the letter show words in another order than
// the checks read them. Done once on the model, so the text, HTML, PDF and
// the preview all print the same characters (text/printed.ts says why).
// The importer's zero-width escapes ("[\u200b#", "\u200b--", which keep a
// letter's own "[#" and "--" from reading as case syntax) go too, which gives
// back exactly what the published letter printed.
import { withoutInvisible } from '../text/printed';

/**
 * `value` with every string in it stripped of format characters (plain data: objects, arrays, scalars). An object or
 * array none of whose strings has one is returned as it is (the model is built for each render, and no renderer
 * changes it); one that has is copied, with its other members shared. A letter of thousands of items has hundreds of
 * thousands of members, and copying each was a third of the preview's time.
 */
export function printable<T>(value: T): T {
  if (typeof value === 'string') return withoutInvisible(value) as T;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      const p = printable(v);
      if (p !== v) (out ??= value.slice())[i] = p;
    }
    return (out ?? value) as T;
  }
  if (value && typeof value === 'object') {
    let out: Record<string, unknown> | undefined;
    for (const [k, v] of Object.entries(value)) {
      const p = printable(v);
      if (p !== v) (out ??= { ...(value as Record<string, unknown>) })[k] = p;
    }
    return (out ?? value) as T;
  }
  return value;
}
