// What the author should be told about the language server, derived from the
// language client's coarse states (starting / running / stopped) and from
// our crash handler's decisions. The client alone cannot say why it stopped:
// after a crash it passes through "stopped" on its way to a restart, and it is
// also "stopped" for good once it gave up. No `vscode` import, so the unit
// tests can walk through every sequence the client produces.

/** starting: first start; running; restarting: after a crash or a requested restart, until running again; stopped: will not come back on its own. */
export type ServerPhase = 'starting' | 'running' | 'restarting' | 'stopped';

export type ServerEvent =
  /** The language client's public state changed. */
  | { kind: 'client'; state: 'starting' | 'running' | 'stopped' }
  /** The connection closed unexpectedly and the crash handler decided. */
  | { kind: 'crash'; decision: 'restart' | 'give-up' }
  /** The author asked for a restart (command or notification button). */
  | { kind: 'restart-requested' }
  /** Starting the server threw (the client could not even connect). */
  | { kind: 'start-failed' };

export interface PhaseState {
  phase: ServerPhase;
  /** In `restarting`: the client has begun starting again since the crash, so a "stopped" now means that start failed. */
  startedAgain: boolean;
}

export const INITIAL_PHASE: PhaseState = { phase: 'starting', startedAgain: false };

export function nextPhase(s: PhaseState, e: ServerEvent): PhaseState {
  switch (e.kind) {
    case 'crash':
      return e.decision === 'restart' ? { phase: 'restarting', startedAgain: false } : { phase: 'stopped', startedAgain: false };
    case 'restart-requested':
      return { phase: 'restarting', startedAgain: false };
    case 'start-failed':
      return { phase: 'stopped', startedAgain: false };
    case 'client':
      if (e.state === 'running') return { phase: 'running', startedAgain: false };
      if (e.state === 'starting') return s.phase === 'restarting' ? { phase: 'restarting', startedAgain: true } : { phase: 'starting', startedAgain: false };
      // 'stopped': on the way to a restart it is expected; after the restart began, the start failed.
      if (s.phase === 'restarting' && !s.startedAgain) return s;
      return { phase: 'stopped', startedAgain: false };
  }
}
