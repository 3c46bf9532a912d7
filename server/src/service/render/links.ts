// Web addresses in letter text (guideline citations such as
// "https://www.dir.ca.gov/...") as links, for the live preview only. The
// preview's page script never lets a link navigate: a click asks the
// extension, which asks the user (client/src/preview/links.ts). Exported
// letters keep addresses as plain text: a printed or mailed letter shows the
// address as written, and a saved HTML file should not send its reader
// anywhere on a stray click.
import { escapeHtml } from './html';

/**
 * An address written out with its scheme. It ends before white space, quotes,
 * angle brackets and backslashes (none of which a letter's URL contains), and
 * trailing punctuation of the sentence is left out (see `trimEnd`).
 */
const URL_PATTERN = /\b(?:https?:\/\/|mailto:)[^\s<>"'`\\]+/gi;

/**
 * Sentence punctuation after an address is not part of it; a ")" is, when the
 * address opened one. The parentheses are counted once and the counts kept as
 * the end moves back, so an address ending in thousands of ")" or ".)" costs
 * its length, not its length squared (it took a minute per preview update).
 */
export function trimEnd(url: string): string {
  let open = 0;
  let close = 0;
  for (let i = 0; i < url.length; i++) {
    const c = url.charCodeAt(i);
    if (c === 0x28) open++;
    else if (c === 0x29) close++;
  }
  let end = url.length;
  while (end > 0) {
    const c = url[end - 1];
    if ('.,;:!?'.includes(c)) end--;
    else if (c === ')' && open < close) {
      end--;
      close--;
    } else break;
  }
  return url.slice(0, end);
}

/** `text` escaped as HTML, with each web address in it made a link (`<a class="external" href="…">`). */
export function escapeHtmlWithLinks(text: string): string {
  const s = String(text);
  let out = '';
  let last = 0;
  for (const m of s.matchAll(URL_PATTERN)) {
    const url = trimEnd(m[0]);
    // A bare "https://" or "mailto:" is no address.
    if (/^(?:https?:\/\/|mailto:)$/i.test(url)) continue;
    out += escapeHtml(s.slice(last, m.index));
    const shown = escapeHtml(url);
    out += `<a class="external" href="${shown}">${shown}</a>`;
    last = m.index! + url.length;
  }
  return out + escapeHtml(s.slice(last));
}
