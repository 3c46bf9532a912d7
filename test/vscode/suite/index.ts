// Entry point VS Code loads as --extensionTestsPath: runs every *.test.js
// beside it with mocha, inside the extension host, and writes the counts to
// $IMR_TEST_RESULTS so test/vscode/run.mjs can print `N passed, N failed`
// whichever editor (desktop VS Code or the code-server launcher) ran them.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  const grep = process.env.IMR_TEST_GREP;
  if (grep) mocha.grep(grep);
  // The restricted-mode pass (an untrusted folder) runs its own suite, and only that one.
  const restricted = process.env.IMR_TEST_RESTRICTED === '1';
  for (const name of fs.readdirSync(__dirname).sort()) {
    if (name.endsWith('.test.js') && name.startsWith('restricted.') === restricted) mocha.addFile(path.join(__dirname, name));
  }
  const counts = { passed: 0, failed: 0, failures: [] as string[] };
  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', () => counts.passed++);
    runner.on('fail', (test, err) => {
      counts.failed++;
      counts.failures.push(`${test.fullTitle()}: ${err instanceof Error ? err.message : String(err)}`);
    });
  });
  const out = process.env.IMR_TEST_RESULTS;
  if (out) fs.writeFileSync(out, JSON.stringify(counts, null, 2));
  if (counts.failed > 0) throw new Error(`${counts.failed} extension-host test(s) failed`);
}
