// file-too-large: reported by input/limits.ts before anything parses the file; not a setting, since a file over the limit gets nothing else.
import { defineRule } from '../../defineRule';

export default defineRule({
  code: 'file-too-large',
  family: 'reading',
  severity: 'error',
  summary: 'A file over the size limit, which is not checked.',
  setting: false,
  reportedBy: 'input/limits.ts',
});
