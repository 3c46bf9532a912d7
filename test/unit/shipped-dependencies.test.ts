// The packages the extension, the server and the CLI are built from are
// listed as `dependencies`, bundled or not, so `npm audit --omit=dev` and any
// other audit of what ships sees them; test-only and build-only tools stay
// devDependencies. The list is read from the sources' own imports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { builtinModules } from 'node:module';
import { ROOT } from '../helpers/fixtures';

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/** `pdfjs-dist/legacy/build/pdf.mjs` is the package `pdfjs-dist`; `@scope/name/x` is `@scope/name`. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

test('every package the shipped code imports is a dependency, not a devDependency', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const imported = new Set<string>();
  for (const dir of ['server/src', 'client/src', 'cli/src'])
    for (const file of sources(path.join(ROOT, dir)))
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/(?:from\s+|require\(\s*|import\(\s*)'([^'.][^']*)'/g)) imported.add(packageOf(m[1]));
  const builtin = new Set(builtinModules);
  // `vscode` is the editor's own API, provided by VS Code at run time (its types are @types/vscode).
  const packages = [...imported].filter((p) => !p.startsWith('node:') && !builtin.has(p) && p !== 'vscode').sort();
  assert.ok(packages.includes('vscode-languageserver') && packages.includes('pdfkit'), `the scan finds the shipped packages: ${packages}`);
  assert.deepEqual(
    packages.filter((p) => !pkg.dependencies?.[p]),
    [],
    'imported by shipped code but not a dependency',
  );
  assert.deepEqual(
    packages.filter((p) => pkg.devDependencies?.[p]),
    [],
    'listed twice',
  );
  // Nothing ships that the code does not import.
  assert.deepEqual(Object.keys(pkg.dependencies).sort(), packages);
});
