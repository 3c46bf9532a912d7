// Case text shown in hover and completion documentation, which editors render
// as Markdown. Written as it stands, a sentence holding `![x](https://…)` or
// `<img src=…>` would make the editor fetch a remote image; `*` or `_` would
// turn into emphasis and drop out of the quote. A backslash before such a
// character shows it literally (CommonMark), so the author reads what the
// summary says and nothing is loaded.
const MARKDOWN_SPECIAL = /[\\`*_[\]<>#|~!]/g;

export function markdownText(caseText: string): string {
  return caseText.replace(MARKDOWN_SPECIAL, '\\$&');
}
