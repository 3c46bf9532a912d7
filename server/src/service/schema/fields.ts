// Typed access to data/fields.json: the parts and fields of a case file.
import data from '../data/fields.json';

export type FieldType = 'text' | 'enum' | 'date' | 'list' | 'age' | 'block';

export interface FieldSpec {
  key: string;
  required: boolean;
  type: FieldType;
  values?: string[];
  repeatable?: boolean;
  letter: string;
  description: string;
  missing?: string;
  skeleton: string;
}

export interface SectionSpec {
  keyword: 'case' | 'reviewer' | 'worker' | 'summary' | 'documents' | 'item';
  title: string;
  required: boolean;
  /** Not required to read the case, but the law asks for it: missing-section warns. */
  recommended?: boolean;
  description: string;
  missingMessage: string;
  skeleton: string;
  fields: FieldSpec[];
}

export const SECTION_SPECS: readonly SectionSpec[] = data.sections as SectionSpec[];

export function sectionSpec(keyword: string): SectionSpec | undefined {
  return SECTION_SPECS.find((s) => s.keyword === keyword);
}

export function fieldSpec(section: string, key: string): FieldSpec | undefined {
  return sectionSpec(section)?.fields.find((f) => f.key === key);
}
