// Runs every compiled test file (out/test/**/*.test.js) with Node's own test
// runner, so `npm test` needs nothing but Node. Pass a substring to run a subset:
//   node test/run-unit.mjs parser
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const roots = ['out/test/unit', 'out/test/protocol'];
const filter = process.argv[2];
const files = [];
function walk(dir) {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (name.endsWith('.test.js') && (!filter || p.includes(filter))) files.push(p);
  }
}
roots.forEach(walk);
if (files.length === 0) {
  console.error('No compiled tests found under out/test. Run `npm test` (it compiles first).');
  process.exit(1);
}
const r = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
