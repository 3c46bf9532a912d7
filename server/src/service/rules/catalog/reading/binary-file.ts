// binary-file: reported by input/limits.ts, the file's only diagnostic; not a setting.
import { defineRule } from '../../defineRule';

export default defineRule({
  code: 'binary-file',
  family: 'reading',
  severity: 'error',
  summary: 'A file that is not text (binary data, or not UTF-8).',
  setting: false,
  reportedBy: 'input/limits.ts',
});
