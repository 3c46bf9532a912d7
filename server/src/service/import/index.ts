// The letter importer's public face: letter text in, case-file text out.
export { importLetter, itemTitle } from './importLetter';
export type { ImportOptions, ImportResult, ImportRecognition, LetterLayout } from './types';
