// The size limit (imr.limits.maxFileSize) for the language services that run
// in the extension host (preview, export), so they decline the same files the
// server does and never render a case the editor would not check.
import * as vscode from 'vscode';
import { limitsFromKb, type InputLimits } from '../../server/src/service/input/limits';

export function readLimits(): InputLimits {
  return limitsFromKb(vscode.workspace.getConfiguration('imr.limits').get('maxFileSize'));
}
