// Runs a synchronous function of a compiled module in a worker thread and
// ends it if it has not returned in `ms`. node:test's own timeout cannot stop
// synchronous code (a quadratic loop runs to its end, however long), so a test
// of a hostile shape that used to hang calls it through here: the guard is
// generous (seconds for work that takes milliseconds) and only tells "returns"
// from "hangs"; the durations themselves are measured in npm run bench.
import { Worker } from 'node:worker_threads';

const SCRIPT = `
const { parentPort, workerData } = require('node:worker_threads');
const mod = require(workerData.file);
parentPort.postMessage(mod[workerData.name](...workerData.args));
`;

/** `require(file)[name](...args)`, or a rejection saying it did not return within `ms`. */
export function returnsWithin<T>(file: string, name: string, args: unknown[], ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(SCRIPT, { eval: true, workerData: { file, name, args } });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`${name} did not return within ${ms} ms`));
    }, ms);
    worker.once('message', (value: T) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(value);
    });
    worker.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}
