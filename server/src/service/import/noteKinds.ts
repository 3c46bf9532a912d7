// What each kind of importer note means, in words that quote nothing of the
// letter. `imr import` prints these on standard error (file, line, kind),
// where a terminal log or CI output could keep them: the full message, which
// may quote a few words of the letter to say where a difference is, stays in
// the editor's Problems panel, beside the case file it points into.
export const NOTE_KINDS: Record<string, string> = {
  'import-missing-part': 'the letter lacks a part; add it from the case file',
  'import-unplaced': 'letter text with no place in the case file, kept as a comment',
  'import-boilerplate': '"How the determination was made" worded differently; the letter\'s wording is kept as a comment',
  'import-spacing': 'a blank before the colon of an item heading',
  'import-guideline-form': 'a guideline line the rendered letter prints in another form',
  'import-label-differs': "the reviewer's guideline line has another label than the organization's",
  'import-date-normalized': 'a header date written another way, now MM/DD/YYYY',
  'import-not-found': "the worker's age, sex or diagnosis could not be read from the summary; add it under worker",
  'import-sentence-joined': 'a page break inside a summary sentence was joined',
  'import-page-furniture': 'page headers, footers or numbers removed',
  'import-page-unreadable': 'a PDF page could not be read and was skipped; its text is missing from the case',
  'import-older-layout': 'the 2013 notice layout; what could not be placed is kept as comments',
  'import-unknown-layout': 'the layout is not recognised; the whole letter is kept as comments',
  'import-empty': 'the file has no text (a scanned PDF needs text recognition first)',
  'import-failed': 'the importer could not divide the letter into parts; its text is kept as comments',
};

/** The kind of a note as `imr import` prints it. */
export function noteKind(code: string): string {
  return NOTE_KINDS[code] ?? 'see the case file at this line';
}
