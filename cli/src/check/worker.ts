// The worker side of batch checking. dist/cli.js starts copies of itself as
// worker threads (see pool.ts); main.ts routes them here. Each worker keeps
// one language service and checks the batches of paths the pool sends it.
import { parentPort, workerData } from 'node:worker_threads';
import { checkFile, type FileResult } from './checkFile';
import { serviceWithCriteria, type CriteriaFile } from './workspaceCriteria';
import type { InputLimits } from '../../../server/src/service/input/limits';

/** Marks workerData as ours, so the bundle knows it was started as a check worker. */
export const WORKER_TAG = '__imrCheckWorker';

export interface WorkerInit {
  [WORKER_TAG]: true;
  cwd: string;
  criteria: CriteriaFile[];
  /** --max-size, so workers decline the same files the main thread would. */
  limits: InputLimits;
}

export type ToWorker = { type: 'batch'; items: { index: number; file: string }[] } | { type: 'stop' };
export type FromWorker = { type: 'results'; items: { index: number; result: FileResult }[] };

export async function runWorker(): Promise<void> {
  const port = parentPort;
  if (!port) return;
  const { cwd, criteria, limits } = workerData as WorkerInit;
  // Messages the pool sends meanwhile wait in the port until the listener below starts it.
  const { service } = await serviceWithCriteria(criteria, limits);
  port.on('message', (msg: ToWorker) => {
    if (msg.type === 'stop') {
      port.close();
      return;
    }
    const items = msg.items.map(({ index, file }) => ({ index, result: checkFile(service, file, cwd) }));
    const reply: FromWorker = { type: 'results', items };
    port.postMessage(reply);
  });
}
