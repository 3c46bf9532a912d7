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
// Untrusted, the files are only listed, and each gets one information
// diagnostic (`untrusted-workspace`) saying why it has no effect.
import { fileURLToPath, pathToFileURL } from 'url';
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ImrLanguageService } from './service/languageService';
import type { ImrDiagnostic } from './service/types';
import type { CriteriaFileText } from './service/necessity/criteriaSource';
import { toLspDiagnostic } from './adapters/lspConvert';
import { CriteriaFolders } from './adapters/criteriaFolder';

const CRITERIA_FILE = /[\\/]\.imr[\\/]criteria[\\/][^\\/]+\.json$/i;

const UNTRUSTED: ImrDiagnostic = {
  code: 'untrusted-workspace',
  severity: 'information',
  message: 'This workspace is not trusted, so IMR Author does not use this criteria file. Trust the workspace (Manage Workspace Trust) to use it.',
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
};

export class WorkspaceCriteria {
  private roots: string[] = [];
  private onDisk = new Map<string, CriteriaFileText>();
  private published = new Set<string>();
  private trusted = true;
  /** Counts loads from disk, so a slow one never overwrites what a newer one found. */
  private generation = 0;

  constructor(
    private connection: Connection,
    private service: ImrLanguageService,
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
    // A client may send a uri with a malformed escape ("%zz"): that document is
    // simply not a criteria file; it must not stop the others from loading.
    let decoded: string;
    try {
      decoded = decodeURIComponent(uri);
    } catch {
      decoded = uri;
    }
    return CRITERIA_FILE.test(decoded);
  }

  async loadFromDisk(): Promise<void> {
    const generation = ++this.generation;
    const trusted = this.trusted;
    const folders = new CriteriaFolders(this.roots);
    // Untrusted: listed, never read.
    const files = trusted ? await folders.read() : (await folders.list()).map((file) => ({ uri: pathToFileURL(file).toString(), text: '' }));
    const found = new Map(files.map((f) => [f.uri, f] as const));
    // Trust granted or files changed while this load ran: the newer load has the say.
    if (generation !== this.generation) return;
    this.onDisk = found;
    this.update();
  }

  /** Re-validates every criteria file (disk plus open editors) and publishes their diagnostics. */
  update(): void {
    const files = new Map(this.onDisk);
    // An open editor's unsaved text wins over the file on disk (the service applies the size limit to it).
    for (const doc of this.documents.all()) if (this.handles(doc.uri)) files.set(doc.uri, { uri: doc.uri, text: this.trusted ? doc.getText() : '' });
    const results = this.trusted ? this.service.setWorkspaceCriteria([...files.values()]) : this.ignoreAll([...files.keys()]);
    const now = new Set<string>();
    for (const [uri, diags] of results) {
      now.add(uri);
      void this.connection.sendDiagnostics({ uri, diagnostics: diags.map((d) => toLspDiagnostic(d, uri)) });
    }
    for (const uri of this.published) if (!now.has(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.published = now;
  }

  /** Untrusted: no workspace criteria in the library, and each file says why. */
  private ignoreAll(uris: string[]): Map<string, ImrDiagnostic[]> {
    this.service.setWorkspaceCriteria([]);
    return new Map(uris.map((uri) => [uri, [UNTRUSTED]]));
  }
}
