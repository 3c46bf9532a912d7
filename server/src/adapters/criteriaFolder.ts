// The criteria source of a folder on disk: `<root>/.imr/criteria/*.json` of
// each root, read as data (never executed). The server (one root per
// workspace folder) and the CLI (the working directory) both read through
// here, with the service's one size limit: a file over it is listed as too
// large and not read. A repository can hold symbolic links (git stores them,
// a pull request can add one), so a criteria file is read only when it is a
// regular file inside its workspace folder, and never past the size limit,
// whatever its directory entry claims: `x.json -> /dev/zero` once made
// `imr check` allocate until it aborted, and a link to a file elsewhere on
// the machine echoed that file's keys into diagnostics.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { MAX_CRITERIA_FILE_BYTES, type CriteriaFileText, type CriteriaSource } from '../service/necessity/criteriaSource';

export const CRITERIA_FOLDER = path.join('.imr', 'criteria');

export class CriteriaFolders implements CriteriaSource {
  constructor(private readonly roots: readonly string[]) {}

  /** Every criteria file with its text (files are read one by one; an unreadable one comes back empty, and validation reports it). */
  async read(): Promise<CriteriaFileText[]> {
    const out: CriteriaFileText[] = [];
    for (const root of this.roots) {
      for (const file of await this.listIn(root)) {
        const uri = pathToFileURL(file).href;
        try {
          out.push({ uri, ...(await readBounded(file, root)) });
        } catch {
          out.push({ uri, text: '' });
        }
      }
    }
    return out;
  }

  /** The criteria files' paths, without reading them (an untrusted workspace's are only listed). */
  async list(): Promise<string[]> {
    const out: string[] = [];
    for (const root of this.roots) out.push(...(await this.listIn(root)));
    return out;
  }

  private async listIn(root: string): Promise<string[]> {
    const dir = path.join(root, CRITERIA_FOLDER);
    try {
      return (await fs.promises.readdir(dir))
        .filter((n) => n.toLowerCase().endsWith('.json'))
        .sort()
        .map((name) => path.join(dir, name));
    } catch {
      return []; // no workspace criteria: the usual case
    }
  }
}

/** `inner` is `outer` or lies below it. */
function isInside(inner: string, outer: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * The file's text, or why it is not read. The link is resolved first and must
 * end inside the workspace folder; the target must be a regular file (a pipe
 * would block the open, a device never ends); the size is checked on the open
 * handle, and the read stops one byte past the limit whatever the size said.
 */
async function readBounded(file: string, root: string): Promise<Omit<CriteriaFileText, 'uri'>> {
  const real = await fs.promises.realpath(file);
  const realRoot = await fs.promises.realpath(root).catch(() => path.resolve(root));
  if (!(await fs.promises.stat(real)).isFile()) return { text: '', refused: 'it is not a regular file (a device, a pipe or a folder)' };
  if (!isInside(real, realRoot)) return { text: '', refused: 'it is a link to a file outside the workspace folder' };
  const handle = await fs.promises.open(real, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    const st = await handle.stat();
    if (!st.isFile()) return { text: '', refused: 'it is not a regular file (a device, a pipe or a folder)' };
    if (st.size > MAX_CRITERIA_FILE_BYTES) return { text: '', tooLarge: true };
    const buffer = Buffer.alloc(MAX_CRITERIA_FILE_BYTES + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > MAX_CRITERIA_FILE_BYTES) return { text: '', tooLarge: true };
    }
    return { text: buffer.toString('utf8', 0, length) };
  } finally {
    await handle.close();
  }
}
