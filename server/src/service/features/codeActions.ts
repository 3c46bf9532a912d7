// Code actions are gathered from the contributors the service was composed
// with: the rule catalog's quick-fixes (each defined beside its rule in
// rules/catalog/) and any others registered on that service.
import type { CodeAction } from '../types';
import type { FeatureContext } from './context';
import type { CodeActionContributor, CodeActionRequest } from './contributors';
import { reportContained } from '../contained';

export type { CodeActionContributor, CodeActionRequest };

export function codeActions(ctx: FeatureContext, request: CodeActionRequest, contributors: readonly CodeActionContributor[]): CodeAction[] {
  const out: CodeAction[] = [];
  for (const contribute of contributors) {
    try {
      out.push(...contribute(ctx, request));
    } catch (err) {
      // One contributor's bug must not hide the other fixes.
      reportContained(err, 'code action');
    }
  }
  return out;
}
