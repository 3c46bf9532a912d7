// The "baseline" section: this build against an earlier commit's build on the
// same machine, in the same run, on the same inputs (issue 12 asks that the
// bench be "no slower" than on the day it was filed). Figures taken on
// different days are not comparable here: the machine is shared and the
// synthetic cases grew since. Runs of the two builds alternate, so a change
// in load touches both.
import { execFileSync, spawnSync } from 'node:child_process';
import { bundleService } from './bundle.mjs';
import { extractTree } from './tree.mjs';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { measureService } from './inprocess.mjs';
import { runCheck } from './batch.mjs';
import { startServer, typingLatency, rssMb, sleep } from './server.mjs';
import { summarize, round } from './stats.mjs';
import { prepareSharedRules, measureSharedRules } from './sharedRules.mjs';

/**
 * The commit's tree under `work`, built with this checkout's node_modules:
 * its dist/ (server and CLI) and its bench entry bundled as a service. Null,
 * with the reason, when the checkout has no history to take it from.
 */
export async function prepareBaseline(root, work, commit, log) {
  let sha;
  try {
    sha = execFileSync('git', ['-C', root, 'rev-parse', '--verify', `${commit}^{commit}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return { skipped: `commit ${commit} is not in this checkout's history` };
  }
  const dir = path.join(work, `baseline-${sha.slice(0, 12)}`);
  const done = path.join(dir, '.built');
  if (!fs.existsSync(done)) {
    log(`baseline: building ${sha.slice(0, 12)} in ${path.relative(root, dir)}`);
    const failed = extractTree(root, sha, dir);
    if (failed) return { skipped: failed };
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
    const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: dir, encoding: 'utf8' });
    if (build.status !== 0) return { skipped: `the baseline's build failed: ${build.stderr.slice(0, 200)}` };
    await bundleService(path.join(dir, 'bench', 'entry.ts'), path.join(dir, 'bench', '.work', 'service.cjs'));
    fs.writeFileSync(done, '');
  }
  const svc = createRequire(import.meta.url)(path.join(dir, 'bench', '.work', 'service.cjs'));
  return { commit: sha, date: execFileSync('git', ['-C', root, 'show', '-s', '--format=%cI', sha], { encoding: 'utf8' }).trim(), dir, svc };
}

const pick = (m) => ({
  same: m.diagnostics.median,
  edit: m.edit?.median ?? null,
  cold: m.cold?.median ?? null,
});

/**
 * Both builds on this run's synthetic cases (service, alternated rounds, the
 * median of each build's round medians), the batch on `batchDir` and the
 * server's typing latency and resting memory.
 */
export async function measureBaseline({ root, base, svc, texts, batchDir, batchCount, quick, log }) {
  const rounds = quick ? 1 : 3;
  const builds = [
    ['current', root, svc],
    ['baseline', base.dir, base.svc],
  ];
  const service = [];
  for (const { name, text } of texts.filter((t) => t.name === 'synthetic-2000' || t.name === 'synthetic-20000')) {
    const runs = quick ? 5 : name.endsWith('20000') ? 10 : 60;
    const got = { current: [], baseline: [] };
    for (let r = 0; r < rounds; r++)
      for (const [label, , s] of builds) {
        log(`baseline: service, ${label}, ${name}, round ${r + 1}`);
        got[label].push(pick(await measureService(s, text, runs, { editAndCold: true })));
      }
    const med = (label, k) => round(summarize(got[label].map((x) => x[k])).median, 2);
    const row = { name };
    for (const k of ['same', 'edit', 'cold'])
      row[k] = { current: med('current', k), baseline: med('baseline', k), ratio: round(med('current', k) / med('baseline', k), 2) };
    service.push(row);
  }
  // The same rules only (bench/lib/sharedRules.mjs): the restructuring without the reasoning rules added since.
  const shared = await prepareSharedRules(root, path.dirname(base.dir), base, log);
  const batchTexts = fs
    .readdirSync(batchDir)
    .filter((f) => f.endsWith('.imr'))
    .sort()
    .map((f) => fs.readFileSync(path.join(batchDir, f), 'utf8'));
  const sameRules = shared.skipped
    ? { skipped: shared.skipped }
    : measureSharedRules({ svc, shared: shared.svc, baseSvc: base.svc, text: texts.find((t) => t.name === 'synthetic-2000').text, batchTexts, quick, log });
  const batch = { cases: batchCount, current: [], baseline: [] };
  for (let r = 0; r < rounds; r++)
    for (const [label, dir] of builds) {
      log(`baseline: batch, ${label}, round ${r + 1}`);
      batch[label].push(runCheck(dir, [batchDir, '--format', 'json', '-o', '/dev/null', '--jobs', '1']));
    }
  const batchRow = {
    cases: batchCount,
    currentMs: round(summarize(batch.current).median, 0),
    baselineMs: round(summarize(batch.baseline).median, 0),
  };
  batchRow.ratio = round(batchRow.currentMs / batchRow.baselineMs, 2);
  const plan = [
    ['synthetic-2000', 20],
    ['synthetic-2000', 100],
    ['synthetic-20000', 100],
  ];
  // Both servers up at once, so each plan's runs alternate between them; an idle server costs the other nothing.
  const servers = {};
  const server = [];
  const rest = {};
  try {
    for (const [label, dir] of builds) servers[label] = await startServer(dir);
    await sleep(1000);
    for (const [label] of builds) rest[label] = rssMb(servers[label].proc.pid);
    for (const [name, intervalMs] of plan) {
      const { text } = texts.find((t) => t.name === name);
      const edits = quick ? 30 : name.endsWith('20000') ? 60 : 300;
      const row = { name, intervalMs };
      for (const [label] of builds) {
        log(`baseline: server, ${label}, ${edits} keys into ${name} every ${intervalMs} ms`);
        row[label] = (await typingLatency(servers[label], text, { edits, intervalMs, uri: `file:///bench/baseline-${name}-${intervalMs}.imr` })).p95;
      }
      row.ratio = round(row.current / row.baseline, 2);
      server.push(row);
    }
  } finally {
    for (const s of Object.values(servers)) await s.stop();
  }
  const restRow = { current: rest.current, baseline: rest.baseline };
  restRow.ratio = round(restRow.current / restRow.baseline, 2);
  return { commit: base.commit, date: base.date, rounds, service, batch: batchRow, server, rssAtRestMb: restRow, sameRules };
}
