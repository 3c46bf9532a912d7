// Workspace trust: which settings VS Code must ignore in an untrusted
// workspace (package.json), and what the user is told about its criteria files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT, contributedSettings } from '../helpers/fixtures';
import { isCriteriaFileName, restrictedNotice } from '../../client/src/trust/notice';

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

/**
 * Settings a stranger's repository may set without harm: they change how the
 * preview scrolls, never what the checks report, what the letter says or what
 * is logged. Every other setting must be restricted; a new setting fails this
 * test until someone decides which it is.
 */
const HARMLESS: Record<string, string> = {
  'imr.preview.scrollPreviewWithEditor': 'scrolling only',
  'imr.preview.scrollEditorWithPreview': 'scrolling only',
  'imr.preview.doubleClickToSwitchToEditor': 'navigation only',
};

test('package.json: limited support in untrusted workspaces, every setting that changes behaviour restricted', () => {
  const trust = manifest.capabilities?.untrustedWorkspaces;
  assert.ok(trust, 'capabilities.untrustedWorkspaces is declared');
  assert.equal(trust.supported, 'limited');
  assert.match(trust.description, /criteria files/, 'the description says what is left out');
  const settings = Object.keys(contributedSettings(manifest));
  const restricted: string[] = trust.restrictedConfigurations;
  assert.equal(new Set(restricted).size, restricted.length, 'no setting listed twice');
  for (const name of restricted) assert.ok(settings.includes(name), `${name} is restricted but is no setting`);
  for (const name of settings) {
    assert.ok(
      restricted.includes(name) !== name in HARMLESS,
      `${name} must be either restricted or listed as harmless (with a reason), not ${restricted.includes(name) ? 'both' : 'neither'}`,
    );
  }
  for (const name of settings.filter((n) => n.startsWith('imr.rules.')))
    assert.ok(restricted.includes(name), `${name}: turning a rule off from a stranger's repository would hide problems`);
  assert.ok(restricted.includes('imr.trace.server'), 'a verbose trace puts case text in the output channel');
});

test('the Restricted Mode notice appears only when there are criteria files to ignore, and says what to do', () => {
  assert.equal(restrictedNotice(true, ['.imr/criteria/a.json']), undefined, 'a trusted workspace: nothing to say');
  assert.equal(restrictedNotice(false, []), undefined, 'no criteria files: Restricted Mode loses nothing of ours');
  const one = restrictedNotice(false, ['.imr/criteria/local.json'])!;
  assert.equal(
    one.message,
    'IMR Author: this workspace is not trusted, so its criteria file .imr/criteria/local.json is not used. Trust the workspace to use it.',
  );
  const two = restrictedNotice(false, ['.imr/criteria/a.json', '.imr/criteria/b.json'])!;
  assert.equal(
    two.message,
    'IMR Author: this workspace is not trusted, so its 2 criteria files in .imr/criteria are not used. Trust the workspace to use them.',
  );
  assert.match(two.status, /restricted/);
  assert.match(
    two.tooltip,
    /^This workspace is not trusted: its 2 criteria files in \.imr\/criteria are not used, nor are its settings that change the checks \(imr\.rules\.\*\)\./,
  );
  assert.ok(isCriteriaFileName('local.JSON') && !isCriteriaFileName('notes.txt') && !isCriteriaFileName('a.json.bak'));
});
