// What the user is told when VS Code runs IMR Author in Restricted Mode (an
// untrusted workspace). Kept free of `vscode` so the unit tests read the words
// and the decision. The notice appears only when it changes something: a
// workspace without criteria files loses nothing in Restricted Mode (restricted
// settings are dropped by VS Code itself, which says so in its Settings editor).

/** VS Code's command that opens the Workspace Trust editor. */
export const MANAGE_TRUST_COMMAND = 'workbench.trust.manage';
export const MANAGE_TRUST_ACTION = 'Manage Workspace Trust';

export interface RestrictedNotice {
  /** The one-time information message. */
  message: string;
  /** The status bar item's text and tooltip. */
  status: string;
  tooltip: string;
}

/** Criteria files as the server looks for them: `.imr/criteria/*.json` at a workspace folder's root. */
export function isCriteriaFileName(name: string): boolean {
  return /\.json$/i.test(name);
}

/** What to tell the user, or nothing when the workspace is trusted or has no criteria files to ignore. */
export function restrictedNotice(trusted: boolean, criteriaFiles: readonly string[]): RestrictedNotice | undefined {
  if (trusted || criteriaFiles.length === 0) return undefined;
  const files = criteriaFiles.length === 1 ? `its criteria file ${criteriaFiles[0]} is` : `its ${criteriaFiles.length} criteria files in .imr/criteria are`;
  return {
    message: `IMR Author: this workspace is not trusted, so ${files} not used. Trust the workspace to use ${criteriaFiles.length === 1 ? 'it' : 'them'}.`,
    status: '$(shield) IMR: restricted',
    tooltip: `This workspace is not trusted: ${files} not used, nor are its settings that change the checks (imr.rules.*). Click to manage workspace trust.`,
  };
}
