// Bundles the three entry points. The client runs in VS Code's extension host
// (which provides `vscode`), the server and the CLI run in plain Node.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lexiconTablePlugin } from './tools/lexiconTable.mjs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'info',
  // JSON data files (criteria, term lists, rule texts) are bundled as data.
  loader: { '.json': 'json' },
};

// pdfkit loads its standard fonts with a `createRequire(__filename)` call that
// esbuild cannot follow, and that would look in our package, not pdfkit's, at
// run time. Point those loads at pdfkit's public font modules so they are bundled.
const pdfkitFonts = {
  name: 'pdfkit-standard-fonts',
  setup(build) {
    build.onLoad({ filter: /[\\/]pdfkit[\\/]js[\\/]pdfkit\.js$/ }, async (args) => ({
      contents: (await fs.promises.readFile(args.path, 'utf8')).replace(/require\$1\('#standard-fonts\//g, "require('pdfkit/standard-fonts/"),
      loader: 'js',
    }));
  },
};
// esbuild escapes non-ASCII characters in strings but not in regular
// expression literals or kept comments, and a single one makes V8 hold the
// whole bundle's source as a two-byte string: 8.7 MB of the language server's
// heap instead of 4.3. Escaping them (\uXXXX means the same character in a
// regular expression, and nothing in a comment) keeps the source one-byte.
// The source map's columns on those few lines are off by five per character.
const asciiOutput = {
  name: 'ascii-output',
  setup(build) {
    build.onEnd((result) => {
      const file = build.initialOptions.outfile;
      if (result.errors.length || !file || !fs.existsSync(file)) return;
      const source = fs.readFileSync(file, 'utf8');
      const ascii = source.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
      if (ascii !== source) fs.writeFileSync(file, ascii);
    });
  },
};
// lexiconTablePlugin: the bundled lexicon's trie is compiled here, not at every start (server/src/service/reading/lexiconTable.ts).
common.plugins = [pdfkitFonts, asciiOutput, lexiconTablePlugin];

// The language server makes no PDF (the preview and export are the client's,
// `imr render` the CLI's), and pdfkit with its font code (fontkit, brotli's
// dictionary) is 2.4 MB, over half of a bundle whose whole source V8 keeps in
// memory. render/pdf.ts requires pdfkit on the first PDF only; in the server's
// bundle that require finds a stand-in that says why (renderPdf contains it).
const noPdfInServer = {
  name: 'no-pdf-in-server',
  setup(build) {
    build.onResolve({ filter: /^(?:pdfkit|linebreak)$/ }, (args) => ({ path: args.path, namespace: 'no-pdf' }));
    build.onLoad({ filter: /.*/, namespace: 'no-pdf' }, (args) => ({
      contents: `throw new Error(${JSON.stringify(`${args.path} is left out of the language server's bundle: the server makes no PDF (esbuild.mjs)`)});`,
      loader: 'js',
    }));
  },
};

// The CLI makes a PDF only for `imr render`, and loads pdfkit then (render/pdf.ts); bundled in, pdfkit, fontkit and
// brotli's dictionary were 2.3 MB of dist/cli.js's 5 MB, which V8 reads through at every start of the CLI and of
// each of its worker threads (about 20 ms of `imr check` of one case). In the CLI's bundle, those requires find
// dist/pdf-libs.js (cli/src/pdfLibs.ts, the same modules bundled apart), loaded on the first PDF.
const pdfLibsApart = {
  name: 'pdf-libs-apart',
  setup(build) {
    build.onResolve({ filter: /^(?:pdfkit|linebreak)$/ }, (args) => ({ path: args.path, namespace: 'pdf-libs' }));
    build.onResolve({ filter: /^\.\/pdf-libs\.js$/ }, (args) => ({ path: args.path, external: true }));
    build.onLoad({ filter: /.*/, namespace: 'pdf-libs' }, (args) => ({
      contents: `module.exports = require('./pdf-libs.js').${args.path};`,
      loader: 'js',
    }));
  },
};

// The importer's decoded-size budget (server/src/service/import/pdfLimits.ts):
// pdf.js grows every decompression buffer in one place, DecodeStream's
// ensureBuffer. In the bundle that reads PDFs, that place asks the budget hook
// first, so a stream deflated twice stops at the budget instead of inflating
// to gigabytes. The build fails if pdf.js changes there, rather than ship
// without the limit.
const PDFJS_GROW = 'const buffer2 = new Uint8Array(size);';
const pdfjsDecodeBudget = {
  name: 'pdfjs-decode-budget',
  setup(build) {
    build.onLoad({ filter: /[\\/]pdfjs-dist[\\/]legacy[\\/]build[\\/]pdf\.worker\.mjs$/ }, async (args) => {
      const source = await fs.promises.readFile(args.path, 'utf8');
      if (source.split(PDFJS_GROW).length !== 2)
        throw new Error(`pdfjs-decode-budget: pdf.js no longer grows its decode buffers with "${PDFJS_GROW}"; update the patch`);
      const guarded = `const budget = globalThis[Symbol.for('imr-author.pdf.decodeBudget')]; if (budget && !budget(size)) throw new Error('decoded-size budget exhausted'); ${PDFJS_GROW}`;
      return { contents: source.replace(PDFJS_GROW, guarded), loader: 'js' };
    });
  },
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { ...common, plugins: [...common.plugins, noPdfInServer], entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { ...common, plugins: [...common.plugins, pdfLibsApart], entryPoints: ['cli/src/main.ts'], outfile: 'dist/cli.js' },
  { ...common, entryPoints: ['cli/src/pdfLibs.ts'], outfile: 'dist/pdf-libs.js' },
  // The thread the CLI and the extension read PDFs in (server/src/adapters/pdfReader.ts).
  { ...common, plugins: [pdfjsDecodeBudget], entryPoints: ['server/src/adapters/pdfWorker.ts'], outfile: 'dist/pdf-worker.js' },
  // The preview's page script runs in the webview (a browser), loaded from
  // media/ under the page's CSP, which allows only that folder: so it is
  // written there, as one classic script with no imports left.
  {
    entryPoints: ['client/src/preview/webview/preview.ts'],
    outfile: 'media/preview.js',
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    sourcemap: false,
    minify: production,
    logLevel: 'info',
  },
  // `npm run eval`: the labelled-letter scorer (a development tool, not packaged).
  { ...common, entryPoints: ['tools/eval/main.ts'], outfile: 'dist/eval.js' },
];

// pdfkit reads its standard-font metrics (data/*.afm) from the folder next to
// its module at run time; bundled, that folder is dist/, so copy them there.
fs.cpSync(path.join('node_modules', 'pdfkit', 'js', 'data'), path.join('dist', 'data'), { recursive: true });

if (watch) {
  for (const b of builds) (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
