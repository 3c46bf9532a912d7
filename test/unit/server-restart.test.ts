// The client-side logic of crash recovery, without VS Code: how many crashes
// are restarted, what the author is told in each state the language client
// passes through, and the note the preview shows meanwhile.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_CRASHES, RestartBudget, WINDOW_MS } from '../../client/src/server/restartBudget';
import { INITIAL_PHASE, nextPhase, type PhaseState, type ServerEvent } from '../../client/src/server/serverPhase';
import { previewBannerHtml, RESTART_COMMAND_TITLE, serverNoteHtml } from '../../client/src/preview/serverNote';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from '../helpers/fixtures';

test('crashes are restarted until MAX_CRASHES of them fall within the window', () => {
  const budget = new RestartBudget();
  const decisions = Array.from({ length: MAX_CRASHES }, (_, i) => budget.crashed(1_000 + i * 1_000));
  assert.deepEqual(decisions, [...Array(MAX_CRASHES - 1).fill('restart'), 'give-up']);
});

test('crashes older than the window no longer count', () => {
  const budget = new RestartBudget();
  for (let i = 0; i < MAX_CRASHES - 1; i++) assert.equal(budget.crashed(i), 'restart');
  // The next crash comes after the first ones have aged out: a fresh start.
  assert.equal(budget.crashed(WINDOW_MS + MAX_CRASHES), 'restart');
  // One crash per window, forever, is always restarted.
  const slow = new RestartBudget();
  for (let i = 0; i < 3 * MAX_CRASHES; i++) assert.equal(slow.crashed(i * (WINDOW_MS + 1)), 'restart');
});

test('a restart the author asks for resets the budget', () => {
  const budget = new RestartBudget(3, 1_000);
  assert.equal(budget.crashed(1), 'restart');
  assert.equal(budget.crashed(2), 'restart');
  budget.reset();
  assert.equal(budget.crashed(3), 'restart');
  assert.equal(budget.crashed(4), 'restart');
  assert.equal(budget.crashed(5), 'give-up');
});

function walk(events: ServerEvent[], from: PhaseState = INITIAL_PHASE): string[] {
  const phases: string[] = [];
  let s = from;
  for (const e of events) {
    s = nextPhase(s, e);
    phases.push(s.phase);
  }
  return phases;
}

const client = (state: 'starting' | 'running' | 'stopped'): ServerEvent => ({ kind: 'client', state });

test('first start: starting, then running', () => {
  assert.deepEqual(walk([client('starting'), client('running')]), ['starting', 'running']);
});

test('a crash that is restarted reads "restarting" through the client\'s stop and start, until it runs again', () => {
  // The order vscode-languageclient produces: the error handler's `closed()`
  // first, then its state drops to stopped, starts, and runs.
  const phases = walk([
    client('starting'),
    client('running'),
    { kind: 'crash', decision: 'restart' },
    client('stopped'),
    client('starting'),
    client('running'),
  ]);
  assert.deepEqual(phases, ['starting', 'running', 'restarting', 'restarting', 'restarting', 'running']);
});

test('a restart that fails to start ends "stopped", not "restarting" forever', () => {
  const phases = walk([client('running'), { kind: 'crash', decision: 'restart' }, client('stopped'), client('starting'), client('stopped')]);
  assert.deepEqual(phases, ['running', 'restarting', 'restarting', 'restarting', 'stopped']);
  assert.equal(walk([client('running'), { kind: 'restart-requested' }, { kind: 'start-failed' }]).at(-1), 'stopped');
});

test('a server that crashes while restarting is restarted again', () => {
  const phases = walk([
    client('running'),
    { kind: 'crash', decision: 'restart' },
    client('stopped'),
    client('starting'),
    { kind: 'crash', decision: 'restart' },
    client('stopped'),
    client('starting'),
    client('running'),
  ]);
  assert.deepEqual(phases, ['running', 'restarting', 'restarting', 'restarting', 'restarting', 'restarting', 'restarting', 'running']);
});

test('when the budget is spent the server is "stopped", and a requested restart brings it back', () => {
  const phases = walk([
    client('running'),
    { kind: 'crash', decision: 'give-up' },
    client('stopped'),
    { kind: 'restart-requested' },
    client('starting'),
    client('running'),
  ]);
  assert.deepEqual(phases, ['running', 'stopped', 'stopped', 'restarting', 'restarting', 'running']);
});

test('a restart of a running server (stop, then start) reads "restarting" throughout', () => {
  assert.deepEqual(walk([client('running'), { kind: 'restart-requested' }, client('stopped'), client('starting'), client('running')]), [
    'running',
    'restarting',
    'restarting',
    'restarting',
    'running',
  ]);
});

test('the preview says the server is restarting, and keeps the (possibly stale) problems under the note', () => {
  const problems = [{ severity: 'error' as const, message: 'The case has no decision.', code: 'missing-field', line: 3, character: 0 }];
  assert.equal(serverNoteHtml('running'), '');
  assert.equal(serverNoteHtml('starting'), '');
  const restarting = previewBannerHtml('restarting', problems);
  assert.match(restarting, /^<div class="banner server-note restarting" role="status">The IMR language server is restarting\./);
  assert.match(restarting, /may be out of date/);
  assert.match(restarting, /The case has 1 error and 0 warnings/, 'the problems follow the note');
  assert.equal(previewBannerHtml('running', problems), restarting.slice(serverNoteHtml('restarting').length), 'running: the same banner without the note');
});

test('once the server has stopped, the preview says how to restart it and claims no "no problems"', () => {
  const stopped = previewBannerHtml('stopped', []);
  assert.match(stopped, /The IMR language server has stopped, so the case is not being checked/);
  assert.match(stopped, /IMR: Restart Language Server/);
  assert.doesNotMatch(stopped, /no errors or warnings/);
  assert.match(previewBannerHtml('running', []), /no errors or warnings/, 'a running server that found nothing says so');
});

test('the note names the restart command as the Command Palette lists it', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const command = pkg.contributes.commands.find((c: { command: string }) => c.command === 'imr.restartServer');
  assert.ok(command, 'package.json contributes imr.restartServer');
  assert.equal(`${command.category}: ${command.title}`, RESTART_COMMAND_TITLE);
  const hidden = (pkg.contributes.menus.commandPalette ?? []).find((m: { command: string }) => m.command === 'imr.restartServer');
  assert.ok(!hidden || hidden.when !== 'false', 'and does not hide it from the Command Palette');
});
