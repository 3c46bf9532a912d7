// The letter as HTML. One body fragment serves both uses: the exported file
// (a self-contained page, black on white, ready to print) and the live preview
// (the same markup, styled by media/preview.css with the editor's theme
// colours). Every piece of case text passes through `escapeHtml`; the only
// markup is ours. Each block carries `data-line`, its source line in the case
// file, which the preview uses for scroll sync and double-click navigation.
import { paragraphText, type LetterModel, type LetterParagraph, type Run } from './letterModel';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

function lineAttr(line: number | undefined): string {
  return line === undefined ? '' : ` data-line="${line}"`;
}

/** How case text becomes HTML: plain escaping, or (preview only) escaping with web addresses made links. */
type TextToHtml = (text: string) => string;

function runs(rs: Run[], toHtml: TextToHtml): string {
  return rs
    .map((r) => {
      const t = toHtml(r.text);
      if (r.missing) return `<span class="missing" title="Not written yet">[${t}]</span>`;
      return r.strong ? `<strong>${t}</strong>` : t;
    })
    .join('');
}

function paragraph(p: LetterParagraph, toHtml: TextToHtml): string {
  const lead = p.lead ? `<span class="lead">${escapeHtml(p.lead)}</span> ` : '';
  const cls = `${p.kind}${p.tight ? ' tight' : ''}${p.decision ? ` ${p.decision}` : ''}`;
  if (p.kind === 'criteria') return criteriaTable(p);
  return `<p class="${cls}"${lineAttr(p.line)}>${lead}${runs(p.runs, toHtml)}</p>`;
}

function criteriaTable(p: LetterParagraph): string {
  const caption = escapeHtml(paragraphText(p));
  const rows = (p.rows ?? [])
    .map(
      (r) =>
        `<tr${lineAttr(r.line)}><td>${escapeHtml(r.id)}</td><td>${escapeHtml(r.status)}</td><td>${r.evidence.map(escapeHtml).join('<br>')}${
          r.note ? `${r.evidence.length ? '<br>' : ''}<em>${escapeHtml(r.note)}</em>` : ''
        }</td></tr>`,
    )
    .join('');
  return `<table class="criteria"${lineAttr(p.line)}><caption>${caption}</caption><thead><tr><th>Criterion</th><th>Status</th><th>Evidence</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/**
 * The letter's body: header block and sections, no page chrome. `toHtml`
 * turns the letter's paragraph text into HTML; the preview passes one that
 * also makes web addresses links (render/links.ts).
 */
export function renderLetterBody(letter: LetterModel, toHtml: TextToHtml = escapeHtml): string {
  const out: string[] = [letter.draft ? '<article class="imr-letter draft">' : '<article class="imr-letter">'];
  if (letter.draft) out.push(`<p class="draft-notice" role="note">${escapeHtml(letter.draft.notice)}</p>`);
  if (letter.header.length) {
    out.push('<table class="letter-header">');
    for (const row of letter.header) {
      const cells = row.map((f) => `<th>${escapeHtml(f.label)}</th><td>${escapeHtml(f.value)}</td>`);
      out.push(`<tr${lineAttr(row[0].line)}>${cells.join('')}</tr>`);
    }
    out.push('</table>');
  }
  for (const s of letter.sections) {
    out.push(`<section><h2${lineAttr(s.line)}>${escapeHtml(s.heading)}</h2>`);
    for (const p of s.paragraphs) out.push(paragraph(p, toHtml));
    out.push('</section>');
  }
  out.push('</article>');
  return out.join('\n');
}

/** Print styles for the exported page: black on white, letter-sized margins. */
export const PRINT_CSS = `
@page { size: letter; margin: 1in; }
html { background: #fff; }
body { color: #000; background: #fff; font: 11pt/1.45 "Helvetica Neue", Helvetica, Arial, sans-serif; max-width: 7in; margin: 1in auto; }
.letter-header { border-collapse: collapse; margin-bottom: 1.5em; }
.letter-header th { text-align: left; font-weight: bold; padding: 0 .4em 0 0; white-space: nowrap; }
.letter-header td { padding: 0 2.5em 0 0; white-space: nowrap; }
h2 { font-size: 11pt; font-weight: bold; margin: 1.6em 0 .8em; page-break-after: avoid; }
p { margin: 0 0 .9em; orphans: 3; widows: 3; }
p.credential { margin: 0; }
p.document { margin: 0 0 .25em; }
p.item-title { font-weight: bold; margin-top: 1.4em; page-break-after: avoid; }
.lead { font-weight: bold; }
.missing { border: 1px dashed #000; padding: 0 .2em; }
table.criteria { border-collapse: collapse; width: 100%; margin: 0 0 1.2em; font-size: 9.5pt; page-break-inside: avoid; }
table.criteria caption { text-align: left; font-weight: bold; padding-bottom: .3em; }
table.criteria th, table.criteria td { border: 1px solid #000; padding: .2em .4em; text-align: left; vertical-align: top; }
.draft-notice { border: 2px solid #000; padding: .4em .6em; font-weight: bold; }
.draft-mark { position: fixed; top: 45%; left: 0; right: 0; text-align: center; font: bold 96pt Helvetica, Arial, sans-serif; color: rgba(0, 0, 0, .12); transform: rotate(-30deg); pointer-events: none; }
@media print { body { margin: 0; max-width: none; } }
`;

/** The exported letter: one self-contained HTML file, no scripts, nothing loaded from elsewhere. */
export function renderHtmlDocument(letter: LetterModel): string {
  const title = letter.caseNumber ? `IMR Final Determination ${letter.caseNumber}` : 'IMR Final Determination';
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${PRINT_CSS}</style>`,
    '</head>',
    '<body>',
    // position: fixed prints on every page of the printed letter.
    ...(letter.draft ? [`<div class="draft-mark" aria-hidden="true">${escapeHtml(letter.draft.mark)}</div>`] : []),
    renderLetterBody(letter),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
