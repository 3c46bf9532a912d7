// How many times the language server may crash before the client stops
// restarting it. A server that dies once (a bug hit by one odd case) should
// come straight back; one that dies on every start would otherwise be
// restarted forever, each time re-reading every open case. Same budget as
// vscode-languageclient's default handler (5 crashes within 3 minutes), but
// ours can be reset when the author asks for a restart, and it says what it
// decided so the preview and status bar can tell the author.
// No `vscode` import: the unit tests drive it with their own clock.

export const MAX_CRASHES = 5;
export const WINDOW_MS = 3 * 60 * 1000;

export type CrashDecision = 'restart' | 'give-up';

export class RestartBudget {
  /** When the recent crashes happened (ms), oldest first, at most MAX_CRASHES. */
  private crashes: number[] = [];

  constructor(
    private readonly maxCrashes = MAX_CRASHES,
    private readonly windowMs = WINDOW_MS,
  ) {}

  /** Records a crash at `now` and says whether to start the server again. */
  crashed(now: number): CrashDecision {
    this.crashes.push(now);
    this.crashes = this.crashes.filter((t) => now - t <= this.windowMs).slice(-this.maxCrashes);
    return this.crashes.length >= this.maxCrashes ? 'give-up' : 'restart';
  }

  /** The author restarted the server by hand: earlier crashes no longer count. */
  reset(): void {
    this.crashes = [];
  }
}
