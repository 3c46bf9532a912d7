// The text a letter prints, as one normalization shared by the renderers and
// the checks that read letter text (phi). A letter can be written with
// characters that look like others: a non-breaking hyphen in "123‑45‑6789",
// full-width digits, a zero-width space inside "Mr. John Smith". The PDF
// prints them as the ordinary characters, so a check that read the raw text
// with ASCII patterns saw nothing while the letter printed the number. And
// format characters (bidi overrides, zero-width joiners) print nothing at all
// but can reorder what is shown: "not medically necessary" displayed under an
// Overturned decision while the check read the words in logical order. So:
//
// - `printedForm` is the text as a reader sees it: NFKC (full-width and
//   compatibility forms to their plain letters and digits), format characters
//   removed, every dash to "-" and every space to " ", with a map from each
//   of its offsets back to the written text, so a finding's range is exact;
// - `withoutInvisible` drops the format characters only, for the renderers
//   (which keep the author's dashes, spaces and letters as written).

/** Any character past ASCII: text without one has nothing to fold. */
const NON_ASCII = /[^\p{ASCII}]/u;
/** Unicode format characters (general category Cf): zero-width spaces and joiners, bidi controls, soft hyphen, tags. */
const FORMAT = /\p{Cf}/u;
const FORMAT_ALL = /\p{Cf}/gu;
/** Dashes of every kind (Pd) and the minus signs, which print as a hyphen would. */
const DASH = /[\p{Pd}\u2212\uFE63\uFF0D]/u;
/** Space separators (Zs: no-break, figure, thin, ideographic spaces) print as a space. */
const SPACE = /\p{Zs}/u;

/** Bidi controls: embeddings, overrides, isolates and marks. They reorder the text shown around them. */
export const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

export interface PrintedForm {
  text: string;
  /**
   * For each offset of `text`, the offset in the written text where the
   * character it came from starts, and where it ends. Absent when nothing was
   * folded: the offsets are the written ones (no two arrays the length of the
   * text built on every check of a plain ASCII case).
   */
  from?: number[];
  to?: number[];
}

/** The text as printed, with the way back to the written offsets. */
export function printedForm(written: string): PrintedForm {
  // Plain ASCII (most letters, nearly all of the time) has nothing to fold.
  if (!NON_ASCII.test(written)) return { text: written };
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < written.length;) {
    const cp = written.codePointAt(i)!;
    const c = String.fromCodePoint(cp);
    const end = i + c.length;
    let out: string;
    if (cp < 0x80) out = c;
    else if (FORMAT.test(c)) out = '';
    else if (SPACE.test(c)) out = ' ';
    else if (DASH.test(c)) out = '-';
    else {
      out = c.normalize('NFKC');
      // NFKC can give a dash or space of its own (a full-width hyphen-minus).
      out = [...out].map((o) => (DASH.test(o) ? '-' : SPACE.test(o) ? ' ' : o)).join('');
    }
    for (let k = 0; k < out.length; k++) {
      from.push(i);
      to.push(end);
    }
    text += out;
    i = end;
  }
  return { text, from, to };
}

/** The written range of `printed.text`'s [start, end). */
export function writtenRange(printed: PrintedForm, start: number, end: number): { start: number; end: number } {
  const { from, to } = printed;
  if (!from || !to) return { start, end: Math.max(start, end) };
  if (end <= start) return { start: from[start] ?? 0, end: from[start] ?? 0 };
  return { start: from[start], end: to[end - 1] };
}

/** `text` without its format characters: what every renderer prints. */
export function withoutInvisible(text: string): string {
  return NON_ASCII.test(text) ? text.replace(FORMAT_ALL, '') : text;
}

/** Whether `c` (one character) is a format character that prints nothing. */
export function isInvisible(c: string): boolean {
  return FORMAT.test(c);
}
