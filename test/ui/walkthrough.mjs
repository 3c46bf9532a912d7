// The steps of the UI walk-through, in order, as a person takes them. Each
// step waits for what the person would see (a tab, a squiggle, a row in the
// Problems panel, text in the preview); a step's timeout is only the point
// where "it never appeared" becomes a failure. A step marked `observes` only
// looks, so the steps after it still run when it fails.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../vscode/runtime.mjs';

const SEED = 'lumbar-mri-upheld.imr';
const seedLines = readFileSync(join(ROOT, 'examples', SEED), 'utf8').split(/\r?\n/);
/** 1-based line number of the first line of the seed letter that starts with `prefix` (after indentation). */
const lineOf = (prefix) => {
  const i = seedLines.findIndex((l) => l.trimStart().startsWith(prefix));
  if (i < 0) throw new Error(`the seed letter has no line starting with ${prefix}`);
  return i + 1;
};

/** The title the command palette shows for one of our commands, from package.json. */
function commandTitle(id) {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const c = (pkg.contributes?.commands ?? []).find((x) => x.command === id);
  if (!c) throw new Error(`package.json contributes no command ${id}`);
  return c.category ? `${c.category}: ${c.title}` : c.title;
}

/** The seed letter's name with another extension: where Export proposes to write its letter. */
const seedLetter = (ext) => SEED.replace(/\.imr$/, `.${ext}`);

const editor = (page) => page.locator('.editor-group-container.active .monaco-editor').first();

async function goToLine(page, line, column) {
  await page.keyboard.press('Control+G');
  await page.keyboard.type(column ? `${line}:${column}` : String(line));
  await page.keyboard.press('Enter');
}

async function runCommand(page, title) {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
  await page.keyboard.type(title);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
}

/** Picks a row of the quick pick that is open (Export Letter…'s formats) by typing its label, once the filter has focused that row. */
async function pickFormat(page, label) {
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
  await page.keyboard.type(label);
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: label }).first().waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor({ state: 'hidden' });
}

const preview = (page) => page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');

/** Errors and warnings as the status bar's problems item counts them (its aria-label reads "Errors: 1, Warnings: 6"). */
async function problemsCount(page) {
  const label = (await page.locator('#status\\.problems').first().getAttribute('aria-label')) ?? '';
  const count = (what) => Number(new RegExp(`${what}: (\\d+)`, 'i').exec(label)?.[1] ?? 0);
  return { label, errors: count('Errors?'), warnings: count('Warnings?') };
}

