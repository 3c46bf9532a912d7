import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { exitQuietlyOnFatal } from '../../server/src/adapters/fatal';

const CASE_TEXT = 'Ms. Quixotewick reports low back pain';

for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
  test(`an ${event} stops the server with exit code 1 and writes its kind and place, not its message`, () => {
    const host = Object.assign(new EventEmitter(), {
      codes: [] as number[],
      exit(code: number) {
        this.codes.push(code);
      },
    });
    const written: string[] = [];
    exitQuietlyOnFatal(host, (line) => written.push(line));
    // An error whose message quotes case text, as JSON.parse's does for text it cannot read.
    const err = new SyntaxError(`Unexpected token in "${CASE_TEXT}"`);
    host.emit(event, err);
    assert.deepEqual(host.codes, [1]);
    assert.equal(written.length, 1);
    assert.match(written[0], /^imr: the language server stopped on an unexpected SyntaxError at /);
    assert.equal(written[0].includes('Quixotewick'), false, written[0]);
  });
}
