// The steps of the UI walk-through, in order, as a person takes them. Each
// step waits for what the person would see (a tab, a squiggle, a row in the
// Problems panel, text in the preview); a step's timeout is only the point
// where "it never appeared" becomes a failure. A step marked `observes` only
// looks, so the steps after it still run when it fails.
import { readFileSync } from 'node:fs';
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
    async run({ page }) {
      await editor(page).click({ position: { x: 200, y: 100 } });
      await goToLine(page, lineOf('specialty:'));
      await page.keyboard.press('End');
      await page.keyboard.type(', Occupational Medicine');
      await preview(page).locator('#imr-letter').getByText('Emergency Medicine, Occupational Medicine').first().waitFor({ state: 'visible' });
    },
  },
  {
    id: 'new-case',
    title: 'IMR: New Case (File > New File… > IMR Case) opens an untitled case with every part to fill in',
    async run({ page }) {
      await runCommand(page, commandTitle('imr.newCase'));
      await page.locator('.tabs-container .tab.active', { hasText: 'Untitled' }).waitFor({ state: 'visible' });
      const lines = editor(page).locator('.view-lines');
      await lines.getByText('case CM00-0000000').first().waitFor({ state: 'visible' });
      for (const part of ['reviewer', 'worker', 'summary']) await lines.getByText(part, { exact: true }).first().waitFor({ state: 'visible' });
      await page.locator('.statusbar-item', { hasText: 'IMR: draft' }).first().waitFor({ state: 'visible' });
    },
  },
];
