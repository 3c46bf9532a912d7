// The load and fault test (`npm run test:stress`, not part of `npm test`):
// the bundled server, started as an editor starts it but with
// --unhandled-rejections=strict (an unhandled rejection ends the process),
// gets 5,000 incremental edits in bursts with requests in between, many of
// them cancelled at once, then 500 documents opened and closed, some broken,
// binary, large or over the size limit. It must stay up, log no failure,
// answer every request, never publish stale diagnostics or diagnostics for a
// closed document, end with the diagnostics of the final text, and give its
// memory back. docs/testing.md describes it; the figures it prints go in the
// issue's note. IMR_STRESS_SEED, IMR_STRESS_EDITS and IMR_STRESS_DOCS change
// the run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { TestLspClient, type PublishedDiagnostics } from '../helpers/lspClient';
import { readExample } from '../helpers/fixtures';
import { prng } from '../helpers/random';
import { LanguageService } from '../../server/src/service/languageService';
import { toLspDiagnostic } from '../../server/src/adapters/lspConvert';
import { rulesDocPath } from '../../server/src/adapters/rulesDoc';

// The server links each code to the rules page beside it (the test client declares codeDescriptionSupport, as VS Code does).
const RULES_DOC = rulesDocPath();
import { serverStateRequest, type ServerState } from '../../server/src/protocol';
import { EditingSession } from './editing';
import { variedDocument } from './documents';
import { PublishLog, percentile } from './publishLog';

const SEED = Number(process.env.IMR_STRESS_SEED ?? 8);
const EDITS = Number(process.env.IMR_STRESS_EDITS ?? 5000);
const DOCS = Number(process.env.IMR_STRESS_DOCS ?? 500);
const MB = 1024 * 1024;
/** Live heap after the run, compared with the baseline: no more than this much above it. */
const HEAP_SLACK = (baseline: number) => Math.max(10 * MB, baseline * 0.2);

const EXAMPLE_NAMES = ['lumbar-mri-upheld.imr', 'multiple-items.imr', 'opioids-upheld.imr', 'acupuncture-partial.imr', 'mistakes-demo.imr'];
const examples = EXAMPLE_NAMES.map(readExample);
const random = prng(SEED);
const log = new PublishLog();
const figures: string[] = [];
let client: TestLspClient;
let baseline: ServerState;

/** Every request sent, settled as how it was answered (never rejects). */
const answers: Promise<string>[] = [];
const REQUESTS = ['hover', 'completion', 'codeAction', 'documentSymbol', 'foldingRange', 'definition', 'references', 'prepareRename'] as const;

function sendRequest(uri: string, kind: (typeof REQUESTS)[number], position: { line: number; character: number }, cancel: boolean) {
  const textDocument = { uri };
  const params: Record<string, unknown> = { textDocument, position };
  if (kind === 'codeAction') {
    // What the editor sends: the diagnostics it shows, which may be a few versions old.
    const shown = client.published.get(uri)?.diagnostics.slice(0, 20) ?? [];
    params.range = { start: { line: position.line, character: 0 }, end: position };
    params.context = { diagnostics: shown };
    delete params.position;
  }
  if (kind === 'documentSymbol' || kind === 'foldingRange') delete params.position;
  if (kind === 'references') params.context = { includeDeclaration: true };
  const source = new CancellationTokenSource();
  const answer = client.connection.sendRequest(`textDocument/${kind}`, params, source.token).then(
    () => 'answered',
    // Cancelled (-32800) and content modified (-32801) are both proper answers.
    (err: { code?: number; message?: string }) => (err.code === -32800 || err.code === -32801 ? 'cancelled' : `${kind} failed: ${err.code} ${err.message}`),
  );
  if (cancel) source.cancel();
  answers.push(answer);
}

