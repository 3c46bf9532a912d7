// The clinical reading layer's public face: what rules and features import.
export type * from './types';
export { createReader, readSentence, type Reader, type SentencePreview } from './reader';
export { compileLexicon, lexiconTable, LexiconError, type Lexicon, type Site, type CueDef, type Entry } from './lexicon';
export { bundledLexicon, LEXICON_FILES } from './lexiconFiles';
export { PhraseMatcher, PhraseError, leftmostLongest, phraseVariants, type PhraseHit, type MatcherTable } from './matcher';
export { tokenize, type Token } from './tokens';
export { splitSentences, sourceOffset, type SplitSentence, type SplitOptions } from '../text/sentences';
