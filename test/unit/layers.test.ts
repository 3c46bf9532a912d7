// The folders of the language service form layers: no two folders import
// each other, even through different files (eslint's import-x/no-cycle sees
// only cycles of files). rules/ <-> necessity/ and features/ <-> necessity/
// were such cycles; this keeps them, and any new one, out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../helpers/fixtures';

const SERVICE = path.join(ROOT, 'server', 'src', 'service');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** The service file a relative import names, if it is one. */
function resolve(from: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(from), spec);
  return [`${base}.ts`, path.join(base, 'index.ts')].find((f) => fs.existsSync(f));
}

/** The top folder of the service a file is in ('' for the service's own top-level files). */
function folderOf(file: string): string {
  const parts = path.relative(SERVICE, file).split(path.sep);
  return parts.length > 1 ? parts[0] : '';
}

/** Which folder imports which, with one file import that shows it. */
function folderGraph(): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const file of sources(SERVICE)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^(?:import|export)\b[^'";]*?from\s+'(\.[^']+)'|^import\s+'(\.[^']+)'/gm)) {
      const target = resolve(file, m[1] ?? m[2]);
      if (!target) continue;
      const [a, b] = [folderOf(file), folderOf(target)];
      if (!a || !b || a === b) continue;
      if (!graph.has(a)) graph.set(a, new Map());
      graph.get(a)!.set(b, `${path.relative(SERVICE, file)} imports ${path.relative(SERVICE, target)}`);
    }
  }
  return graph;
}

test('no two folders of server/src/service import each other, directly or around a loop', () => {
  const graph = folderGraph();
  assert.ok(graph.size > 5, 'the import graph was read');
  const cycles: string[] = [];
  // Depth-first search for a path back to the start folder.
  for (const start of graph.keys()) {
    const stack: [string, string[]][] = [[start, []]];
    const seen = new Set<string>();
    while (stack.length) {
      const [at, via] = stack.pop()!;
      for (const [next, why] of graph.get(at) ?? []) {
        if (next === start) cycles.push([...via, why].join('; '));
        else if (!seen.has(next)) {
          seen.add(next);
          stack.push([next, [...via, why]]);
        }
      }
    }
  }
  assert.deepEqual(cycles, [], `folder cycles:\n${cycles.join('\n')}`);
});

test('text/ and syntax/ are the bottom: text/ imports nothing, syntax/ only text/ (and ../contained)', () => {
  const graph = folderGraph();
  assert.deepEqual([...(graph.get('text')?.keys() ?? [])], []);
  assert.deepEqual(
    [...(graph.get('syntax')?.keys() ?? [])].filter((f) => f !== 'text'),
    [],
  );
});
