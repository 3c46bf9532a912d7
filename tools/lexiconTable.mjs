// An esbuild plugin: bundles get the bundled lexicon's trie compiled at build
// time (server/src/service/reading/lexiconTable.ts says why). The table is
// lexiconTable() of the bundled files, run here on the sources as esbuild
// bundles them, so it is compiled from exactly the data and the code the
// bundle ships; a lexicon the matcher refuses fails the build.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * What the table of the tree whose reading/ folder is `reading` is compiled from: the lexicon's files and the reading
 * code. The tree is the bundled module's own (the bench bundles other commits' trees with this plugin).
 */
function inputs(reading) {
  return [reading, path.join(reading, '..', 'data', 'lexicon')].flatMap((dir) => fs.readdirSync(dir).map((f) => path.join(dir, f)));
}

/** By tree: the build's bundles share one table; a watch rebuild after an edit compiles it again. */
const cached = new Map();

async function tableModule(reading) {
  const key = inputs(reading)
    .map((f) => `${f}:${fs.statSync(f).mtimeMs}`)
    .join('|');
  if (cached.get(reading)?.key === key) return cached.get(reading).contents;
  // Without this plugin, lexiconFiles.ts reads the stub (no table) and compiles the lexicon.
  const out = await esbuild.build({
    stdin: {
      contents: "export { LEXICON_FILES } from './lexiconFiles';\nexport { lexiconTable } from './lexicon';\nexport { packTable } from './matcher';",
      resolveDir: reading,
      loader: 'ts',
    },
    bundle: true,
    write: false,
    platform: 'node',
    format: 'cjs',
    loader: { '.json': 'json' },
    logLevel: 'silent',
  });
  const module = { exports: {} };
  new Function('module', 'exports', out.outputFiles[0].text)(module, module.exports);
  const { LEXICON_FILES, lexiconTable, packTable } = module.exports;
  // Packed (matcher.ts, PackedTable) and unpacked when asked: V8 reads a long list as JSON.parse text faster than
  // the same list as code, and the unpacked table is garbage once the matcher is made of it (a module-level object
  // would be kept for good).
  const contents = [
    '// lexiconTable() of the bundled lexicon, compiled by tools/lexiconTable.mjs.',
    "import { unpackTable } from './matcher';",
    `const TABLE = ${JSON.stringify(packTable(lexiconTable(LEXICON_FILES)))};`,
    'export function bundledTable() {',
    '  return unpackTable(TABLE);',
    '}',
    '',
  ].join('\n');
  cached.set(reading, { key, contents });
  return contents;
}

export const lexiconTablePlugin = {
  name: 'lexicon-table',
  setup(build) {
    build.onLoad({ filter: /[\\/]service[\\/]reading[\\/]lexiconTable\.ts$/ }, async (args) => ({
      contents: await tableModule(path.dirname(args.path)),
      loader: 'js',
      resolveDir: path.dirname(args.path),
      watchFiles: inputs(path.dirname(args.path)),
    }));
  },
};
