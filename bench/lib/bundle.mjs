// The bench's own bundle of a tree's bench/entry.ts (the service, the synthetic
// cases and the limit shapes), as the shipped bundles are built (esbuild.mjs).
import * as esbuild from 'esbuild';
import { lexiconTablePlugin } from '../../tools/lexiconTable.mjs';

export async function bundleService(entry, outfile) {
  await esbuild.build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    loader: { '.json': 'json' },
    // node_modules is at hand when benchmarking; pdfkit in particular must load its own data files.
    packages: 'external',
    logLevel: 'warning',
    // The bundled lexicon's trie compiled at build time, as in the shipped bundles.
    plugins: [lexiconTablePlugin],
  });
}
