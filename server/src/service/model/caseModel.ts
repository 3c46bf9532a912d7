// The meaning layer over the syntax tree: field lookups, parsed dates and the
// decision of each item, computed once per parse and shared by every rule,
// the renderer and the editor features.
import type { CaseFile, Fact, Field, ItemSection, Section } from '../syntax/ast';
import { parseDate, type CalendarDate } from '../syntax/dates';
import { mapPacked } from '../text/packed';

export type Decision = 'upheld' | 'overturned';

export interface DatedField {
  field: Field;
  date: CalendarDate;
}

export interface ItemModel {
  section: ItemSection;
  index: number;
  service: string;
  decision?: Decision;
  decisionField?: Field;
  guideline?: Field;
  claimsAdministrator?: Field;
}

/** A case as the service analysed it: the syntax tree and the model built from it. */
export interface AnalysedCase {
  file: CaseFile;
  model: CaseModel;
}

export interface CaseModel {
  dates: {
    received?: DatedField;
    urDate?: DatedField;
    assigned?: DatedField;
    decisionDate?: DatedField;
    injuryDate?: DatedField;
  };
  items: ItemModel[];
  /** Facts by label name; more than one entry means a duplicate definition. */
  facts: Map<string, Fact[]>;
}

export function getField(section: Section | undefined, key: string): Field | undefined {
  return section?.fields.find((f) => f.key === key);
}

export function getFields(section: Section | undefined, key: string): Field[] {
  return section ? section.fields.filter((f) => f.key === key) : [];
}

function dated(section: Section | undefined, key: string): DatedField | undefined {
  const field = getField(section, key);
  const date = field && parseDate(field.value);
  return field && date ? { field, date } : undefined;
}

export function buildCaseModel(file: CaseFile): CaseModel {
  const facts = new Map<string, Fact[]>();
  for (const fact of file.facts) {
    const list = facts.get(fact.label.name) ?? [];
    list.push(fact);
    facts.set(fact.label.name, list);
  }
  return {
    dates: {
      received: dated(file.header, 'received'),
      urDate: dated(file.header, 'ur-date'),
      assigned: dated(file.header, 'assigned'),
      decisionDate: dated(file.header, 'decision-date'),
      injuryDate: dated(file.worker, 'injury-date'),
    },
    items: mapPacked(file.items, (section, index) => {
      const decisionField = getField(section, 'decision');
      const d = decisionField?.value.trim().toLowerCase();
      return {
        section,
        index,
        service: section.service?.value ?? '',
        decision: d === 'upheld' || d === 'overturned' ? d : undefined,
        decisionField,
        guideline: getField(section, 'guideline'),
        claimsAdministrator: getField(section, 'claims-administrator'),
      };
    }),
    facts,
  };
}
