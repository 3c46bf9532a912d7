// The comparison: the same texts saved as Markdown, checked by markdownlint
// (the engine of markdownlint-cli2, in process) and by markdownlint-cli2's
// own command on a folder of files. Reported per byte, ours over theirs.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { time } from './stats.mjs';

const require = createRequire(import.meta.url);

export async function markdownlintInProcess(markdown, runs) {
  const { lint } = await import('markdownlint/sync');
  const count = Object.values(lint({ strings: { doc: markdown } })).flat().length;
  return { ...time(() => lint({ strings: { doc: markdown } }), runs, 2), findings: count };
}

export function markdownlintCliVersion() {
  try {
    // The package's exports map hides package.json from require; read the file.
    return JSON.parse(fs.readFileSync(require.resolve('markdownlint-cli2').replace(/markdownlint-cli2\.mjs$/, 'package.json'), 'utf8')).version;
  } catch {
    return 'unknown';
  }
}

/** Wall time of `markdownlint-cli2 "<dir>/*.md"` (findings make it exit 1; that is expected). */
export function markdownlintCliOnFolder(root, dir) {
  const bin = path.join(root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
  const entry = fs.existsSync(bin) ? bin : path.join(root, 'node_modules', '.bin', 'markdownlint-cli2');
  const t = performance.now();
  const r = spawnSync(process.execPath, [entry, `${dir}/*.md`], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - t;
  if (r.status !== 0 && r.status !== 1) throw new Error(`markdownlint-cli2 failed (${r.status}): ${r.stderr.slice(0, 200)}`);
  return ms;
}
