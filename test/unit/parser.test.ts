import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCase } from '../../server/src/service/syntax/parser';
import { readExample } from '../helpers/fixtures';

test('the seed case parses with no syntax problems', () => {
  const file = parseCase(readExample('lumbar-mri-upheld.imr'));
  assert.deepEqual(file.problems, []);
  assert.deepEqual(file.sections.map((s) => s.kind), ['case', 'reviewer', 'worker', 'summary', 'item']);
  assert.equal(file.items[0].criteria?.entries.length, 6);
  assert.ok(file.facts.some((f) => f.label.name === 'neuro-findings' && /strength and-or sensation/.test(f.sentence.text)));
});
