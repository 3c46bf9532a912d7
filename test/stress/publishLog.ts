// Watches every publishDiagnostics the server sends and records what breaks
// the rules an editor relies on:
// - a document's diagnostics carry its version, and never an older one than
//   already published for it (stale results are dropped, not shown);
// - closing a document publishes one empty, unversioned list, and nothing
//   follows it until the document is opened again.
// It also times each edit: from the didChange that made a version to the
// first diagnostics for that version or a later one.
import type { PublishedDiagnostics } from '../helpers/lspClient';

interface DocumentLog {
  opened: number;
  closed: number;
  closePublishes: number;
  newestVersion: number;
  /** Versions sent but not yet covered by a publish, oldest first. */
  waiting: { version: number; sentAt: number }[];
}

export class PublishLog {
  readonly problems: string[] = [];
  readonly latencies: number[] = [];
  analyses = 0;
  private docs = new Map<string, DocumentLog>();

  private doc(uri: string): DocumentLog {
    let d = this.docs.get(uri);
    if (!d) this.docs.set(uri, (d = { opened: 0, closed: 0, closePublishes: 0, newestVersion: 0, waiting: [] }));
    return d;
  }

  opened(uri: string, version: number) {
    const d = this.doc(uri);
    d.opened++;
    d.waiting = [{ version, sentAt: performance.now() }];
  }

  changed(uri: string, version: number) {
    this.doc(uri).waiting.push({ version, sentAt: performance.now() });
  }

  closed(uri: string) {
    const d = this.doc(uri);
    d.closed++;
    d.waiting = [];
  }

  published(p: PublishedDiagnostics) {
    const d = this.doc(p.uri);
    if (p.version === undefined || p.version === null) {
      if (p.diagnostics.length > 0) this.problem(p.uri, 'diagnostics without a version');
      else d.closePublishes++;
      if (d.closePublishes > d.closed) this.problem(p.uri, 'an empty publish for a document that was not closed');
      d.newestVersion = 0; // the next life of this URI starts again at its own version
      return;
    }
    this.analyses++;
    // The server reads messages in order, so a publish belongs to the life of
    // the document that has not been closed yet: one opened after as many
    // closes as the server has already published.
    if (d.opened <= d.closePublishes) this.problem(p.uri, `version ${p.version} published after the document was closed`);
    if (p.version < d.newestVersion) this.problem(p.uri, `version ${p.version} published after version ${d.newestVersion}`);
    d.newestVersion = Math.max(d.newestVersion, p.version);
    const now = performance.now();
    while (d.waiting.length > 0 && d.waiting[0].version <= p.version) this.latencies.push(now - d.waiting.shift()!.sentAt);
  }

  /** Documents closed more often than their empty publish arrived. */
  missingClosePublishes(): string[] {
    return [...this.docs].filter(([, d]) => d.closePublishes < d.closed).map(([uri]) => uri);
  }

  private problem(uri: string, what: string) {
    if (this.problems.length < 50) this.problems.push(`${uri}: ${what}`);
  }
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
