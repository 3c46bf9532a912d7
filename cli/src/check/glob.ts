// A small glob matcher and walker, because Node 20 has no fs.glob (it came in
// 22, experimental) and the CLI takes no dependencies. Supports `*`, `?`,
// `**` (any depth), `[abc]`/`[!abc]` and `{a,b}`. Like shells, `*` does not
// match names starting with a dot, and node_modules is never searched.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from '../command';

const MAGIC = /[*?[{]/;

export function isGlob(pattern: string): boolean {
  return MAGIC.test(pattern);
}

/** Turns a glob (with `/` separators) into an anchored regular expression over `/`-separated relative paths. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  let braceDepth = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // `**/` matches zero or more whole directories; a trailing `**` matches everything below.
        const atSegmentStart = i === 0 || glob[i - 1] === '/';
        if (atSegmentStart && glob[i + 2] === '/') {
          re += '(?:(?!\\.)[^/]*/)*';
          i += 2;
          continue;
        }
        if (atSegmentStart && i + 2 === glob.length) {
          re += '(?:(?!\\.)[^/]*(?:/|$))*';
          i += 1;
          continue;
        }
        i += 1;
      }
      const atSegmentStart = i === 0 || glob[i - 1] === '/' || (glob[i - 1] === '*' && (i - 1 === 0 || glob[i - 2] === '/'));
      re += atSegmentStart ? '(?!\\.)[^/]*' : '[^/]*';
    } else if (c === '?') {
      re += '[^/]';
    } else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close === -1) {
        re += '\\[';
        continue;
      }
      let body = glob.slice(i + 1, close);
      const negate = body[0] === '!' || body[0] === '^';
      if (negate) body = body.slice(1);
      re += `[${negate ? '^/' : ''}${body.replace(/[\\\]]/g, '\\$&')}]`;
      i = close;
    } else if (c === '{') {
      braceDepth++;
      re += '(?:';
    } else if (c === '}' && braceDepth > 0) {
      braceDepth--;
      re += ')';
    } else if (c === ',' && braceDepth > 0) {
      re += '|';
    } else {
      re += c.replace(/[.+^$()|\\]/g, '\\$&');
    }
  }
  // A pattern typed on the command line is the user's to fix: say what is wrong with it, as a usage error.
  if (braceDepth > 0) throw new UsageError(`the pattern '${glob}' is not a valid glob: a { has no closing }`);
  try {
    return new RegExp(`^${re}$`);
  } catch {
    throw new UsageError(`the pattern '${glob}' is not a valid glob: a [...] range runs backwards (write [a-z], not [z-a])`);
  }
}

/**
 * Expands a glob against the file system. The fixed leading directories are
 * not walked from the root: `cases/2015/**\/*.imr` walks only cases/2015.
 * Returns matching files (not directories) as paths joined onto `cwd`-relative
 * form, the way they were written, sorted.
 */
export function expandGlob(pattern: string, cwd: string): string[] {
  const normalized = pattern.split(path.sep).join('/');
  const segments = normalized.split('/');
  const fixed: string[] = [];
  while (segments.length > 1 && !isGlob(segments[0])) fixed.push(segments.shift()!);
  const base = fixed.join('/') || (normalized.startsWith('/') ? '/' : '.');
  const baseForDisplay = fixed.length ? fixed.join('/') : '';
  const rest = segments.join('/');
  const re = globToRegExp(rest);
  const deep = rest.includes('**') || rest.includes('/');
  const out: string[] = [];
  walk(path.resolve(cwd, base), '', deep, (rel) => {
    if (re.test(rel)) out.push(baseForDisplay ? `${baseForDisplay}/${rel}` : rel);
  });
  return out.sort();
}

/** Every *.imr file below a directory, sorted. */
export function findCaseFiles(dir: string, cwd: string): string[] {
  const out: string[] = [];
  const trimmed = dir.replace(/[\\/]+$/, '') || dir;
  // `imr check .` lists `a.imr`, not `./a.imr`, as compilers do.
  const prefix = trimmed === '.' ? '' : `${trimmed}/`;
  walk(path.resolve(cwd, dir), '', true, (rel) => {
    if (rel.endsWith('.imr')) out.push(`${prefix}${rel}`);
  });
  return out.sort();
}

function walk(absDir: string, rel: string, deep: boolean, onFile: (rel: string) => void): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(absDir, { withFileTypes: true });
  } catch {
    return; // An unreadable directory below the search root has nothing we can check.
  }
  for (const e of entries) {
    const childRel = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) {
      if (!deep || e.name === 'node_modules' || e.name.startsWith('.')) continue;
      walk(path.join(absDir, e.name), childRel, deep, onFile);
    } else if (e.isFile() || e.isSymbolicLink()) {
      onFile(childRel);
    }
  }
}
