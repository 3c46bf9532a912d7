// The quality floor on the labelled letters: imports and checks every letter of
// the shared corpus in memory, scores the findings against the hand labels as
// `npm run eval` does, and fails when recall or precision (overall, per
// labelled category, per finding code) falls below quality-floor.json. Raise
// the floor with `npm run eval -- --raise-floor` after a change that improves
// the figures. Reports figures only, never letter text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from '../helpers/fixtures';
import { defaultPaths, evaluate } from '../../tools/eval/corpus';
import { belowFloor, type Floor } from '../../tools/eval/floor';

const paths = defaultPaths(ROOT);
const skip =
  fs.existsSync(paths.letters) && fs.existsSync(paths.labels)
    ? false
    : `the labelled letters are not at ${path.dirname(paths.labels)}; set IMR_SHARED_DIR to the folder that holds corpus/ and eval/`;

test('recall and precision on the labelled letters stay at or above the recorded floor', { skip }, async () => {
  const floor = JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'unit', 'quality-floor.json'), 'utf8')) as Floor;
  const s = await evaluate(paths);
  console.log(
    `quality: recall ${s.caught}/${s.labelled}, precision ${s.truePositives}/${s.findings} (floor recall ${floor.recall}, precision ${floor.precision})`,
  );
  assert.equal(s.labelProblems.length, 0, 'every label quote is found in its letter');
  assert.ok(s.labelled >= 300, `the labels were read (${s.labelled})`);
  assert.deepEqual(belowFloor(s, floor), []);
});
