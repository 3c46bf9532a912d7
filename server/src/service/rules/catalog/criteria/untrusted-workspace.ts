// untrusted-workspace: reported by the server (server/src/workspaceCriteria.ts) on each criteria file of an untrusted workspace; not a setting, it is not a problem in the file.
import { defineRule } from '../../defineRule';

export default defineRule({
  code: 'untrusted-workspace',
  family: 'criteria',
  severity: 'information',
  summary: 'A criteria file VS Code does not let IMR Author use (the workspace is not trusted).',
  setting: false,
  reportedBy: 'server/src/workspaceCriteria.ts',
});
