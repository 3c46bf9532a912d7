// Turns the results into the targets table and docs/benchmarks.md.

/** The targets from issue 7, evaluated against a results object. */
export function evaluateTargets(r) {
  const size = (n) => r.inProcess?.find((x) => x.name === `synthetic-${n}`);
  const lat = r.server?.latency.find((x) => x.name === 'synthetic-2000' && x.intervalMs === 20);
  const mem = r.server?.memory ?? {};
  const t = [];
  // "Analysed" is parse + case model; the full diagnostics (every rule) are held to the same goal as well,
  // since they are what the author waits for.
  t.push(target('2,000-line case analysed (parse + model), median', '< 5 ms', size(2000)?.analysis.median, (v) => v < 5, 'ms'));
  t.push(target('2,000-line case, full diagnostics, median', '< 5 ms', size(2000)?.diagnostics.median, (v) => v < 5, 'ms'));
  t.push(target('one edit to the 2,000-line case, full diagnostics again, median', '< 2 ms', size(2000)?.edit?.median, (v) => v < 2, 'ms'));
  t.push(target('20,000-line case analysed (parse + model), median', '< 60 ms', size(20000)?.analysis.median, (v) => v < 60, 'ms'));
  t.push(target('20,000-line case, full diagnostics, median', '< 60 ms', size(20000)?.diagnostics.median, (v) => v < 60, 'ms'));
  t.push(target('didChange -> publishDiagnostics p95, 2,000-line case, a key every 20 ms', '< 25 ms', lat?.p95, (v) => v < 25, 'ms'));
  const typist = r.server?.latency.find((x) => x.name === 'synthetic-2000' && x.intervalMs === 100);
  t.push(target("the same at a fast typist's pace (a key every 100 ms)", '< 25 ms', typist?.p95, (v) => v < 25, 'ms'));
  t.push(target(`server RSS with ${mem.cases} cases open`, '< 150 MB', mem.openMb, (v) => v < 150, 'MB'));
  const back = mem.closedMb / mem.baselineMb - 1;
  t.push(target('server RSS after closing them, over baseline', '<= 10%', Math.round(back * 1000) / 10, (v) => v <= 10, '%'));
  const heap = mem.heapAfterGc;
  const heapBack = heap?.closed && heap?.baseline ? Math.round((heap.closed.heapUsedMb / heap.baseline.heapUsedMb - 1) * 1000) / 10 : undefined;
  t.push(target('V8 heap in use after closing them (after a full collection), over baseline', '<= 10%', heapBack, (v) => v <= 10, '%'));
  t.push(target('batch throughput, one core', '> 2,000 cases/s', r.batch?.oneCore.casesPerSecond, (v) => v > 2000, 'cases/s'));
  const ratios = [...(r.markdownlint?.inProcess ?? []).map((x) => x.ratio), r.markdownlint?.cli?.ratio].filter((x) => typeof x === 'number');
  const worst = ratios.length ? Math.max(...ratios) : undefined;
  t.push(target('time per byte, ours / markdownlint (worst of all sizes and the CLI run)', '<= 1', worst, (v) => v <= 1, '×'));
  const b = r.baseline?.service ? r.baseline : undefined;
  const baseRatios = b
    ? [...b.service.flatMap((x) => [x.same.ratio, x.edit.ratio, x.cold.ratio]), b.batch.ratio, ...b.server.map((x) => x.ratio), b.rssAtRestMb.ratio]
    : [];
  t.push(
    target(
      `no slower than the build issue 12 was filed against, same run (worst ratio of the "against" table)`,
      '<= 1',
      baseRatios.length ? Math.max(...baseRatios) : undefined,
      (v) => v <= 1,
      '×',
    ),
  );
  const same = b?.sameRules?.opened ? b.sameRules : undefined;
  t.push(
    target(
      'the same, with the same rules in both builds (structure and phi; worst ratio of that table)',
      '<= 1',
      same ? Math.max(same.opened.ratio, same.batch.ratio) : undefined,
      (v) => v <= 1,
      '×',
    ),
  );
  const accepted = r.limits?.shapes.filter((x) => !x.declined) ?? [];
  // What runs as the author types: the server's answers after a keystroke and the preview's HTML. Opening the file
  // (diagnostics with nothing reused), the text/PDF letter and import are one-off.
  const typing = ['edit', 'symbols', 'folding', 'completion', 'hover', 'codeActions', 'renderHtml', 'renderPreview'];
  const worstAccepted = accepted.length ? Math.max(...accepted.flatMap((x) => typing.map((k) => x.ops[k]?.median ?? 0))) : undefined;
  t.push(
    target(
      `longest editor operation as the author types (analysis after a keystroke, features, preview HTML) on any shape the default limit (${r.limits?.defaultKb ?? '?'} KB) accepts, median`,
      '< 200 ms',
      worstAccepted,
      (v) => v < 200,
      'ms',
    ),
  );
  const ten = r.limits?.shapes.find((x) => x.name === 'case-10mb');
  t.push(target('a 10 MB case declined: diagnostics answered in, median', '< 200 ms', ten?.answerMs.median, (v) => v < 200, 'ms'));
  return t;
}

