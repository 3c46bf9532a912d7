// `npm run catalog`: regenerates what is derived from the rule catalog
// (server/src/service/rules/catalog/): the catalog's index, package.json's
// `imr.rules.*` settings and restricted list, and docs/rules.md's index.
// test/unit/catalog.test.ts fails until this has been run after a change.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-catalog-'));
try {
  for (const step of ['writeIndex', 'main']) {
    const outfile = path.join(tmp, `${step}.cjs`);
    await esbuild.build({
      entryPoints: [`tools/catalog/${step}.ts`],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      loader: { '.json': 'json' },
      logLevel: 'warning',
      external: ['pdfkit', 'pdfjs-dist'],
    });
    // __dirname inside the bundle is tmp; files.ts finds the root from the working directory's package instead.
    process.env.IMR_ROOT = process.cwd();
    createRequire(import.meta.url)(outfile);
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
