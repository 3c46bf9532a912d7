// Profiles the language server while it answers typing in a synthetic case:
//   node bench/profile-server.mjs [lines=2000] [edits=200]
// Writes a .cpuprofile to bench/.work/server-prof/ (open it in Chrome DevTools
// or VS Code) and prints the functions with the most self time.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { startServer, typingLatency } from './lib/server.mjs';
import { loadCriteriaSets } from './lib/criteriaSets.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WORK = path.join(ROOT, 'bench', '.work');
const lines = Number(process.argv[2] ?? 2000);
const edits = Number(process.argv[3] ?? 200);
const dir = path.join(WORK, 'server-prof');
fs.rmSync(dir, { recursive: true, force: true });
await esbuild.build({
  entryPoints: [path.join(ROOT, 'bench', 'entry.ts')],
  outfile: path.join(WORK, 'service.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  packages: 'external',
  logLevel: 'warning',
});
const svc = createRequire(import.meta.url)(path.join(WORK, 'service.cjs'));
const server = await startServer(ROOT, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
const r = await typingLatency(server, svc.synthCase(lines, 1001, loadCriteriaSets(ROOT, svc.DEFAULT_SETS)), { edits, intervalMs: 20 });
console.log(JSON.stringify(r));
await server.stop();
await new Promise((res) => setTimeout(res, 500));
const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
const prof = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
const selfTime = new Map();
prof.samples.forEach((id, i) => selfTime.set(id, (selfTime.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0)));
const byName = new Map();
for (const n of prof.nodes) {
  const key = `${n.callFrame.functionName || '(anonymous)'} ${path.basename(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
  byName.set(key, (byName.get(key) ?? 0) + (selfTime.get(n.id) ?? 0));
}
for (const [k, us] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`${(us / 1000).toFixed(0).padStart(6)} ms  ${k.slice(0, 140)}`);
