// The bundled lexicon's trie, compiled by the build: esbuild.mjs (and the
// bench's bundle) replace this module with one whose bundledTable() returns
// lexiconTable() of the bundled files (tools/lexiconTable.mjs), so a process
// does not add the lexicon's phrases one by one at its first reading. Run
// from the sources (the unit tests, tools) there is no table, and the
// lexicon is compiled.
import type { MatcherTable } from './matcher';

/** The table, parsed afresh at each call (the compiled matcher is what is kept), or undefined: none was built. */
export function bundledTable(): MatcherTable | undefined {
  return undefined;
}
