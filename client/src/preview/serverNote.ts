// The line the preview shows above its banner while the language server is
// not checking the case. The letter itself is rendered in the extension host
// and keeps following the text; only the list of problems comes from the
// server, so the note says what that means for the list. No case text here.
import type { ServerPhase } from '../server/serverPhase';
import { bannerHtml, type BannerProblem } from './webviewHtml';

export const RESTART_COMMAND_TITLE = 'IMR: Restart Language Server';

/** The note for `phase`, as HTML, or '' while the server is running (or starting for the first time: nothing to be stale yet). */
export function serverNoteHtml(phase: ServerPhase): string {
  if (phase === 'restarting') {
    return (
      '<div class="banner server-note restarting" role="status">The IMR language server is restarting. ' +
      'The letter below follows your text; the list of problems may be out of date until the server is back.</div>'
    );
  }
  if (phase === 'stopped') {
    return (
      '<div class="banner server-note stopped" role="alert">The IMR language server has stopped, so the case is not being checked ' +
      `and no problems are listed. Run <strong>${RESTART_COMMAND_TITLE}</strong> from the Command Palette to start it again.</div>`
    );
  }
  return '';
}

/**
 * The whole banner: the server note, then the case's problems. Once the server
 * has stopped, VS Code has dropped its diagnostics, so an empty list would
 * read "no errors or warnings"; the note alone is shown instead.
 */
export function previewBannerHtml(phase: ServerPhase, problems: BannerProblem[]): string {
  if (phase === 'stopped') return serverNoteHtml(phase);
  return serverNoteHtml(phase) + bannerHtml(problems);
}