function target(name, goal, value, ok, unit) {
  return { name, goal, value: value ?? null, unit, met: value === undefined || value === null || Number.isNaN(value) ? null : ok(value) };
}

const fmt = (x) => (x === null || x === undefined ? '–' : typeof x === 'number' ? String(x) : String(x));

export function markdownReport(r) {
  const m = r.machine;
  const out = [];
  out.push('# Benchmarks', '');
  out.push('Measured by `npm run bench` (bench/run.mjs). Synthetic cases come from a fixed-seed generator');
  out.push('(bench/synth.ts), so every run measures the same texts. Times are milliseconds; medians and 95th');
  out.push('percentiles over repeated runs. Raw numbers: bench/results.json.', '');
  out.push(
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB memory, Node ${m.node}, ${m.os}. Run at ${r.date}${r.quick ? ' (quick run: fewer repetitions)' : ''}.`,
    '',
  );
  out.push('## Targets', '');
  out.push('| Target | Goal | Measured | Met |', '| --- | --- | --- | --- |');
  for (const t of r.targets) out.push(`| ${t.name} | ${t.goal} | ${fmt(t.value)} ${t.unit} | ${t.met === null ? 'not measured' : t.met ? 'yes' : '**no**'} |`);
  if (r.inProcess) {
    out.push('', '## Language service, in process', '');
    out.push(
      '| Case | Lines | KB | Parse median / p95 | Analysis median / p95 | Diagnostics median / p95 | Findings | Letter text | Letter HTML | Letter PDF |',
    );
    out.push('| --- | ---: | ---: | --- | --- | --- | ---: | --- | --- | --- |');
    for (const x of r.inProcess) {
      const rd = (k) => (x.render?.[k]?.median !== undefined ? `${x.render[k].median} / ${x.render[k].p95}` : x.render?.[k]?.error ? 'error' : '–');
      out.push(
        `| ${x.name} | ${x.lines} | ${x.kb} | ${x.parse.median} / ${x.parse.p95} | ${x.analysis.median} / ${x.analysis.p95} | ${x.diagnostics.median} / ${x.diagnostics.p95} | ${x.diagnosticCount} | ${rd('text')} | ${rd('html')} | ${rd('pdf')} |`,
      );
    }
    out.push('', 'Analysis is parse plus the case model; diagnostics is analysis plus every rule (what the editor waits for).');
    const rows = r.inProcess.filter((x) => x.edit && x.cold);
    if (rows.length) {
      out.push(
        '',
        'Full diagnostics of the same text (a new version: the memos keep the readings of unchanged sentences, as between two keystrokes), after one edit (each run inserts a different word into one summary sentence), and cold (a new service each run: nothing remembered, a case just opened). Median / p95.',
        '',
        '| Case | Same text | One edit | Cold |',
        '| --- | --- | --- | --- |',
      );
      for (const x of rows)
        out.push(`| ${x.name} | ${x.diagnostics.median} / ${x.diagnostics.p95} | ${x.edit.median} / ${x.edit.p95} | ${x.cold.median} / ${x.cold.p95} |`);
    }
  }
  if (r.reading) {
    const x = r.reading;
    out.push('', '## Reading layer (issue 13)', '');
    out.push(
      `Every prose sentence of ${x.name} (${x.sentences} sentences, ${x.chars} characters; ${x.mentions} mentions of ${x.concepts} concepts, ${x.phrases} lexicon phrases in one matcher). Milliseconds, median / p95.`,
      '',
    );
    out.push('| Lexicon compiled | Read cold (empty memo) | Read warm (unchanged case) | One sentence edited |', '| --- | --- | --- | --- |');
    out.push(
      `| ${x.compile.median} / ${x.compile.p95} | ${x.cold.median} / ${x.cold.p95} | ${x.warm.median} / ${x.warm.p95} | ${x.edit.median} / ${x.edit.p95} |`,
    );
  }
  if (r.server) {
    out.push('');
    out.push('## Language server (dist/server.js over stdio)', '');
    out.push('| Case | Edits | Interval | Latency median | p95 | max | Unanswered |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const x of r.server.latency) out.push(`| ${x.name} | ${x.edits} | ${x.intervalMs} ms | ${x.median} | ${x.p95} | ${x.max} | ${x.unanswered} |`);
    out.push('', 'Latency is from sending a one-character didChange to the first publishDiagnostics for that version or a later one.', '');
    const mem = r.server.memory;
    out.push(
      `Memory (VmRSS of the server process): ${mem.baselineMb} MB at rest, ${mem.openMb} MB with ${mem.cases} cases of ~${mem.linesPerCase} lines open, ${mem.closedMb} MB ten seconds after closing them, ${mem.closedAfterGcMb ?? '–'} MB after a forced full garbage collection (SIGUSR2 with bench/lib/gc-on-signal.cjs preloaded; the server itself never forces one).`,
    );
    const h = mem.heapAfterGc;
    if (h?.baseline && h.open && h.closed)
      out.push(
        '',
        `V8 heap in use after a full collection: ${h.baseline.heapUsedMb} MB at rest, ${h.open.heapUsedMb} MB with the cases open, ${h.closed.heapUsedMb} MB after closing them.`,
      );
  }
  if (r.batch) {
    out.push('', '## Batch: `imr check` on a folder', '');
    out.push('| Cases | Lines each | Threads | Wall time median (ms) | Cases/s |', '| ---: | ---: | --- | ---: | ---: |');
    for (const k of ['oneCore', 'allCores']) {
      const b = r.batch[k];
      out.push(`| ${r.batch.cases} | ~${r.batch.linesPerCase} | ${b.label} | ${b.median} | ${b.casesPerSecond} |`);
    }
    out.push('', 'Wall time includes starting Node and reading the files.');
  }
  if (r.markdownlint) {
    out.push('', `## Against markdownlint (${r.markdownlint.version})`, '');
    out.push(
      'The same texts saved as Markdown (sections as headings, fields as list items). Ratio: our time per byte over theirs; below 1 means we are faster.',
      '',
    );
    out.push('| Text | Our diagnostics median (ms) | markdownlint median (ms) | Ratio per byte |', '| --- | ---: | ---: | ---: |');
    for (const x of r.markdownlint.inProcess) out.push(`| ${x.name} | ${x.ours} | ${x.theirs} | ${x.ratio} |`);
    const c = r.markdownlint.cli;
    if (c) out.push(`| ${c.files} files, CLI to CLI (imr check --jobs 1 vs markdownlint-cli2) | ${c.oursMs} | ${c.theirsMs} | ${c.ratio} |`);
  }
  if (r.limits) {
    out.push('', '## Limits: hostile input (issue 8)', '');
    out.push(
      `Each operation on each shape, with the size limit turned off (what declining protects against); medians in ms of ${r.quick ? '1 run' : '7 runs for texts up to 256 KB, else 3 (1 when a run takes over 2 s or the text is over 4 MB)'}, the first of them on code not yet optimised for the shape. "Answer" is what the editor gets with the default limit (${r.limits.defaultKb} KB): the one file-too-large diagnostic, or the full diagnostics for a file that fits. "diagnostics" is a new service each run, as when the file is opened (nothing reused); "edit" is one character typed in the middle of the longest line and taken out again, on a service that has read the text (as the author types). Completion and hover are asked in the middle of the longest line. PDF is skipped above 2 MB. See docs/limits.md for the policy.`,
      '',
    );
    const ops = [
      'diagnostics',
      'edit',
      'symbols',
      'folding',
      'completion',
      'hover',
      'codeActions',
      'renderText',
      'renderHtml',
      'renderPreview',
      'renderPdf',
      'import',
    ];
    out.push(`| Shape | KB | Lines | Declined | Answer | ${ops.join(' | ')} |`, `| --- | ---: | ---: | --- | ---: | ${ops.map(() => '---:').join(' | ')} |`);
    for (const x of r.limits.shapes)
      out.push(
        `| ${x.name}: ${x.what} | ${x.kb} | ${x.lines} | ${x.declined ? 'yes' : 'no'} | ${x.answerMs.median} | ${ops.map((k) => fmt(x.ops[k]?.median)).join(' | ')} |`,
      );
  }
  if (r.baseline?.service) {
    const b = r.baseline;
    out.push('', `## Against the build of ${b.date.slice(0, 10)} (${b.commit.slice(0, 12)}), same run, same inputs (issue 12)`, '');
    out.push(
      `Issue 12 asks that the bench be no slower than on the day it was filed. That day's figures were taken on smaller synthetic cases and another day's load, so this section builds that commit (\`git archive\`, this checkout's node_modules) and runs it against this build on this run's inputs, ${b.rounds} alternated round${b.rounds === 1 ? '' : 's'} each (medians of the rounds' medians; the server runs alternate between the two servers). Ratio is this build over that one: above 1 is slower.`,
      '',
    );
    out.push('| Measure | This build | That build | Ratio |', '| --- | ---: | ---: | ---: |');
    for (const x of b.service)
      for (const [k, what] of [
        ['same', 'diagnostics, same text'],
        ['edit', 'diagnostics after one edit'],
        ['cold', 'diagnostics, new service (opened)'],
      ])
        out.push(`| ${x.name}, ${what} (ms) | ${fmt(x[k].current)} | ${fmt(x[k].baseline)} | ${fmt(x[k].ratio)} |`);
    out.push(
      `| imr check, ${b.batch.cases} letter-sized cases, one thread, wall (ms) | ${fmt(b.batch.currentMs)} | ${fmt(b.batch.baselineMs)} | ${fmt(b.batch.ratio)} |`,
    );
    for (const x of b.server)
      out.push(
        `| didChange -> publishDiagnostics p95, ${x.name}, a key every ${x.intervalMs} ms (ms) | ${fmt(x.current)} | ${fmt(x.baseline)} | ${fmt(x.ratio)} |`,
      );
    out.push(`| server RSS at rest (MB) | ${fmt(b.rssAtRestMb.current)} | ${fmt(b.rssAtRestMb.baseline)} | ${fmt(b.rssAtRestMb.ratio)} |`);
    const same = b.sameRules;
    if (same?.opened) {
      out.push(
        '',
        '### The same rules in both builds',
        '',
        `The table above compares the two builds doing different work: since that day the necessity rules were rewritten and added to (the clinical reading of issue 13; what they find is in docs/quality.md). Here both builds run only the rules they share in kind: the structure rules and phi (that build's rule list cut to them in a copy of its tree; this build with the necessity and criteria rules set to off, which it then does not run). That measures the restructuring of issue 12 alone: parse, model, rule engine, settings and those rules. In process, ${same.rounds} alternated round${same.rounds === 1 ? '' : 's'}; the batch is imr check's loop (one service, each case's diagnostics, then forget), without the CLI's start-up.`,
        '',
        '| Measure | This build | That build | Ratio |',
        '| --- | ---: | ---: | ---: |',
        `| synthetic-2000, diagnostics, new service (opened), same rules (ms) | ${fmt(same.opened.current)} | ${fmt(same.opened.baseline)} | ${fmt(same.opened.ratio)} |`,
        `| ${same.batch.cases} letter-sized cases in process, same rules (ms) | ${fmt(same.batch.current)} | ${fmt(same.batch.baseline)} | ${fmt(same.batch.ratio)} |`,
        `| ${same.batch.cases} letter-sized cases in process, every rule of each build (ms) | ${fmt(same.batchAllRules.current)} | ${fmt(same.batchAllRules.baseline)} | ${fmt(same.batchAllRules.ratio)} |`,
        '',
        `With the same rules, the findings on the batch: ${same.batch.findings.current} from this build, ${same.batch.findings.baseline} from that one.`,
      );
    } else if (same?.skipped) out.push('', `The same rules in both builds: not measured (${same.skipped}).`);
  } else if (r.baseline?.skipped) out.push('', '## Against the filing-day build (issue 12)', '', `Not measured: ${r.baseline.skipped}.`);
  if (r.notes?.length) out.push('', '## Notes', '', ...r.notes.map((n) => `- ${n}`));
  return out.join('\n') + '\n';
}
