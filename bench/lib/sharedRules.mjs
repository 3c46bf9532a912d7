// The baseline section's "same rules" rows: this build and the filing day's,
// each running only the rules the filing day's build shares with this one in
// kind (structure and phi), so the two do the same work. Issue 12 asks that
// its restructuring make the bench no slower; the reasoning rules that issue
// 13 added or rewrote since (the clinical reading) are new behaviour, and the
// baseline table's other rows measure them together with the restructuring.
// These rows measure the restructuring alone: parse, model, rule engine,
// settings, the structure rules and phi.
//
// The filing day's build has no per-rule switch that skips a rule's work (a
// rule set to off ran and its findings were dropped), so its rule list is cut
// in a copy of its tree; this build skips a rule set to off, so it runs with
// the necessity and criteria families set to off.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { bundleService } from './bundle.mjs';
import { extractTree } from './tree.mjs';
import { summarize, round } from './stats.mjs';

/** The filing day's rule list, and what it becomes: its structure rules and phi. */
const FULL_LIST = 'const RULES: readonly Rule[] = [...structureRules, ...necessityRules, phi];';
const SHARED_LIST = 'const RULES: readonly Rule[] = [...structureRules, phi];';
const RULES_FILE = path.join('server', 'src', 'service', 'rules', 'index.ts');

/** The families of this build's catalog that the filing day's build did not have in this form. */
export const NEW_FAMILIES = ['necessity', 'criteria'];

/**
 * The baseline commit's tree with its rule list cut to the shared rules, its
 * bench entry bundled as a service. Skipped, with the reason, if that tree's
 * rule list is not the one this module knows how to cut.
 */
export async function prepareSharedRules(root, work, base, log) {
  const dir = path.join(work, `baseline-${base.commit.slice(0, 12)}-shared-rules`);
  const done = path.join(dir, '.built');
  if (!fs.existsSync(done)) {
    log(`baseline: the shared rules of ${base.commit.slice(0, 12)} in ${path.relative(root, dir)}`);
    const failed = extractTree(root, base.commit, dir);
    if (failed) return { skipped: failed };
    const file = path.join(dir, RULES_FILE);
    const source = fs.readFileSync(file, 'utf8');
    if (!source.includes(FULL_LIST)) return { skipped: `${RULES_FILE} of ${base.commit.slice(0, 12)} has no rule list of the known form` };
    fs.writeFileSync(file, source.replace(FULL_LIST, `${SHARED_LIST}\nvoid necessityRules;`));
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
    await bundleService(path.join(dir, 'bench', 'entry.ts'), path.join(dir, 'bench', '.work', 'service.cjs'));
    fs.writeFileSync(done, '');
  }
  return { svc: createRequire(import.meta.url)(path.join(dir, 'bench', '.work', 'service.cjs')) };
}

/** This build's settings with every rule of the new families off (a rule set to off is not run). */
function sharedSettings(svc, service) {
  const off = Object.fromEntries(svc.CATALOG.filter((r) => NEW_FAMILIES.includes(r.family)).map((r) => [r.code, 'off']));
  return { ...service.settings, rules: { ...service.settings.rules, ...off }, limits: { maxFileSize: Infinity } };
}

function newService(build) {
  const service = new build.svc.LanguageService();
  service.settings = build.settings ? build.settings(service) : { ...service.settings, limits: { maxFileSize: Infinity } };
  return service;
}

/** A case opened: a new service's first diagnostics of the text (wall ms). */
function opened(build, text) {
  const t = performance.now();
  newService(build).getDiagnostics({ uri: 'file:///bench/opened.imr', version: 1, text });
  return performance.now() - t;
}

/** imr check's loop in process: one service, each case's diagnostics and then forget (wall ms for the batch). */
function batchPass(build, texts) {
  const service = newService(build);
  let findings = 0;
  const t = performance.now();
  for (let i = 0; i < texts.length; i++) {
    const uri = `file:///bench/batch-${i}.imr`;
    findings += service.getDiagnostics({ uri, version: 1, text: texts[i] }).length;
    service.forget(uri);
  }
  return { ms: performance.now() - t, findings };
}

/**
 * Both builds' shared rules, alternated round by round: opening the
 * 2,000-line case (a new service each time) and the batch in process. The
 * batch is also run with every rule, in process, so that the rows compare
 * with the same measure of the full check (the CLI row adds start-up).
 */
export function measureSharedRules({ svc, shared, baseSvc, text, batchTexts, quick, log }) {
  // These runs are short (a pass of the batch with the shared rules takes about 0.2 s), so more rounds than the
  // table above: a change of load of a few percent would otherwise decide the ratio.
  const rounds = quick ? 1 : 5;
  const openRuns = quick ? 5 : 15;
  const passes = quick ? 1 : 3;
  const builds = {
    current: { svc, settings: (s) => sharedSettings(svc, s) },
    baseline: { svc: shared },
    currentAll: { svc },
    baselineAll: { svc: baseSvc },
  };
  const got = Object.fromEntries(Object.keys(builds).map((k) => [k, { open: [], batch: [], findings: 0 }]));
  for (const build of Object.values(builds)) {
    for (let i = 0; i < 3; i++) opened(build, text);
    batchPass(build, batchTexts.slice(0, 100));
  }
  // Openings alternate one by one, so a collection or a change of load falls on both builds alike.
  for (let r = 0; r < rounds; r++) {
    log(`baseline: shared rules, opened, round ${r + 1}`);
    for (let i = 0; i < openRuns; i++) for (const label of ['current', 'baseline']) got[label].open.push(opened(builds[label], text));
  }
  for (let r = 0; r < rounds; r++)
    for (const [label, build] of Object.entries(builds)) {
      log(`baseline: shared rules, batch, ${label}, round ${r + 1}`);
      for (let p = 0; p < passes; p++) {
        const pass = batchPass(build, batchTexts);
        got[label].batch.push(pass.ms);
        got[label].findings = pass.findings;
      }
    }
  const med = (xs) => round(summarize(xs).median, 2);
  const row = (a, b) => ({ current: med(a), baseline: med(b), ratio: round(med(a) / med(b), 2) });
  return {
    rounds,
    opened: row(got.current.open, got.baseline.open),
    batch: {
      ...row(got.current.batch, got.baseline.batch),
      cases: batchTexts.length,
      findings: { current: got.current.findings, baseline: got.baseline.findings },
    },
    batchAllRules: row(got.currentAll.batch, got.baselineAll.batch),
  };
}
