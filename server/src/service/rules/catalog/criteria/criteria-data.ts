// criteria-data: reported by necessity/workspace.ts on the exact property of a workspace criteria file.
import { defineRule } from '../../defineRule';

export default defineRule({
  code: 'criteria-data',
  family: 'criteria',
  severity: 'error',
  summary: 'A problem in a workspace criteria file (.imr/criteria/*.json).',
  reportedBy: 'necessity/workspace.ts',
});