export const STEPS = [
  {
    id: 'workbench',
    title: 'the workbench opens on the examples folder',
    async run({ page }) {
      await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: SEED }).first().waitFor({ state: 'visible', timeout: 60_000 });
    },
  },
  {
    id: 'quick-open',
    title: `Quick Open (Ctrl+P) opens ${SEED}`,
    async run({ page }) {
      await page.locator('.monaco-workbench').click({ position: { x: 800, y: 400 } });
      await page.keyboard.press('Control+P');
      await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
      await page.keyboard.type(SEED);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: SEED }).first().waitFor({ state: 'visible' });
      await page.keyboard.press('Enter');
      await page.locator('.tabs-container .tab.active', { hasText: SEED }).waitFor({ state: 'visible' });
      await editor(page).locator('.view-lines', { hasText: 'case CM15-0201234' }).waitFor({ state: 'visible' });
    },
  },
  {
    id: 'problems',
    observes: true,
    title: 'the Problems panel (Ctrl+Shift+M) lists the problems with their rule codes',
    async run({ page }) {
      await page.keyboard.press('Control+Shift+M');
      const rows = page.locator('.markers-panel .monaco-list-row');
      await rows.first().waitFor({ state: 'visible' });
      const text = await page.locator('.markers-panel').innerText();
      if (!text.includes(SEED)) throw new Error('the Problems panel should group the problems under the seed letter');
      if (!/imr/.test(text) || !/[a-z]+-[a-z]+/.test(text)) throw new Error('the Problems entries should name their source (imr) and rule code');
    },
  },
  {
    id: 'squiggle',
    observes: true,
    title: 'picking a problem in the panel shows its squiggle in the letter, and the status bar counts the problems',
    async run({ page }) {
      // The seed letter's problems (the rationale contradicting the record...)
      // are warnings further down; picking one in the panel goes there.
      await page.locator('.markers-panel .monaco-list-row', { hasText: 'contradicts-record' }).first().click();
      await editor(page).locator('.squiggly-warning, .squiggly-error').first().waitFor({ state: 'attached' });
      const { label, errors, warnings } = await problemsCount(page);
      if (errors + warnings < 1) throw new Error(`the status bar should count the problems; it reads "${label}"`);
    },
  },
  {
    id: 'typo',
    title: 'misspelling a field name shows an error squiggle and one more error in the status bar',
    async run({ page, state }) {
      state.before = (await problemsCount(page)).errors;
      if (await editor(page).locator('.squiggly-error').count()) throw new Error('the seed letter should have no error squiggle before the typo');
      await editor(page).click({ position: { x: 200, y: 100 } });
      await goToLine(page, lineOf('specialty:'), 3);
      await page.keyboard.press('Control+Shift+ArrowRight'); // selects the word "specialty"
      await page.keyboard.type('specality');
      await editor(page).locator('.view-lines', { hasText: 'specality: Emergency Medicine' }).waitFor({ state: 'visible' });
      await editor(page).locator('.squiggly-error').first().waitFor({ state: 'attached' });
      await page.waitForFunction(
        (n) =>
          /Errors?: (\d+)/i.test(document.querySelector('#status\\.problems')?.getAttribute('aria-label') ?? '') &&
          Number(/Errors?: (\d+)/i.exec(document.querySelector('#status\\.problems').getAttribute('aria-label'))[1]) > n,
        state.before,
      );
    },
  },
  {
    id: 'light-bulb',
    title: 'the light bulb offers "Change to "specialty"" and applying it clears the error',
    async run({ page, state }) {
      await goToLine(page, lineOf('specialty:'), 4);
      const bulb = page.locator('.lightBulbWidget').first();
      await bulb.waitFor({ state: 'visible' });
      await bulb.click();
      const action = page.locator('.action-widget .monaco-list-row', { hasText: 'Change to "specialty"' }).first();
      await action.waitFor({ state: 'visible' });
      // Arrow down to it, as with the keyboard, then apply.
      for (let i = 0; i < 10 && !/\bfocused\b/.test((await action.getAttribute('class')) ?? ''); i++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await editor(page).locator('.view-lines', { hasText: 'specialty: Emergency Medicine' }).waitFor({ state: 'visible' });
      await page.waitForFunction(
        (n) => Number(/Errors?: (\d+)/i.exec(document.querySelector('#status\\.problems')?.getAttribute('aria-label') ?? '')?.[1] ?? 0) === n,
        state.before,
      );
    },
  },
  {
    id: 'preview',
    title: 'Open Preview to the Side shows the letter in a webview',
    async run({ page }) {
      await runCommand(page, commandTitle('imr.showPreviewToSide'));
      const letter = preview(page).locator('#imr-letter');
      await letter.getByText('CLINICAL CASE SUMMARY').first().waitFor({ state: 'visible', timeout: 60_000 });
      await letter.getByText('CM15-0201234').first().waitFor({ state: 'visible' });
      await letter.getByText('Certification(s)/Specialty: Emergency Medicine').first().waitFor({ state: 'visible' });
    },
  },
  {
    id: 'preview-follows',
    title: 'typing in the case updates the preview',
    async run({ page, shot }) {
      await editor(page).click({ position: { x: 200, y: 100 } });
      await goToLine(page, lineOf('specialty:'));
      await page.keyboard.press('End');
      await page.keyboard.type(', Occupational Medicine');
      await preview(page).locator('#imr-letter').getByText('Emergency Medicine, Occupational Medicine').first().waitFor({ state: 'visible' });
      // The README's picture: the seed letter and its preview, without the side bar and panel, which come back after.
      await page.keyboard.press('Control+B');
      await page.keyboard.press('Control+J');
      await page.locator('.markers-panel').waitFor({ state: 'hidden' });
      await shot('preview-wide');
      await page.keyboard.press('Control+B');
      await page.keyboard.press('Control+J');
      await page.locator('.markers-panel').waitFor({ state: 'visible' });
    },
  },
  {
    id: 'export-stopped',
    title: 'Export Letter… on a case with a name in its summary asks first, naming the identifying text, and Escape writes nothing',
    async run({ page, workspace, shot }) {
      await editor(page).click({ position: { x: 200, y: 100 } });
      // A line of its own before the summary's first (End would stop at the wrapped line's end, as word wrap is on).
      await goToLine(page, lineOf('The injured worker is'));
      await page.keyboard.press('Home');
      await page.keyboard.type('Mr. John Smith was seen.');
      await page.keyboard.press('Enter');
      await editor(page).locator('.view-lines', { hasText: 'Mr. John Smith was seen.' }).waitFor({ state: 'visible' });
      await runCommand(page, commandTitle('imr.exportLetter'));
      await pickFormat(page, 'Plain text');
      const dialog = page.locator('.monaco-dialog-box');
      await dialog.waitFor({ state: 'visible' }).catch(async (err) => {
        // What the person sees instead: a notification, or the menu still open.
        const toasts = await page
          .locator('.notifications-toasts')
          .innerText()
          .catch(() => '');
        throw new Error(`${err.message.split('\n')[0]}; notifications: ${toasts.slice(0, 300) || 'none'}`);
      });
      const said = await dialog.innerText();
      if (!/not ready for a final letter/.test(said))
        throw new Error(`the question should say the case is not ready for a final letter; it says: ${said.slice(0, 200)}`);
      if (!/Mr\. John Smith|identif/i.test(said)) throw new Error(`the question should name the identifying text; it says: ${said.slice(0, 400)}`);
      await shot('export-question'); // the README's picture of the finalize question
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      if (existsSync(join(workspace, seedLetter('txt')))) throw new Error('no letter should be written when the question is dismissed');
    },
  },
  {
    id: 'export-final',
    title: 'with the name taken out, Export Letter… writes the final letter where the save dialog says, without a DRAFT mark',
    async run({ page, workspace }) {
      await editor(page).click({ position: { x: 200, y: 100 } });
      await goToLine(page, lineOf('The injured worker is'));
      await page.keyboard.press('Control+Shift+K'); // deletes the line with the name, which now has the summary's first line number
      await editor(page).locator('.view-lines', { hasText: 'Mr. John Smith' }).waitFor({ state: 'detached' });
      await runCommand(page, commandTitle('imr.exportLetter'));
      await pickFormat(page, 'Plain text');
      // The browser workbench's save dialog is a quick input holding the proposed path, next to the case.
      const input = page.locator('.quick-input-widget input');
      await page.waitForFunction((name) => document.querySelector('.quick-input-widget input')?.value.endsWith(name), seedLetter('txt'));
      if (await page.locator('.monaco-dialog-box').count()) throw new Error('a case ready for a final letter should not be asked about');
      await input.press('Enter');
      await page.locator('.notifications-toasts', { hasText: 'Letter exported to' }).first().waitFor({ state: 'visible' });
      // The toast comes after the file is written.
      const path = join(workspace, seedLetter('txt'));
      if (!existsSync(path)) throw new Error(`the letter should be written to ${seedLetter('txt')} in the workspace`);
      const letter = readFileSync(path, 'utf8');
      if (!letter.includes('CLINICAL CASE SUMMARY')) throw new Error('the exported file should be the letter');
      if (/\bDRAFT\b/.test(letter)) throw new Error('a final letter should carry no DRAFT mark');
      if (letter.includes('John Smith')) throw new Error('the removed name should not be in the letter');
    },
  },
  {
    id: 'draft-rationale',
    title: 'with the rationale taken out, the light bulb offers "Draft rationale from the criteria", which writes one from the criteria block',
    async run({ page }) {
      await editor(page).click({ position: { x: 200, y: 100 } });
      // Everything under the `rationale` keyword goes (the rationale is the seed's last part).
      await goToLine(page, lineOf('rationale') + 1);
      await page.keyboard.press('Home');
      await page.keyboard.press('Home'); // the line's first column, before its indentation
      await page.keyboard.press('Control+Shift+End');
      await page.keyboard.press('Delete');
      await editor(page).locator('.view-lines', { hasText: 'As per ACOEM Guidelines' }).waitFor({ state: 'detached' });
      await goToLine(page, lineOf('item '), 3);
      await page.keyboard.press('Control+.');
      const action = page.locator('.action-widget .monaco-list-row', { hasText: 'Draft rationale from the criteria' }).first();
      await action.waitFor({ state: 'visible' });
      for (let i = 0; i < 10 && !/\bfocused\b/.test((await action.getAttribute('class')) ?? ''); i++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      // The draft cites the section the criteria block names, in the words of the letter; it is below the editor's
      // viewport (the editor draws only the lines in view), so it is read where the letter shows it, in the preview.
      await preview(page).locator('#imr-letter').getByText('Its criteria are applied to the records reviewed').first().waitFor({ state: 'visible' });
    },
  },
  {
    id: 'new-case',
    title: 'IMR: New Case (File > New File… > IMR Case) opens an untitled case with every part to fill in',
    async run({ page }) {
      await runCommand(page, commandTitle('imr.newCase'));
      // The editor's tab of the new case: the preview opened to the side follows the active editor, so its tab
      // ("Letter: Untitled-1") is active in its own group and names the case too.
      await page.locator('.tabs-container .tab.active[data-resource-name^="Untitled"]').waitFor({ state: 'visible' });
      const lines = editor(page).locator('.view-lines');
      await lines.getByText('case CM00-0000000').first().waitFor({ state: 'visible' });
      for (const part of ['reviewer', 'worker', 'summary']) await lines.getByText(part, { exact: true }).first().waitFor({ state: 'visible' });
      await page.locator('.statusbar-item', { hasText: 'IMR: draft' }).first().waitFor({ state: 'visible' });
    },
  },
];
