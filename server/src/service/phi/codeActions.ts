// The phi quick-fix: replace exactly the identifying text with a neutral term
// ("the injured worker", "[redacted]"). Registered from here so the feature
// lists stay untouched (see features/codeActions.ts).
import type { CodeAction } from '../types';
import { registerCodeActionContributor, type CodeActionContributor } from '../features/codeActions';
import { collapse, sourceText } from './rule';

export const phiCodeActions: CodeActionContributor = ({ file }, { diagnostics }) => {
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    if (d.code !== 'phi') continue;
    const text = d.data?.text;
    const replacements = d.data?.replacements;
    if (typeof text !== 'string' || !Array.isArray(replacements)) continue;
    // The diagnostic may be older than the document: offer nothing unless the
    // range still holds the text it was raised on.
    if (collapse(sourceText(file, d.range)) !== collapse(text)) continue;
    replacements.forEach((r, i) => {
      if (typeof r !== 'string' || !r) return;
      out.push({ title: `Replace with "${r}"`, kind: 'quickfix', diagnostics: [d], edits: [{ range: d.range, newText: r }], isPreferred: i === 0 });
    });
  }
  return out;
};

registerCodeActionContributor(phiCodeActions);
