// A string that holds only its own characters. V8 keeps a slice of 13
// characters or more as a view into the string it was cut from, so a word or
// a sentence kept past its case (a memo that outlives the document, a rule
// result kept for the next version) would keep that case's whole text alive.

/** `s` as a string of its own: `' ' + s` is joined into a new flat string on the slice, so the result views that copy, not `s`'s parent. */
export function detached(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
