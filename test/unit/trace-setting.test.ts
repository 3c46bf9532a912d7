// The one way to get case text into the output channel is the user's choice:
// imr.trace.server set to verbose. The setting must exist under the name the
// language client reads (`<client id>.trace.server`), be off by default, and
// say what verbose writes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, contributedSettings } from '../helpers/fixtures';

test('imr.trace.server is contributed, off by default, and warns that verbose traces hold case text', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const setting = contributedSettings(pkg)['imr.trace.server'];
  assert.ok(setting, 'package.json contributes imr.trace.server');
  assert.equal(setting.default, 'off');
  assert.deepEqual(setting.enum, ['off', 'messages', 'verbose']);
  assert.match(setting.markdownDescription, /verbose.*case text/i);
  assert.match(setting.enumDescriptions[2], /case text/);
  assert.doesNotMatch(setting.enumDescriptions[1], /includes the case text/);
});

test("the language client's id is the prefix of that setting", () => {
  const source = fs.readFileSync(path.join(ROOT, 'client', 'src', 'extension.ts'), 'utf8');
  // The client is vscode-languageclient's LanguageClient or a subclass of it (QuietLanguageClient).
  assert.match(source, /class \w+ extends LanguageClient\b|new LanguageClient\(/);
  const id = /new \w*LanguageClient\(\s*'([^']+)'/.exec(source)?.[1];
  assert.equal(id, 'imr', 'vscode-languageclient reads `<id>.trace.server`');
});
