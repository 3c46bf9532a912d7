// Where the rules page of the installed package is: docs/rules.md beside our
// package.json. The bundles live in dist/, the compiled tests in out/..., so
// the folder is found by walking up to the package rather than by a fixed
// relative path. Both the server (diagnostic code links) and the CLI (SARIF
// help links) point at this file, which ships inside the extension: nothing
// is looked up over the network.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/** docs/rules.md of the installed package, or undefined when it is not there (a bundle copied alone). */
export function rulesDocPath(from: string = __dirname): string | undefined {
  let dir = from;
  for (let i = 0; i < 6; i++) {
    const pkg = path.join(dir, 'package.json');
    // The compiled tests' out/ holds a copy of package.json (the CLI imports it for its version) but no docs: walk on.
    if (isOurPackage(pkg)) {
      const doc = path.join(dir, 'docs', 'rules.md');
      if (isFile(doc)) return doc;
    }
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return undefined;
}

/** The file: link to a code's section of the rules page (its heading is the code). */
export function ruleLink(doc: string, code: string): string {
  return `${pathToFileURL(doc).href}#${encodeURIComponent(code)}`;
}

function isOurPackage(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) return false;
    return /"name":\s*"imr-author"/.test(fs.readFileSync(file, 'utf8').slice(0, 4096));
  } catch {
    return false;
  }
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
