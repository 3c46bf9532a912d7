import { test } from 'node:test';
import assert from 'node:assert/strict';
import { guardLogMessage, WITHHELD } from '../../server/src/adapters/logGuard';

const CASE_TEXT = 'Ms. Quixotewick reports low back pain';

test('our own one-line messages pass as they are', () => {
  const own = 'imr: hover failed: TypeError at Object.hover (/x/dist/server.js:10:5)';
  assert.equal(guardLogMessage(own), own);
  // A line break is how a stack or a quoted text would come in: not ours.
  assert.equal(guardLogMessage(`imr: hover failed\n${CASE_TEXT}`), WITHHELD);
});

test("the JSON-RPC library's messages keep their fixed words and lose the payload they quote", () => {
  const cases: [string, string][] = [
    [
      `Received message which is neither a response nor a notification message:\n{"params":{"text":"${CASE_TEXT}"}}`,
      'Received message which is neither a response nor a notification message (details withheld: they may quote case text)',
    ],
    [
      `Received response message without id: Error is: \n{"message":"${CASE_TEXT}"}`,
      'Received response message without id (details withheld: they may quote case text)',
    ],
    [
      `Notification handler 'textDocument/didChange' failed with message: ${CASE_TEXT}`,
      "Notification handler 'textDocument/didChange' failed (details withheld: they may quote case text)",
    ],
    [
      `Response handler 'workspace/configuration' failed with message: ${CASE_TEXT}`,
      "Response handler 'workspace/configuration' failed (details withheld: they may quote case text)",
    ],
    [`Assertion failed: ${CASE_TEXT}`, 'Assertion failed (details withheld: they may quote case text)'],
  ];
  for (const [input, expected] of cases) assert.equal(guardLogMessage(input), expected);
});

test('library messages that quote nothing pass whole', () => {
  for (const m of [
    'Sending response failed.',
    'Sending notification failed.',
    'Received empty message.',
    "Notification handler 'textDocument/didOpen' failed unexpectedly.",
    'Notification textDocument/didOpen defines 1 params but received none.',
    'Received no promise from cancellation strategy when cancelling id 12',
    'Registering request handler for textDocument/hover failed.',
    'Bulk unregistration failed.',
  ]) {
    assert.equal(guardLogMessage(m), m);
  }
});

test('anything else is withheld: console output of a library, a method name that is not one', () => {
  for (const m of [CASE_TEXT, `Warning: ${CASE_TEXT}`, `Notification handler '${CASE_TEXT}' failed with message: x`, `[object Object] ${CASE_TEXT}`]) {
    assert.equal(guardLogMessage(m), WITHHELD, m);
  }
});