/** Rejects if the server exits or `ms` pass first, so a dead server fails the test instead of hanging it. */
async function guarded<T>(what: string, p: Promise<T>, ms = 60000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      p,
      client.exited.then(({ code, signal }) => Promise.reject(new Error(`the server exited (${code ?? signal}) while ${what}:\n${client.stderr}`))),
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

const serverState = () => guarded('asking for the server state', client.request<ServerState>(serverStateRequest.method, {}));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends a notification; if the server has died, the next wait reports it (with its stderr), not a write error. */
function notify(method: string, params: unknown) {
  client.connection.sendNotification(method, params).catch(() => undefined);
}

function open(uri: string, languageId: string, text: string) {
  log.opened(uri, 1);
  notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
}

function close(uri: string) {
  log.closed(uri);
  notify('textDocument/didClose', { textDocument: { uri } });
}

/**
 * Checks that every closed document has had its empty publish. The server
 * handles messages in order and sends the empty list while handling the
 * close, and its messages arrive in the order sent: once it has answered a
 * request sent after the closes, those lists are here. No polling, no sleep.
 */
async function closePublishesArrived() {
  await serverState();
  assert.deepEqual(log.missingClosePublishes().slice(0, 10), [], 'every closed document gets an empty diagnostics publish');
}

const mb = (n: number) => `${(n / MB).toFixed(1)} MB`;

before(async () => {
  client = new TestLspClient({}, { nodeArgs: ['--unhandled-rejections=strict', '--expose-gc'], env: { IMR_SERVER_DIAGNOSTICS: '1' } });
  client.publishListeners.push((p) => log.published(p));
  await guarded('initializing', client.initialize());
  // Warm up (load the code paths and data once: every example, since the run
  // opens several and each reaches rules and lexicon the others do not, whose
  // lazily compiled code and patterns are the process's, not a case's), then
  // measure the baseline.
  for (const [i, text] of examples.entries()) {
    const uri = `file:///stress/warm-up-${i}.imr`;
    open(uri, 'imr', text);
    await guarded(
      'waiting for the warm-up diagnostics',
      client.diagnostics(uri, (p) => p.version === 1),
    );
    close(uri);
  }
  await closePublishesArrived();
  baseline = await serverState();
  assert.ok(baseline.collected, 'the server runs with --expose-gc, so memory is measured after a collection');
});

after(async () => {
  console.log(`\nStress figures (seed ${SEED}; 2-core machines shared with other work give noisy times):\n  ${figures.join('\n  ')}\n`);
  await client?.shutdown();
});

/**
 * Checks that each diagnostics list published for an edited document is the
 * service's own result on the text of the version it names: a list computed
 * for one version and labelled with another is as stale as an old version.
 * Keeps the text of each version sent until a publish covers it.
 */
class VersionTexts {
  private texts = new Map<string, Map<number, string>>();
  private service = new LanguageService();
  checked = 0;
  readonly problems: string[] = [];

  sent(uri: string, version: number, text: string) {
    let byVersion = this.texts.get(uri);
    if (!byVersion) this.texts.set(uri, (byVersion = new Map()));
    byVersion.set(version, text);
  }

  published(p: PublishedDiagnostics) {
    const byVersion = this.texts.get(p.uri);
    if (!byVersion || p.version === undefined) return;
    const text = byVersion.get(p.version);
    for (const v of byVersion.keys()) if (v < p.version) byVersion.delete(v);
    if (text === undefined) return void this.problems.push(`${p.uri}: version ${p.version} was never sent, or came after a newer one`);
    const expected = this.service.getDiagnostics({ uri: p.uri, version: p.version, text }, { rules: {} }).map((d) => toLspDiagnostic(d, p.uri, RULES_DOC));
    if (!isDeepStrictEqual(p.diagnostics, JSON.parse(JSON.stringify(expected))))
      this.problems.push(`${p.uri}: the diagnostics labelled version ${p.version} are not those of its text`);
    this.checked++;
  }
}

test(`${EDITS} incremental edits in bursts, with requests, many cancelled at once`, async () => {
  const sessions = examples.slice(0, 3).map((text, i) => ({ uri: `file:///stress/edited-${i}.imr`, session: new EditingSession(text, random, examples) }));
  const versionTexts = new VersionTexts();
  client.publishListeners.push((p) => versionTexts.published(p));
  for (const { uri, session } of sessions) {
    versionTexts.sent(uri, 1, session.text);
    open(uri, 'imr', session.text);
  }
  try {
    let sent = 0;
    let requests = 0;
    let cancelled = 0;
    let current = 0;
    const started = performance.now();
    while (sent < EDITS) {
      if (random() < 0.3) current = Math.floor(random() * sessions.length);
      const { uri, session } = sessions[current];
      const burst = Math.min(EDITS - sent, 1 + Math.floor(random() * 200));
      for (let i = 0; i < burst; i++) {
        const contentChanges = session.next();
        log.changed(uri, session.version);
        versionTexts.sent(uri, session.version, session.text);
        notify('textDocument/didChange', { textDocument: { uri, version: session.version }, contentChanges });
        sent++;
        if (random() < 0.15) {
          const cancel = random() < 0.5;
          sendRequest(uri, REQUESTS[Math.floor(random() * REQUESTS.length)], session.position, cancel);
          requests++;
          if (cancel) cancelled++;
        }
      }
      // Then a pause: a short one, none, or until the diagnostics catch up (the author stops to read).
      const pause = random();
      if (pause < 0.4) await sleep(Math.floor(random() * 100));
      else if (pause < 0.8)
        await guarded(
          'waiting for diagnostics after a burst',
          client.diagnostics(uri, (p) => p.version === session.version),
        );
    }
    const elapsed = (performance.now() - started) / 1000;
    const outcomes = await guarded('waiting for every request to be answered', Promise.all(answers));
    for (const { uri, session } of sessions)
      await guarded(
        `waiting for the final diagnostics of ${uri}`,
        client.diagnostics(uri, (p) => p.version === session.version),
      );
    const drained = (performance.now() - started) / 1000;

    figures.push(
      `edits: ${sent} in ${elapsed.toFixed(1)} s (pauses included) = ${Math.round(sent / elapsed)} edits/s held; all diagnostics in after ${drained.toFixed(1)} s`,
      `analyses published: ${log.analyses} (${(sent / log.analyses).toFixed(1)} edits per analysis), ${versionTexts.checked} checked against the text of their version; final sizes ${sessions.map((s) => s.session.text.length).join(', ')} characters`,
      `didChange -> diagnostics covering it: p50 ${percentile(log.latencies, 50).toFixed(0)} ms, p95 ${percentile(log.latencies, 95).toFixed(0)} ms, max ${Math.max(...log.latencies).toFixed(0)} ms`,
      `requests: ${requests} (${cancelled} cancelled at once), answers: ${outcomes.filter((o) => o === 'answered').length} results, ${outcomes.filter((o) => o === 'cancelled').length} cancelled`,
    );
    assert.deepEqual(
      outcomes.filter((o) => o !== 'answered' && o !== 'cancelled'),
      [],
      'every request gets a result or a cancellation',
    );
    // A request cancelled right after it was sent is still queued behind the burst's edits: it is answered cancelled, not computed.
    assert.ok(outcomes.includes('cancelled'), 'requests cancelled before the server started on them are answered cancelled');
    assert.deepEqual(log.problems, [], 'diagnostics are versioned and never older than those already published');
    assert.deepEqual(versionTexts.problems.slice(0, 10), [], 'each published list is the diagnostics of the version it names');

    // The server holds the same text as the session: its diagnostics and outline are the in-process service's on that text.
    const service = new LanguageService();
    for (const { uri, session } of sessions) {
      const doc = { uri, version: session.version, text: session.text };
      const expected = JSON.parse(JSON.stringify(service.getDiagnostics(doc, { rules: {} }).map((d) => toLspDiagnostic(d, uri, RULES_DOC))));
      assert.deepEqual(client.published.get(uri)!.diagnostics, expected, `final diagnostics of ${uri}`);
      const symbols = await guarded('asking for the outline', client.request('textDocument/documentSymbol', { textDocument: { uri } }));
      assert.deepEqual(symbols, JSON.parse(JSON.stringify(service.getDocumentSymbols(doc))), `final outline of ${uri}`);
    }
  } finally {
    // Closed also when a check above failed, so the last test speaks only of its own documents.
    for (const { uri } of sessions) close(uri);
  }
  await closePublishesArrived();
});

test(`${DOCS} documents opened and closed, some broken, binary, large or not cases`, async () => {
  const closedUris: string[] = [];
  const kinds = new Map<string, number>();
  let index = 0;
  const started = performance.now();
  while (index < DOCS) {
    const group: (ReturnType<typeof variedDocument> & { version: number })[] = [];
    const size = Math.min(DOCS - index, 1 + Math.floor(random() * 25));
    for (let i = 0; i < size; i++) {
      const doc = variedDocument(index++, random, examples);
      // Now and then a URI comes back: a file closed and opened again.
      if (closedUris.length > 0 && random() < 0.05) doc.uri = closedUris[Math.floor(random() * closedUris.length)];
      if (group.some((g) => g.uri === doc.uri)) continue;
      kinds.set(doc.kind, (kinds.get(doc.kind) ?? 0) + 1);
      open(doc.uri, doc.languageId, doc.text);
      let version = 1;
      if (random() < 0.3) {
        // A few changes: typed (incremental) or the whole text replaced.
        const session = new EditingSession(doc.text, random, examples);
        const whole = random() < 0.5;
        for (let n = 1 + Math.floor(random() * 3); n > 0; n--) {
          const contentChanges = whole ? [{ text: doc.text.slice(0, Math.floor(random() * doc.text.length)) }] : session.next();
          version++;
          log.changed(doc.uri, version);
          notify('textDocument/didChange', { textDocument: { uri: doc.uri, version }, contentChanges });
        }
      }
      if (random() < 0.2) sendRequest(doc.uri, REQUESTS[Math.floor(random() * REQUESTS.length)], { line: 0, character: 0 }, random() < 0.5);
      // Closed at once, while its analysis is still pending.
      if (random() < 0.15) {
        close(doc.uri);
        closedUris.push(doc.uri);
      } else group.push({ ...doc, version });
    }
    // Changes and a close for documents the server does not have: ignored, never an error.
    if (random() < 0.3) {
      const stray = closedUris.length > 0 && random() < 0.5 ? closedUris[Math.floor(random() * closedUris.length)] : `file:///stress/never-opened-${index}.imr`;
      if (!group.some((g) => g.uri === stray)) {
        notify('textDocument/didChange', { textDocument: { uri: stray, version: 99 }, contentChanges: [{ text: 'case X' }] });
        notify('textDocument/didClose', { textDocument: { uri: `file:///stress/never-opened-${index}.imr` } });
      }
    }
    // Some documents are closed after their diagnostics arrive, the rest before.
    if (group.length > 0 && random() < 0.5) {
      const waited = group[Math.floor(random() * group.length)];
      // Only cases get diagnostics: by language, or by the .imr extension when the editor does not know the language.
      if (waited.uri.endsWith('.imr'))
        await guarded(
          'waiting for a document’s diagnostics',
          client.diagnostics(waited.uri, (p) => p.version === waited.version),
        );
    }
    for (const doc of group.sort(() => random() - 0.5)) {
      close(doc.uri);
      closedUris.push(doc.uri);
    }
    if (random() < 0.3) await sleep(Math.floor(random() * 30));
  }
  await closePublishesArrived();
  const outcomes = await guarded('waiting for every request to be answered', Promise.all(answers));
  const elapsed = (performance.now() - started) / 1000;
  figures.push(`documents: ${index} opened and closed in ${elapsed.toFixed(1)} s (${[...kinds].map(([k, n]) => `${n} ${k}`).join(', ')})`);
  assert.deepEqual(
    outcomes.filter((o) => o !== 'answered' && o !== 'cancelled'),
    [],
    'every request gets a result or a cancellation',
  );
  assert.deepEqual(log.problems, [], 'no diagnostics for a closed document after its empty publish, none stale');
});

test('afterwards: the server is up, logged no failure, forgot every document and gave its memory back', async () => {
  const state = await serverState();
  // Asked after the last close, so every publish the server made has arrived: nothing may follow the empty ones.
  assert.deepEqual(log.problems, []);
  assert.ok(client.alive, 'the server process is running');
  assert.deepEqual(
    client.logs.filter((l) => l.type <= 2 || /failed/.test(l.message)),
    [],
    'no error or warning logged',
  );
  assert.equal(client.stderr, '', 'nothing on stderr (an unhandled rejection would be there)');
  const { heapUsed, rss } = state.memory;
  figures.push(
    `heap after GC: baseline ${mb(baseline.memory.heapUsed)}, after ${mb(heapUsed)} (${heapUsed >= baseline.memory.heapUsed ? '+' : ''}${mb(heapUsed - baseline.memory.heapUsed)}; bound +${mb(HEAP_SLACK(baseline.memory.heapUsed))})`,
    `RSS: baseline ${mb(baseline.memory.rss)}, after ${mb(rss)}`,
  );
  assert.deepEqual(state.tables, { documents: 0, pending: 0, running: 0, throttle: 0, analyses: 0 }, 'no table keeps an entry for a closed document');
  assert.ok(
    heapUsed <= baseline.memory.heapUsed + HEAP_SLACK(baseline.memory.heapUsed),
    `live heap ${mb(heapUsed)} is near the baseline ${mb(baseline.memory.heapUsed)}`,
  );
});
