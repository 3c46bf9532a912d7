// indentation: reported once per file by the parser (syntax/parser.ts).
import { defineRule } from '../../defineRule';

export default defineRule({
  code: 'indentation',
  family: 'reading',
  severity: 'warning',
  summary: 'Indentation that mixes tabs and spaces.',
  reportedBy: 'syntax/parser.ts',
});
