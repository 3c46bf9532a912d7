// The linebreak package (pdfkit's own line breaker, Unicode UAX #14) ships no
// types; the PDF renderer asks it where pdfkit may break a line.
declare module 'linebreak' {
  export default class LineBreaker {
    constructor(text: string);
    /** The next place a line may break: before text[position]; undefined after the last. */
    nextBreak(): { position: number; required: boolean } | null;
  }
}
