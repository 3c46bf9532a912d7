// Import cycles, type imports included: part of `npm run lint`.
//
// eslint's import-x/no-cycle skips `import type` edges (a type-only cycle
// costs nothing at run time), but a cycle of types is still two modules that
// can only be read, changed and moved together: the layering the lint holds
// (eslint.config.mjs) means a module's imports point down, never back. So
// this walks every import and export-from of the TypeScript sources, resolved
// the way tsc resolves them, and fails on any strongly connected group of
// files, printing one cycle of each.
//
//   node tools/import-cycles.mjs            check client/, server/, cli/, tools/, test/, bench/
//   node tools/import-cycles.mjs DIR...     check only those folders
import ts from 'typescript';
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const SKIP = new Set(['node_modules', 'dist', 'out', '.runtime', '.work', '.vscode-test']);
const args = process.argv.slice(2);
const roots = (args.length ? args : ['client/src', 'server/src', 'cli/src', 'tools', 'test', 'bench']).map((d) => resolve(ROOT, d));

const files = [];
function walk(dir) {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir).sort()) {
    if (SKIP.has(name)) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) files.push(p);
  }
}
roots.forEach(walk);

// The edges: every module specifier of a file (imports, export-from, import
// types, require), resolved like tsc does, kept when it is one of our files.
const options = { moduleResolution: ts.ModuleResolutionKind.Node10, resolveJsonModule: true, allowJs: false };
const known = new Set(files);
const graph = new Map();
for (const file of files) {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  const deps = new Set();
  for (const { fileName } of info.importedFiles) {
    const target = ts.resolveModuleName(fileName, file, options, ts.sys).resolvedModule?.resolvedFileName;
    if (target && known.has(target) && target !== file) deps.add(target);
  }
  graph.set(file, [...deps].sort());
}

// Tarjan's strongly connected components, iteratively (no deep recursion on a long chain).
let counter = 0;
const index = new Map();
const low = new Map();
const stack = [];
const onStack = new Set();
const groups = [];
for (const start of graph.keys()) {
  if (index.has(start)) continue;
  const work = [{ v: start, i: 0 }];
  index.set(start, counter);
  low.set(start, counter++);
  stack.push(start);
  onStack.add(start);
  while (work.length) {
    const frame = work[work.length - 1];
    const deps = graph.get(frame.v);
    if (frame.i < deps.length) {
      const w = deps[frame.i++];
      if (!index.has(w)) {
        index.set(w, counter);
        low.set(w, counter++);
        stack.push(w);
        onStack.add(w);
        work.push({ v: w, i: 0 });
      } else if (onStack.has(w)) low.set(frame.v, Math.min(low.get(frame.v), index.get(w)));
      continue;
    }
    work.pop();
    if (work.length) low.set(work[work.length - 1].v, Math.min(low.get(work[work.length - 1].v), low.get(frame.v)));
    if (low.get(frame.v) === index.get(frame.v)) {
      const group = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        group.push(w);
      } while (w !== frame.v);
      if (group.length > 1) groups.push(group);
    }
  }
}

/** One shortest cycle through the group's first file, for the message. */
function cycleIn(group) {
  const inGroup = new Set(group);
  const start = [...group].sort()[0];
  const previous = new Map([[start, undefined]]);
  const queue = [start];
  while (queue.length) {
    const v = queue.shift();
    for (const w of graph.get(v)) {
      if (!inGroup.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let u = v; u !== start; u = previous.get(u)) path.splice(1, 0, u);
        return [...path, start];
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return group;
}

const rel = (f) => relative(ROOT, f);
if (groups.length === 0) {
  console.log(`import-cycles: no import cycle among ${files.length} files (type imports included)`);
} else {
  for (const group of groups) {
    console.error(`import cycle (type imports count): ${cycleIn(group).map(rel).join(' -> ')}`);
    if (group.length > 2) console.error(`  the ${group.length} files of this tangle: ${group.map(rel).sort().join(', ')}`);
  }
  console.error(
    `import-cycles: ${groups.length} cycle${groups.length === 1 ? '' : 's'}; make the imports point one way (move the shared type down, or pass it in)`,
  );
  process.exitCode = 1;
}
