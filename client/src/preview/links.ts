// Which links the preview may open, and how the user is asked. Pure (no
// `vscode`), so the unit tests check the decision. The page script sends the
// href of any link clicked; the page shows case text, so whatever it sends is
// treated as untrusted: only web and e-mail addresses, and each only after
// the user says yes in a modal dialog (openLink.ts).

export const OPEN_LINK_ACTION = 'Open';

/** Longer than any guideline's address; a longer href is not one the letter came with. */
const MAX_LENGTH = 2048;
const SCHEMES = new Map([
  ['https:', 'in your browser'],
  ['http:', 'in your browser'],
  ['mailto:', 'in your e-mail program'],
]);

export type LinkDecision = { open: true; url: string; prompt: string } | { open: false; reason: string };

export function decideLink(href: unknown): LinkDecision {
  if (typeof href !== 'string' || href.trim() === '')
    return { open: false, reason: 'IMR Author: the preview sent a link with no address; nothing was opened.' };
  if (href.length > MAX_LENGTH)
    return {
      open: false,
      reason: `IMR Author did not open a link of ${href.length} characters from the preview: web addresses are shorter than ${MAX_LENGTH}.`,
    };
  // Spaces and control characters have no place in an address the letter shows, and can hide its real end.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  if (/[\s\u0000-\u001f\u007f-\u009f]/.test(href))
    return { open: false, reason: 'IMR Author did not open a link from the preview: its address contains spaces or control characters.' };
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return { open: false, reason: 'IMR Author did not open a link from the preview: it is not a complete web address (https://…).' };
  }
  const where = SCHEMES.get(url.protocol);
  if (!where)
    return { open: false, reason: `IMR Author opens only web (https, http) and e-mail (mailto) links from the preview, not "${url.protocol}" links.` };
  // "https://trusted.example@elsewhere.example" reads as one host and goes to another.
  if (url.username || url.password)
    return { open: false, reason: 'IMR Author did not open a link from the preview: its address carries a user name or password.' };
  // The normalized address (host in punycode), so what the dialog shows is exactly what opens.
  return { open: true, url: url.href, prompt: `Open ${url.href} ${where}?` };
}
