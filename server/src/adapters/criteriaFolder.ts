// The criteria source of a folder on disk: `<root>/.imr/criteria/*.json` of
// each root, read as data (never executed). The server (one root per
// workspace folder) and the CLI (the working directory) both read through
// here, with the service's one size limit: a file over it is listed as too
// large and not read.
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
    for (const file of await this.list()) {
      try {
        const stat = await fs.promises.stat(file);
        if (stat.size > MAX_CRITERIA_FILE_BYTES) out.push({ uri: pathToFileURL(file).href, text: '', tooLarge: true });
        else out.push({ uri: pathToFileURL(file).href, text: await fs.promises.readFile(file, 'utf8') });
      } catch {
        out.push({ uri: pathToFileURL(file).href, text: '' });
      }
    }
    return out;
  }

  /** The criteria files' paths, without reading them (an untrusted workspace's are only listed). */
  async list(): Promise<string[]> {
    const out: string[] = [];
    for (const root of this.roots) {
      const dir = path.join(root, CRITERIA_FOLDER);
      let names: string[];
      try {
        names = (await fs.promises.readdir(dir)).filter((n) => n.toLowerCase().endsWith('.json')).sort();
      } catch {
        continue; // no workspace criteria: the usual case
      }
      for (const name of names) out.push(path.join(dir, name));
    }
    return out;
  }
}
