// Where the catalog's inputs and outputs live, for the script and the test.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RuleFile } from './generate';

/** The repository root: found by its package.json, so it works from tools/ and from out/. */
export const ROOT = (() => {
  // Bundled by tools/catalog/run.mjs, this file runs from a temporary folder: the script says where the root is.
  let dir = process.env.IMR_ROOT ?? __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) || !fs.existsSync(path.join(dir, 'docs', 'rules.md'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('repository root not found above ' + __dirname);
    dir = up;
  }
  return dir;
})();

export const CATALOG_DIR = path.join(ROOT, 'server', 'src', 'service', 'rules', 'catalog');

/** Every <family>/<code>.ts of the catalog folder. */
export function ruleFiles(): RuleFile[] {
  const out: RuleFile[] = [];
  for (const family of fs.readdirSync(CATALOG_DIR).sort()) {
    const dir = path.join(CATALOG_DIR, family);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const name of fs.readdirSync(dir).sort()) if (name.endsWith('.ts')) out.push({ family, code: name.slice(0, -3) });
  }
  return out;
}

export function writeIfChanged(file: string, text: string): void {
  if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text) return;
  fs.writeFileSync(file, text);
  console.log(`wrote ${path.relative(ROOT, file)}`);
}
