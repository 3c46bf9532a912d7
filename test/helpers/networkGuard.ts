// Runs the built tools with test/helpers/noNetwork.cjs preloaded and reads back
// what the guard recorded: that it loaded (in which processes and threads),
// and every attempt to reach the network.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from './fixtures';

export const NO_NETWORK_PRELOAD = path.join(ROOT, 'test', 'helpers', 'noNetwork.cjs');

export interface GuardRecord {
  kind: 'loaded' | 'attempt';
  pid: number;
  thread: number;
  api?: string;
  stack?: string[];
  argv?: string[];
}

export interface NetworkLog {
  file: string;
  /** Extra environment for a guarded process: the preload (inherited by worker threads and child processes) and where it records. */
  env: Record<string, string>;
  read(): GuardRecord[];
  attempts(): GuardRecord[];
  loads(): GuardRecord[];
}

export function networkLog(dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-net-'))): NetworkLog {
  const file = path.join(dir, `network-${process.pid}-${Date.now()}.jsonl`);
  const read = (): GuardRecord[] =>
    fs.existsSync(file)
      ? fs
          .readFileSync(file, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as GuardRecord)
      : [];
  return {
    file,
    env: { NODE_OPTIONS: `--require ${JSON.stringify(NO_NETWORK_PRELOAD)}`, IMR_NETWORK_LOG: file },
    read,
    attempts: () => read().filter((r) => r.kind === 'attempt'),
    loads: () => read().filter((r) => r.kind === 'loaded'),
  };
}

/** The attempts, one line each with where they came from, for an assertion message. */
export function describeAttempts(records: GuardRecord[]): string {
  return records.map((r) => `${r.api} (pid ${r.pid}, thread ${r.thread}) at ${(r.stack ?? []).slice(0, 3).join(' < ')}`).join('\n');
}
