// A commit's tree unpacked for the bench's builds of other commits (bench/lib/baseline.mjs, sharedRules.mjs).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';

/** The commit's tree, fresh, in `dir` (`git archive`); the reason when it could not be had, else undefined. */
export function extractTree(root, sha, dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const archive = spawnSync('git', ['-C', root, 'archive', '--format=tar', sha], { maxBuffer: 1 << 30 });
  if (archive.status !== 0) return `git archive ${sha.slice(0, 12)} failed`;
  const tar = spawnSync('tar', ['-x', '-C', dir], { input: archive.stdout });
  if (tar.status !== 0) return 'tar could not unpack the baseline tree';
  return undefined;
}
