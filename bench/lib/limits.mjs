// The "limits" section of the benchmark (issue 8): how long each thing the
// editor asks of the service blocks on hostile shapes of input (bench/limitShapes.ts).
// Each operation is synchronous in the server, so its duration is the time the
// server cannot answer anything else. Median of a few runs; one run when a
// single run already takes seconds.
import { performance } from 'node:perf_hooks';
import { summarize } from './stats.mjs';

function timed(fn, runs) {
  const out = [];
  let value;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    value = fn(i);
    out.push(performance.now() - t);
    if (out[0] > 2000) break; // one slow run says enough
  }
  return { ...summarize(out), value };
}

async function timedAsync(fn, runs) {
  const out = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
    if (out[0] > 2000) break;
  }
  return summarize(out);
}

/** Where completion and hover are asked: in the middle of the longest line (the long line of a long-line shape). */
function middle(text) {
  const lines = text.split('\n');
  let line = Math.floor(lines.length / 2);
  for (let i = 0; i < lines.length; i++) if (lines[i].length > lines[line].length) line = i;
  return { line, character: Math.floor(lines[line].length / 2) };
}

/**
 * Times every service operation on `text` with no limit applied (so the
 * figures say what the limit protects against). `limits` is passed to the
 * service when it supports them; `Infinity` turns them off.
 */
export async function measureShape(svc, text, { runs = 3, pdf = true } = {}) {
  const unlimited = () => {
    const s = new svc.LanguageService();
    if (s.settings) s.settings = { ...s.settings, limits: { maxFileSize: Infinity, maxLineLength: Infinity } };
    return s;
  };
  const service = unlimited();
  const uri = 'file:///bench/limits.imr';
  let v = 0;
  const doc = () => ({ uri, version: ++v, text });
  const r = {};
  // Diagnostics as when the file is opened: a new service each run, so no parse or rule result is reused (the
  // service's memos would otherwise make every run after the first a same-text run).
  const diag = timed(() => unlimited().getDiagnostics({ uri, version: 1, text }), runs);
  r.diagnostics = strip(diag);
  const diagnostics = diag.value;
  // A keystroke: one character typed in the middle of the longest line, then taken out again, on a service that has
  // read the text before (what the server does as the author types).
  service.getDiagnostics(doc());
  const key = middle(text);
  const keyAt = offsetOf(text, key);
  const typed = text.slice(0, keyAt) + 'x' + text.slice(keyAt);
  r.edit = strip(timed((i) => service.getDiagnostics({ uri, version: ++v, text: i % 2 === 0 ? typed : text }), runs));
  // Features share the parse of one version, as they do in the editor after the diagnostics ran.
  const same = doc();
  service.getDiagnostics(same);
  const at = middle(text);
  r.symbols = strip(timed(() => service.getDocumentSymbols(same), runs));
  r.folding = strip(timed(() => service.getFoldingRanges(same), runs));
  r.completion = strip(timed(() => service.getCompletions(same, at), runs));
  r.hover = strip(timed(() => service.getHover(same, at), runs));
  const first = diagnostics[0];
  r.codeActions = strip(timed(() => service.getCodeActions(same, first ? first.range : { start: at, end: at }, diagnostics.slice(0, 50)), runs));
  r.renderText = strip(timed(() => service.renderLetter(doc(), 'text'), runs));
  const html = timed(() => service.renderLetter(doc(), 'html'), runs);
  r.renderHtml = strip(html);
  // The preview's body, with web addresses made links (what the extension renders after each edit).
  r.renderPreview = strip(timed(() => service.renderLetter(doc(), 'html', { html: 'body', links: true }), runs));
  if (pdf) r.renderPdf = await timedAsync(() => service.renderLetter(doc(), 'pdf'), 1);
  const letter = service.renderLetter(doc(), 'text');
  r.import = strip(timed(() => svc.importLetter(letter), runs));
  r.diagnosticCount = diagnostics.length;
  return r;
}

function offsetOf(text, { line, character }) {
  let at = 0;
  for (let i = 0; i < line; i++) at = text.indexOf('\n', at) + 1;
  return at + character;
}

function strip({ value, ...rest }) {
  return rest;
}

/** Every shape of bench/limitShapes.ts: the operations with the limit off, and the answer with the default limit on. */
export async function measureLimits(svc, sets, { quick = false, log = () => {}, names } = {}) {
  const defaultKb = svc.DEFAULT_MAX_FILE_KB;
  const shapes = [];
  for (const shape of svc.limitShapes(sets, defaultKb * 1024).filter((s) => !names || names.includes(s.name))) {
    const text = shape.make();
    const bytes = Buffer.byteLength(text);
    log(`limits: ${shape.name} (${Math.round(bytes / 1024)} KB)`);
    // Small texts get more runs: their medians are what the 200 ms goal is judged on, and a shared machine is noisy.
    const runs = quick ? 1 : bytes > 4 * 1024 * 1024 ? 1 : bytes > 256 * 1024 ? 3 : 7;
    // PDF of a multi-megabyte letter takes minutes and says nothing new about blocking in the editor.
    const ops = await measureShape(svc, text, { runs, pdf: bytes <= 2 * 1024 * 1024 });
    // The default limit's answer on opening the file (a new service each run, as for "diagnostics").
    const declined = timed(() => new svc.LanguageService().getDiagnostics({ uri: 'file:///bench/declined.imr', version: 1, text }), runs);
    const codes = declined.value.filter((d) => d.code === 'file-too-large' || d.code === 'binary-file').map((d) => d.code);
    const worst = Math.max(
      ...Object.values(ops)
        .filter((x) => typeof x === 'object')
        .map((x) => x.median),
    );
    shapes.push({
      name: shape.name,
      what: shape.what,
      kb: Math.round(bytes / 102.4) / 10,
      lines: text.split('\n').length,
      declined: codes.length > 0,
      answerMs: strip(declined),
      worstMs: worst,
      ops,
    });
  }
  return { defaultKb, shapes };
}
