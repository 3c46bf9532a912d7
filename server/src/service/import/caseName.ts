// The file name an imported case is offered under: its case number, as a
// quality team files the letters (`CM16-0213037.imr`); without one, the
// letter's own name. Never the case file's first line, which is a comment.
const CASE_LINE = /^case[ \t]+(CM\d{2}-\d{7})[ \t]*$/m;

export function caseFileName(caseText: string, letterName?: string): string {
  const number = CASE_LINE.exec(caseText)?.[1];
  if (number) return `${number}.imr`;
  const base = (letterName ?? '')
    .replace(/^.*[\\/]/, '')
    .replace(/\.[^.]*$/, '')
    .replace(/[^\w.-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${base || 'imported-letter'}.imr`;
}
