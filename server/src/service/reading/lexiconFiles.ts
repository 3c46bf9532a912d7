// Every file of data/lexicon/, bundled (the service reads nothing from disk).
// A new file must be listed here: test/unit/reading-lexicon.test.ts fails
// when a file of the folder is missing, so none is silently ignored.
import context from '../data/lexicon/context.json';
import sites from '../data/lexicon/sites.json';
import { compileLexicon, type Lexicon } from './lexicon';

export const LEXICON_FILES: Readonly<Record<string, unknown>> = {
  'context.json': context,
  'sites.json': sites,
};

/** The bundled lexicon, compiled afresh (the service compiles it once and owns it). */
export function bundledLexicon(): Lexicon {
  return compileLexicon(LEXICON_FILES);
}
