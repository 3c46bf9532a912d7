// Imports and checks the labelled letters in memory, the way `imr import` and
// `imr check` do on disk: the letter is decoded as the importer's CLI decodes
// it, imported, and checked by one language service with the built-in
// criteria. No case text is written anywhere (score.mjs writes the imported
// cases to a temporary folder; this does not).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadLetter } from '../../cli/src/commands/import';
import { importLetter } from '../../server/src/service/import/index';
import { createLanguageService } from '../../server/src/service/languageService';
import { parseLabels, score, type Checked, type Score } from './score';

export interface EvalPaths {
  letters: string;
  labels: string;
}

/**
 * Where the labelled letters are: IMR_SHARED_DIR, else the nearest `shared`
 * folder above the checkout that holds them (beside it on the team's machines,
 * one level further up from a git worktree).
 */
export function defaultPaths(root: string): EvalPaths {
  let shared = process.env.IMR_SHARED_DIR ? path.resolve(process.env.IMR_SHARED_DIR) : path.resolve(root, '..', 'shared');
  if (!process.env.IMR_SHARED_DIR) {
    for (let dir = path.resolve(root, '..'); ; dir = path.dirname(dir)) {
      if (fs.existsSync(path.join(dir, 'shared', 'eval'))) {
        shared = path.join(dir, 'shared');
        break;
      }
      if (path.dirname(dir) === dir) break;
    }
  }
  return { letters: path.join(shared, 'corpus', 'letters'), labels: path.join(shared, 'eval', 'labels-dev.tsv') };
}

/** Imports, checks and scores every labelled letter. */
export async function evaluate(paths: EvalPaths): Promise<Score> {
  const labels = parseLabels(fs.readFileSync(paths.labels, 'utf8'));
  const service = createLanguageService();
  const checked = new Map<string, Checked>();
  for (const id of new Set(labels.map((l) => l.id))) {
    const file = path.join(paths.letters, `${id}.txt`);
    if (!fs.existsSync(file)) {
      checked.set(id, {});
      continue;
    }
    const loaded = await loadLetter(file);
    if (!loaded.ok) {
      checked.set(id, { letter: fs.readFileSync(file, 'utf8') });
      continue;
    }
    const letter = fs.readFileSync(file, 'utf8');
    const imported = importLetter(loaded.text, { sourceName: `${id}.txt` });
    const uri = `file:///eval/${id}.imr`;
    const findings = service.getDiagnostics({ uri, version: 1, text: imported.text });
    service.forget(uri);
    checked.set(id, { letter, caseText: imported.text, findings });
  }
  return score(labels, (id) => checked.get(id) ?? {});
}
