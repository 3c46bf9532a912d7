// A language server that dies is started again by the client, and the author
// sees what is going on: the preview says the server is restarting, then shows
// the letter as it is now; the open case's diagnostics come back (for the text
// as edited during the outage) without typing. After too many crashes the
// author is told, with a "Restart Server" button that brings it back.
//
// The server is killed with SIGKILL, found as the `dist/server.js` child of
// this process (the tests run in the extension host, which forks the server).
// The preview's page is read through recordWebviewPanels (helpers.ts): the
// messages the extension posts to its page.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, waitForDiagnostics, waitForEvent, recordWebviewPanels } from './helpers';

/** The language server's process id: the `dist/server.js` process whose parent is this extension host. */
function serverPid(): number | undefined {
  const rows = execFileSync('ps', ['-A', '-o', 'pid=,ppid=,args='], { encoding: 'utf8' }).split('\n');
  const pids = rows
    .map((row) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(row))
    .filter((m): m is RegExpExecArray => !!m && Number(m[2]) === process.pid && /dist[\\/]server\.js/.test(m[3]))
    .map((m) => Number(m[1]));
  assert.ok(pids.length <= 1, `one language server at most, found ${pids.join(', ')}`);
  return pids[0];
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Kills the running server. The preview's page can drop its "restarting" note
 * a moment before the restarted server's process shows in `ps` on a loaded
 * machine, so the process is looked for for a few seconds before the test
 * calls it missing.
 */
async function killServer(): Promise<number> {
  let pid = serverPid();
  for (let waited = 0; !pid && waited < 10_000; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    pid = serverPid();
  }
  assert.ok(pid, 'the language server runs as a child of the extension host');
  process.kill(pid, 'SIGKILL');
  return pid;
}

const RESTARTING = 'The IMR language server is restarting';
const STOPPED = 'The IMR language server has stopped';

describe('language server crash', () => {
  const recorder = recordWebviewPanels();
  const { messages } = recorder;

  before(() => recorder.start());
  after(async () => {
    recorder.stop();
    await closeAllEditors();
  });

  /** Waits for a message posted after index `from` that satisfies `accept`; returns its index. */
  function waitForMessage(from: number, accept: (m: string) => boolean, description: string): Promise<number> {
    return waitForEvent(
      recorder.posted,
      () => {
        const i = messages.findIndex((m, j) => j >= from && accept(m));
        return i >= 0 ? i : undefined;
      },
      description,
    );
  }

  /** Opens a copy of the seed case with its preview beside it; returns the editor. */
  async function caseWithPreview(): Promise<vscode.TextEditor> {
    const { editor, panel } = await recorder.openWithPreview('lumbar-mri-upheld.imr');
    await waitForEvent(panel.onDidChangeViewState, () => (panel.visible ? true : undefined), 'the preview to be visible');
    return editor;
  }

  it('is restarted: the preview says so, then shows the letter as edited meanwhile, and diagnostics come back for the new text', async () => {
    const editor = await caseWithPreview();
    const uri = editor.document.uri;
    const from = messages.length;
    const killed = await killServer();

    await waitForMessage(from, (m) => m.includes(RESTARTING), 'the preview to say the server is restarting');
    // Edit while the server is away (or just back): a field the reviewer part
    // does not have, and more text for the letter.
    const specialty = editor.document
      .getText()
      .split('\n')
      .findIndex((l) => l.trimStart().startsWith('specialty:'));
    await editor.edit((e) => {
      e.insert(editor.document.lineAt(specialty).range.end, ', Toxicology');
      e.insert(new vscode.Position(specialty + 1, 0), '  hobby: chess\n');
    });

    const diags = await waitForDiagnostics(
      uri,
      (d) => d.some((x) => codeOf(x) === 'unknown-field' && editor.document.getText(x.range) === 'hobby'),
      'an unknown-field diagnostic on the field added during the outage',
    );
    assert.ok(diags.length > 1, 'the rest of the case is checked again too');
    await waitForMessage(
      from,
      (m) => m.includes('"type":"update"') && !m.includes(RESTARTING) && m.includes('Emergency Medicine, Toxicology'),
      'the preview to show the edited letter without the note',
    );

    const now = serverPid();
    assert.ok(now && now !== killed && alive(now), 'a new server process runs');
    assert.ok(!alive(killed), 'the killed one is gone');
  });

  it('after too many crashes, says so with a "Restart Server" button that brings it back', async () => {
    const editor = await caseWithPreview();
    const uri = editor.document.uri;
    const w = vscode.window as unknown as Record<string, unknown>;
    const saved = w.showErrorMessage;
    const errors: { message: string; buttons: string[] }[] = [];
    // The author clicks "Restart Server" on the message that offers it.
    w.showErrorMessage = async (message: string, ...buttons: string[]) => {
      errors.push({ message, buttons });
      return buttons.includes('Restart Server') ? 'Restart Server' : undefined;
    };
    try {
      // Kill each new server as soon as it is back, until the client gives up.
      let stoppedAt = -1;
      for (let crash = 1; stoppedAt < 0; crash++) {
        assert.ok(crash <= 10, 'the client gives up within 10 crashes in a row');
        const from = messages.length;
        await killServer();
        const i = await waitForMessage(
          from,
          (m) => m.includes(STOPPED) || (m.includes('"type":"update"') && !m.includes(RESTARTING)),
          `the server to be back or given up (crash ${crash})`,
        );
        if (messages[i].includes(STOPPED)) stoppedAt = i;
      }
      assert.equal(errors.length, 1, `one error message: ${JSON.stringify(errors)}`);
      assert.match(errors[0].message, /^The IMR language server stopped unexpectedly and was not started again/);
      assert.deepEqual(errors[0].buttons, ['Restart Server', 'Show Output']);
      assert.ok(!errors[0].message.includes('CM15-0201234'), 'no case text in the message');

      // The button was clicked: the server is back, checks the case, and the preview drops the note.
      await waitForMessage(
        stoppedAt + 1,
        (m) => m.includes('"type":"update"') && !m.includes(STOPPED) && !m.includes(RESTARTING),
        'the preview to drop the note once the server is back',
      );
      await waitForDiagnostics(uri, (d) => d.some((x) => x.source === 'imr'), 'the diagnostics of the case after the restart');
      const pid = serverPid();
      assert.ok(pid && alive(pid), 'a server runs again');
    } finally {
      w.showErrorMessage = saved;
    }
  });
});
