// Spreads a batch over worker threads. Files go out in small batches from a
// shared queue, so a slow file does not leave other cores idle; results are
// put back in input order, so the output is the same however many workers ran.
import * as os from 'node:os';
import { Worker } from 'node:worker_threads';
import { checkFile, type FileResult } from './checkFile';
import { serviceWithCriteria, type CriteriaFile } from './workspaceCriteria';
import type { InputLimits } from '../../../server/src/service/input/limits';
import { WORKER_TAG, type FromWorker, type ToWorker, type WorkerInit } from './worker';

/** The script a worker runs: the CLI bundle itself. main.ts sets it to its own file. */
export const workerEntry = { script: '' };

/** A worker costs tens of milliseconds to start; below this many files per worker it does not pay. */
const FILES_PER_WORKER = 200;
const BATCH = 32;

export function availableCores(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

/** How many workers `--jobs auto` uses for this many files: 1 means "check on the main thread". */
export function autoJobs(fileCount: number): number {
  return Math.max(1, Math.min(availableCores(), Math.floor(fileCount / FILES_PER_WORKER)));
}

export interface RunOptions {
  jobs: number;
  cwd: string;
  /** Workspace criteria every thread installs before checking. */
  criteria: CriteriaFile[];
  /** Files over these are declined (--max-size). */
  limits: InputLimits;
  onProgress?: (done: number, total: number) => void;
}

export async function checkFiles(files: string[], opts: RunOptions): Promise<FileResult[]> {
  if (opts.jobs <= 1 || files.length < 2 || !workerEntry.script) return checkOnThisThread(files, opts);
  return checkOnWorkers(files, opts);
}

async function checkOnThisThread(files: string[], opts: RunOptions): Promise<FileResult[]> {
  const { service } = await serviceWithCriteria(opts.criteria, opts.limits);
  const results: FileResult[] = [];
  for (const f of files) {
    results.push(checkFile(service, f, opts.cwd));
    opts.onProgress?.(results.length, files.length);
  }
  return results;
}

function checkOnWorkers(files: string[], opts: RunOptions): Promise<FileResult[]> {
  const results: FileResult[] = new Array(files.length);
  const count = Math.min(opts.jobs, Math.ceil(files.length / BATCH));
  let next = 0;
  let done = 0;
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    let finished = false;
    const fail = (err: Error) => {
      if (finished) return;
      finished = true;
      for (const w of workers) void w.terminate();
      reject(err);
    };
    const feed = (w: Worker) => {
      if (next >= files.length) {
        w.postMessage({ type: 'stop' } satisfies ToWorker);
        return;
      }
      const items = [];
      for (let i = 0; i < BATCH && next < files.length; i++, next++) items.push({ index: next, file: files[next] });
      w.postMessage({ type: 'batch', items } satisfies ToWorker);
    };
    for (let i = 0; i < count; i++) {
      const init: WorkerInit = { [WORKER_TAG]: true, cwd: opts.cwd, criteria: opts.criteria, limits: opts.limits };
      const w = new Worker(workerEntry.script, { workerData: init });
      workers.push(w);
      w.on('message', (msg: FromWorker) => {
        for (const { index, result } of msg.items) results[index] = result;
        done += msg.items.length;
        opts.onProgress?.(done, files.length);
        if (done === files.length && !finished) {
          finished = true;
          for (const other of workers) other.postMessage({ type: 'stop' } satisfies ToWorker);
          resolve(results);
        } else {
          feed(w);
        }
      });
      w.on('error', fail);
      w.on('exit', (code) => {
        if (!finished && code !== 0) fail(new Error(`a check worker stopped with exit code ${code}`));
      });
      feed(w);
    }
  });
}
