// In-process timings of the language service on one text: parse, analysis
// (parse + case model), full diagnostics, and the rendered letter. Each run
// uses a new document version so the service's per-version cache never hits.
import { time, timeAsync } from './stats.mjs';

export async function measureService(svc, text, runs) {
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
  return { parse, analysis, diagnostics, diagnosticCount, render };
}
