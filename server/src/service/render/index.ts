// The renderer's entry points: case -> letter model -> text, HTML or PDF.
// Every entry point catches what a broken case could throw, so the editor and
// the CLI always get a letter (possibly with placeholders) instead of an error.
import type { AnalysedCase } from '../model/caseModel';
import { buildLetterModel as build, type LetterModel, type LetterOptions } from './letterModel';
import { printable } from './printable';
import { renderText, type TextOptions } from './text';
import { renderHtmlDocument, renderLetterBody, escapeHtml } from './html';
import { renderPdf, type PdfOptions } from './pdf';
import { escapeHtmlWithLinks } from './links';
import { reportContained } from '../contained';
import type { LetterFormat } from './formats';

export interface RenderOptions extends LetterOptions, TextOptions, PdfOptions {
  /** HTML only: `document` (default) is the self-contained print page; `body` is the fragment the preview shows. */
  html?: 'document' | 'body';
  /** HTML body only (the preview): web addresses in the letter's paragraphs become links. Exports keep them as text. */
  links?: boolean;
}

export type { LetterFormat, LetterModel, LetterOptions };
export { renderText, renderLetterBody, renderHtmlDocument, renderPdf, escapeHtml };

const EMPTY: LetterModel = { header: [], sections: [] };

export function buildLetterModel(analysed: AnalysedCase | undefined, options: LetterOptions = {}): LetterModel {
  return analysed ? printable(build(analysed, options)) : EMPTY;
}

export function renderLetter(analysed: AnalysedCase | undefined, format: 'text' | 'html', options?: RenderOptions): string;
export function renderLetter(analysed: AnalysedCase | undefined, format: 'pdf', options?: RenderOptions): Promise<Uint8Array>;
export function renderLetter(analysed: AnalysedCase | undefined, format: LetterFormat, options?: RenderOptions): string | Promise<Uint8Array>;
export function renderLetter(analysed: AnalysedCase | undefined, format: LetterFormat, options: RenderOptions = {}): string | Promise<Uint8Array> {
  const letter = buildLetterModel(analysed, options);
  switch (format) {
    case 'pdf':
      return renderPdf(letter, options);
    case 'html':
      try {
        if (options.html !== 'body') return renderHtmlDocument(letter);
        return options.links ? renderLetterBody(letter, escapeHtmlWithLinks) : renderLetterBody(letter);
      } catch (err) {
        reportContained(err, 'html letter');
        return '';
      }
    default:
      try {
        return renderText(letter, options);
      } catch (err) {
        reportContained(err, 'text letter');
        return '';
      }
  }
}
