// Made-up cases in the shape the importer gives a published letter: the
// importer's opening comment and the `imported-from:` header field the checks
// read it by (rules/auditView.ts), a prose summary, and items whose
// rationale reasons in prose with the letter's own guideline lines (no
// criteria block). The reasoning rules read such a case's prose.
export interface ImportedItem {
  service: string;
  decision: 'upheld' | 'overturned';
  /** The original request, where UR authorized part of it (the item's name is then the remaining portion). */
  request?: string;
  claimsAdministrator?: string;
  guideline?: string;
  /** Rationale sentences (wrapped as the importer writes them). */
  rationale: string;
}

export function importedCase(summary: string, ...items: ImportedItem[]): string {
  const lines = [
    '-- Imported from the letter CM00-0000001.txt by IMR Author (MAXIMUS final determination, 2016-17 layout).',
    '',
    'case CM00-0000001',
    '  imported-from: CM00-0000001.txt',
    '  organization: MAXIMUS Federal Services',
    '  priority: standard',
    '  received: 12/16/2016',
    '  assigned: 12/21/2016',
    '  ur-date: 12/12/2016',
    '  decision-date: 01/10/2017',
    '',
    'reviewer',
    '  licensure: California',
    '  specialty: Family Practice',
    '',
    'worker',
    '  age: 48',
    '  sex: male',
    '  injury-date: 10/15/2016',
    '',
    'summary',
    ...wrap(summary, '  '),
  ];
  for (const it of items) {
    lines.push('', `item ${it.service}`);
    if (it.request) lines.push(`  request: ${it.request}`);
    lines.push(`  decision: ${it.decision}`);
    if (it.claimsAdministrator) lines.push(`  claims-administrator: ${it.claimsAdministrator}`);
    if (it.guideline) lines.push(`  guideline: ${it.guideline}`);
    lines.push('  rationale', ...wrap(it.rationale, '    '));
  }
  return lines.join('\n') + '\n';
}

function wrap(text: string, indent: string): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + word.length + 1 > 96) {
      out.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(indent + line);
  return out;
}
