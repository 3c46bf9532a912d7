// In-process timings of the language service on one text: parse, analysis
// (parse + case model), full diagnostics, and the rendered letter. Each run
// uses a new document version so the service's per-version cache never hits;
// the rules' and reader's memos do keep the readings of unchanged sentences,
// as they do between two keystrokes. For the synthetic cases also: the full
// diagnostics after one edit (each run changes one summary sentence, a text
// never analysed before) and cold (a new service each run, memos empty: a
// case just opened).
import { time, timeAsync } from './stats.mjs';

export async function measureService(svc, text, runs, options = {}) {
  const { parseCase, buildCaseModel, LanguageService } = svc;
  const service = new LanguageService();
  // The synthetic 2,000- and 20,000-line cases are over the default size limit
  // (64 KB): measure the analysis itself, not the refusal.
  service.settings = { ...service.settings, limits: { maxFileSize: Infinity } };
  const uri = 'file:///bench/case.imr';
  const declined = service.getDiagnostics({ uri, version: 0, text }).find((d) => d.code === 'file-too-large' || d.code === 'binary-file');
  if (declined) throw new Error(`the benchmark case was declined (${declined.code}), so nothing would be measured`);
  const parse = time(() => parseCase(text), runs);
  const analysis = time(() => buildCaseModel(parseCase(text)), runs);
  const diagnostics = time((i) => service.getDiagnostics({ uri, version: i + 1, text }), runs);
  const diagnosticCount = service.getDiagnostics({ uri, version: -1, text }).length;
  let edit = null;
  let cold = null;
  if (options.editAndCold) {
    const at = editOffset(parseCase, text);
    // Warm the memos on the text itself, then each run inserts a different word into the same sentence.
    service.getDiagnostics({ uri, version: -2, text });
    edit = time((i) => service.getDiagnostics({ uri, version: 1e7 + i, text: `${text.slice(0, at)} ${i + 1}${text.slice(at)}` }), runs);
    const coldRuns = Math.max(3, Math.floor(runs / 4));
    cold = time(
      (i) => {
        const fresh = new LanguageService();
        fresh.settings = { ...fresh.settings, limits: { maxFileSize: Infinity } };
        return fresh.getDiagnostics({ uri, version: i + 1, text });
      },
      coldRuns,
      2,
    );
  }
  let render = null;
  if (typeof service.renderLetter === 'function') {
    const renderRuns = Math.max(3, Math.floor(runs / 3));
    render = {
      text: time((i) => service.renderLetter({ uri, version: 1e6 + i, text }, 'text'), renderRuns),
      html: time((i) => service.renderLetter({ uri, version: 2e6 + i, text }, 'html'), renderRuns),
    };
    try {
      const pdfRuns = Math.max(3, Math.floor(renderRuns / 3));
      render.pdf = await timeAsync((i) => service.renderLetter({ uri, version: 3e6 + i, text }, 'pdf'), pdfRuns, 1);
    } catch (err) {
      render.pdf = { error: String(err?.message ?? err).slice(0, 120) };
    }
  }
  return { parse, analysis, diagnostics, diagnosticCount, edit, cold, render };
}

/** The offset just after the first word of the middle summary sentence: where the edit runs insert a word. */
function editOffset(parseCase, text) {
  const sentences = parseCase(text).summary?.prose.sentences ?? [];
  if (!sentences.length) throw new Error('the benchmark case has no summary sentence to edit');
  const { line, character } = sentences[Math.floor(sentences.length / 2)].range.start;
  let offset = 0;
  for (let l = 0; l < line; l++) offset = text.indexOf('\n', offset) + 1;
  const space = text.indexOf(' ', offset + character);
  return space < 0 ? offset + character : space;
}
