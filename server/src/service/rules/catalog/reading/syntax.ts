// syntax: reported by the parser (syntax/parser.ts) as it reads the file; parsing goes on with the next line.
import { defineRule } from '../../defineRule';

export default defineRule({
  code: 'syntax',
  family: 'reading',
  severity: 'error',
  summary: 'A line the case language cannot read.',
  reportedBy: 'syntax/parser.ts',
});
