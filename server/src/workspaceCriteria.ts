// Workspace criteria: `.imr/criteria/*.json` files that add to or override the
// built-in criteria library. They are data only (parsed as JSON, validated,
// never executed). Open editors' unsaved text wins over the file on disk, and
// validation errors are published as diagnostics on the JSON file itself.
//
// In a workspace the editor does not trust (VS Code's Restricted Mode) the
// files are not read at all: a stranger's repository could otherwise redefine
// a guideline section so that a case's missing criteria go unreported. The
// client says whether the workspace is trusted (initializationOptions, then
// the `imr/workspaceTrust` notification when the user grants trust); clients
// that know nothing of trust (Neovim, the tests) get the files as before.
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from './service/languageService';
import { toLspDiagnostic } from './adapters/lspConvert';

const CRITERIA_FILE = /[\\/]\.imr[\\/]criteria[\\/][^\\/]+\.json$/i;
const MAX_BYTES = 1024 * 1024;

export class WorkspaceCriteria {
  private roots: string[] = [];
  private onDisk = new Map<string, string>();
  private published = new Set<string>();
  private trusted = true;

  constructor(
    private connection: Connection,
    private service: LanguageService,
    private documents: TextDocuments<TextDocument>,
  ) {}

  setRoots(uris: string[]) {
    this.roots = uris.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
  }

  /** Whether the workspace's criteria files may be used; an untrusted workspace's are dropped. */
  setTrusted(trusted: boolean) {
    this.trusted = trusted;
  }

  handles(uri: string): boolean {
    return CRITERIA_FILE.test(decodeURIComponent(uri));
  }

  async loadFromDisk(): Promise<void> {
    this.onDisk.clear();
    for (const root of this.trusted ? this.roots : []) {
      const dir = path.join(root, '.imr', 'criteria');
      let names: string[] = [];
      try {
        names = (await fs.promises.readdir(dir)).filter((n) => n.toLowerCase().endsWith('.json')).sort();
      } catch {
        continue; // no workspace criteria: the usual case
      }
      for (const name of names) {
        const file = path.join(dir, name);
        try {
          const stat = await fs.promises.stat(file);
          const uri = pathToFileURL(file).toString();
          this.onDisk.set(uri, stat.size > MAX_BYTES ? '' : await fs.promises.readFile(file, 'utf8'));
        } catch {
          // unreadable: reported by validation as an empty file
        }
      }
    }
    this.update();
  }

  /** Re-validates every criteria file (disk plus open editors) and publishes their diagnostics. */
  update(): void {
    const files = new Map(this.onDisk);
    if (this.trusted) for (const doc of this.documents.all()) if (this.handles(doc.uri)) files.set(doc.uri, doc.getText());
    const results = this.service.setWorkspaceCriteria([...files].map(([uri, text]) => ({ uri, text })));
    const now = new Set<string>();
    for (const [uri, diags] of results) {
      now.add(uri);
      void this.connection.sendDiagnostics({ uri, diagnostics: diags.map((d) => toLspDiagnostic(d, uri)) });
    }
    for (const uri of this.published) if (!now.has(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.published = now;
  }
}
