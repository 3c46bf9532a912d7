// Batch throughput of `imr check`: the bundled CLI on a folder of cases, with
// one thread and with one worker per core. Wall time includes start-up, as a
// user's run would.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

export function runCheck(root, args) {
  const t = performance.now();
  const r = spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), 'check', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, CI: '1' },
    maxBuffer: 1 << 30,
  });
  const ms = performance.now() - t;
  if (r.status !== 0 && r.status !== 1) throw new Error(`imr check failed (${r.status}): ${r.stderr.slice(0, 300)}`);
  return ms;
}
