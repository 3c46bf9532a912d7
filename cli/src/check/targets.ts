// Turns the command line's FILE|DIR|GLOB arguments into the list of files to
// check. A file named explicitly is always checked (whatever its extension);
// directories contribute their *.imr files; globs whatever they match.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expandGlob, findCaseFiles, isGlob } from './glob';

export interface Targets {
  files: string[];
  /** Arguments that named nothing: reported, and the run ends with exit code 2. */
  problems: { target: string; reason: string }[];
}

export function resolveTargets(args: string[], cwd: string): Targets {
  const files: string[] = [];
  const problems: Targets['problems'] = [];
  const seen = new Set<string>();
  const add = (f: string) => {
    const key = path.resolve(cwd, f);
    if (!seen.has(key)) {
      seen.add(key);
      files.push(f);
    }
  };
  for (const arg of args) {
    let st: fs.Stats | undefined;
    try {
      st = fs.statSync(path.resolve(cwd, arg));
    } catch {
      st = undefined;
    }
    if (st?.isDirectory()) {
      const found = findCaseFiles(arg, cwd);
      if (found.length === 0) problems.push({ target: arg, reason: 'no .imr files in this directory' });
      found.forEach(add);
    } else if (st) {
      add(arg);
    } else if (isGlob(arg)) {
      const found = expandGlob(arg, cwd);
      if (found.length === 0) problems.push({ target: arg, reason: 'no files match this pattern' });
      found.forEach(add);
    } else {
      // Let the reader report it, so a missing file is listed like any unreadable one.
      add(arg);
    }
  }
  return { files, problems };
}
