// Structural rules: the parts and fields a determination letter must hold,
// their values, duplicates, the order of dates, and fact labels.
import type { LabelRef, Range, Section } from '../syntax/ast';
import type { ImrDiagnostic } from '../types';
import type { Rule, RuleContext } from './rule';
import { SECTION_SPECS, sectionSpec, type FieldSpec } from '../schema/fields';
import { compareDates, findDatesInText, formatUs, parseDate, type CalendarDate } from '../syntax/dates';
import { prosePosition } from '../syntax/prose';
import { range } from '../syntax/positions';

const FIRST_LINE: Range = range(0, 0, 0);

export const missingSections: Rule = ({ file }) => {
  const out: ImrDiagnostic[] = [];
  for (const spec of SECTION_SPECS) {
    if (!spec.required) continue;
    const present = file.sections.some((s) => s.kind === spec.keyword);
    if (!present) {
      out.push({
        code: 'missing-section',
        severity: 'error',
        message: spec.missingMessage,
        range: FIRST_LINE,
        data: { section: spec.keyword },
      });
    }
  }
  return out;
};

export const missingFields: Rule = ({ file }) => {
  const out: ImrDiagnostic[] = [];
  for (const section of file.sections) {
    const spec = sectionSpec(section.kind);
    if (!spec) continue;
    for (const f of spec.fields) {
      if (!f.required) continue;
      const present = f.type === 'block' ? hasBlock(section, f.key) : section.fields.some((x) => x.key === f.key);
      if (!present) {
        out.push({
          code: 'missing-field',
          severity: 'error',
          message: f.missing ?? `Add \`${f.key}:\` to ${spec.title.toLowerCase()}.`,
          range: headerRange(section),
          data: { section: section.kind, key: f.key, line: section.keywordRange.start.line },
        });
      }
    }
  }
  return out;
};

function hasBlock(section: Section, key: string): boolean {
  if (section.kind !== 'item') return false;
  return key === 'rationale' ? !!section.rationale : key === 'criteria' ? !!section.criteria : false;
}

/** The section's first line: where a missing field is reported. */
function headerRange(section: Section): Range {
  const s = section.keywordRange.start;
  const end = section.kind === 'item' && section.service ? section.service.range.end : section.kind === 'case' && section.caseNumber ? section.caseNumber.range.end : section.keywordRange.end;
  return { start: s, end };
}

export const unknownFields: Rule = ({ file }) => {
  const out: ImrDiagnostic[] = [];
  for (const section of file.sections) {
    const spec = sectionSpec(section.kind);
    if (!spec) continue;
    for (const field of section.fields) {
      if (spec.fields.some((f) => f.key === field.key)) continue;
      const known = spec.fields.map((f) => f.key);
      const near = closest(field.key, known);
      out.push({
        code: 'unknown-field',
        severity: 'error',
        message: `"${field.key}" is not a field of ${spec.title.toLowerCase()}${near ? `; did you mean "${near}"?` : '.'} Fields here: ${known.join(', ')}.`,
        range: field.keyRange,
        data: near ? { replacement: near } : undefined,
      });
    }
  }
  return out;
};

export const invalidValues: Rule = ({ file }) => {
  const out: ImrDiagnostic[] = [];
  if (file.header) {
    const cn = file.header.caseNumber;
    if (!cn) {
      out.push({
        code: 'missing-field',
        severity: 'error',
        message: 'The letter must give the Case Number: write it after `case`, for example `case CM16-0221706`.',
        range: file.header.keywordRange,
        data: { section: 'case', key: 'case-number', line: file.header.keywordRange.start.line },
      });
    } else if (!/^CM\d{2}-\d{7}$/.test(cn.value.trim())) {
      out.push({
        code: 'invalid-value',
        severity: 'warning',
        message: `Case numbers look like CM16-0221706 (CM, the year's two digits, a dash and seven digits); "${cn.value}" does not.`,
        range: cn.range,
      });
    }
  }
  for (const item of file.items) {
    if (!item.service || !item.service.value.trim()) {
      out.push({
        code: 'invalid-value',
        severity: 'error',
        message: 'Name the disputed service after `item`, as the request for authorization names it and the letter should show it.',
        range: item.keywordRange,
      });
    }
  }
  for (const section of file.sections) {
    const spec = sectionSpec(section.kind);
    if (!spec) continue;
    for (const field of section.fields) {
      const f = spec.fields.find((x) => x.key === field.key);
      if (!f) continue;
      const problem = checkValue(f, field.value);
      if (problem) out.push({ code: 'invalid-value', severity: 'error', message: problem, range: field.value ? field.valueRange : field.range, data: f.values ? { key: f.key, values: f.values } : undefined });
    }
  }
  return out;
};

function checkValue(spec: FieldSpec, raw: string): string | undefined {
  const value = raw.trim();
  if (!value) return `Give a value for ${spec.key} (${spec.letter}); it is empty.`;
  switch (spec.type) {
    case 'enum':
      return spec.values!.includes(value.toLowerCase()) ? undefined : `${capitalize(spec.key)} must be ${orList(spec.values!)}; "${value}" is not one of them.`;
    case 'date':
      return parseDate(value) ? undefined : `"${value}" is not a date. Write ${spec.letter} as 10/02/2015, 10-2-15 or 2015-10-02.`;
    case 'age': {
      // Digits only: Number() would also take 0x2D, 4.5e1 or 45.0, which the letter would print as written.
      const n = /^\d+$/.test(value) ? Number(value) : NaN;
      return n >= 14 && n <= 110 ? undefined : `The worker's age is a whole number of years (14 to 110); "${value}" is not.`;
    }
    case 'list':
      return value.split(',').every((s) => s.trim()) ? undefined : `Separate each entry of ${spec.letter} with one comma; "${value}" has an empty entry.`;
    default:
      return undefined;
  }
}

export const duplicates: Rule = ({ file, model }) => {
  const out: ImrDiagnostic[] = [];
  const seen = new Map<string, Section>();
  for (const section of file.sections) {
    if (section.kind === 'item') continue;
    const first = seen.get(section.kind);
    if (first) {
      out.push({
        code: 'duplicate',
        severity: 'error',
        message: `The letter has one ${sectionSpec(section.kind)!.title.toLowerCase()}; this second one (the first is on line ${first.keywordRange.start.line + 1}) would be ignored. Merge the two.`,
        range: section.keywordRange,
        relatedInformation: [{ range: first.keywordRange, message: 'First one' }],
      });
    } else seen.set(section.kind, section);
  }
  for (const section of file.sections) {
    const spec = sectionSpec(section.kind);
    const byKey = new Map<string, number>();
    for (const field of section.fields) {
      const fs = spec?.fields.find((f) => f.key === field.key);
      if (!fs || fs.repeatable) continue;
      const firstLine = byKey.get(field.key);
      if (firstLine !== undefined) {
        out.push({
          code: 'duplicate',
          severity: 'error',
          message: `${capitalize(field.key)} is given twice (first on line ${firstLine + 1}); the letter can state it only once. Keep one.`,
          range: field.keyRange,
        });
      } else byKey.set(field.key, field.range.start.line);
    }
    if (section.kind === 'item' && section.criteria) {
      const ids = new Map<string, number>();
      for (const e of section.criteria.entries) {
        const id = e.id.value.toUpperCase();
        if (ids.has(id)) {
          out.push({ code: 'duplicate', severity: 'error', message: `Criterion ${e.id.value} is listed twice in this item (first on line ${ids.get(id)! + 1}). Keep one status for it.`, range: e.id.range });
        } else ids.set(id, e.range.start.line);
      }
    }
  }
  for (const [name, facts] of model.facts) {
    for (const fact of facts.slice(1)) {
      out.push({
        code: 'duplicate',
        severity: 'error',
        message: `The fact label [#${name}] is already used on line ${facts[0].label.range.start.line + 1}; each documented fact needs its own name.`,
        range: fact.label.range,
        relatedInformation: [{ range: facts[0].label.range, message: `[#${name}] first defined here` }],
      });
    }
  }
  const services = new Map<string, number>();
  for (const item of model.items) {
    const key = item.service.trim().toLowerCase();
    if (!key) continue;
    if (services.has(key)) {
      out.push({ code: 'duplicate', severity: 'warning', message: `"${item.service}" is decided twice (first on line ${services.get(key)! + 1}); each disputed item gets one decision.`, range: item.section.service!.range });
    } else services.set(key, item.section.keywordRange.start.line);
  }
  return out;
};

export const dateOrder: Rule = ({ file, model }) => {
  const out: ImrDiagnostic[] = [];
  const d = model.dates;
  const check = (
    earlier: { field: { valueRange: Range }; date: CalendarDate } | undefined,
    later: { field: { valueRange: Range }; date: CalendarDate } | undefined,
    message: string,
  ) => {
    if (earlier && later && compareDates(earlier.date, later.date) > 0) {
      out.push({
        code: 'date-order',
        severity: 'error',
        message: message.replace('{earlier}', formatUs(earlier.date)).replace('{later}', formatUs(later.date)),
        range: earlier.field.valueRange,
        relatedInformation: [{ range: later.field.valueRange, message: 'The other date' }],
      });
    }
  };
  check(d.injuryDate, d.urDate, 'The Date of Injury ({earlier}) is after the UR Denial Date ({later}); utilization review cannot precede the injury. Check both dates.');
  check(d.injuryDate, d.received, 'The Date of Injury ({earlier}) is after the date the application was received ({later}). Check both dates.');
  check(d.urDate, d.received, 'The UR Denial Date ({earlier}) is after the date the IMR application was received ({later}); the application answers a UR decision, so it cannot come first. Check both dates.');
  check(d.received, d.decisionDate, 'The application was received ({earlier}) after the Decision Date ({later}). Check both dates.');
  check(d.urDate, d.decisionDate, 'The UR Denial Date ({earlier}) is after the Decision Date ({later}). Check both dates.');
  check(d.assigned, d.decisionDate, 'The Date Assigned ({earlier}) is after the Decision Date ({later}). Check both dates.');
  // The summary cannot describe a visit or study after the determination itself.
  // (Records dated after the UR decision are not checked: reviewers routinely
  // weigh records submitted after UR, and 19 of the 150 real letters do.)
  const summary = file.summary;
  if (summary && d.decisionDate) {
    for (const found of findDatesInText(summary.prose.text)) {
      if (compareDates(found.date, d.decisionDate.date) <= 0) continue;
      out.push({
        code: 'date-order',
        severity: 'error',
        message: `The summary describes ${found.text}, after the Decision Date (${formatUs(d.decisionDate.date)}); a determination cannot rest on a later record. Check the date.`,
        range: { start: prosePosition(summary.prose, found.start), end: prosePosition(summary.prose, found.end) },
        relatedInformation: [{ range: d.decisionDate.field.valueRange, message: 'Decision Date' }],
      });
    }
  }
  return out;
};

export const labelReferences: Rule = ({ file, model }) => {
  const out: ImrDiagnostic[] = [];
  const used = new Set<string>();
  const uses: LabelRef[] = [];
  for (const item of file.items) {
    for (const e of item.criteria?.entries ?? []) uses.push(...e.evidence);
    if (item.rationale) uses.push(...item.rationale.prose.labels);
  }
  for (const ref of uses) {
    used.add(ref.name);
    if (!model.facts.has(ref.name)) {
      const near = closest(ref.name, [...model.facts.keys()]);
      out.push({
        code: 'unknown-reference',
        severity: 'error',
        message: `[#${ref.name}] names no fact in the clinical case summary${near ? `; did you mean [#${near}]?` : '.'} Put [#${ref.name}] after the summary sentence that documents it.`,
        range: ref.range,
        data: near ? { replacement: near } : undefined,
      });
    }
  }
  for (const fact of file.facts) {
    if (used.has(fact.label.name)) continue;
    out.push({
      code: 'unused-label',
      severity: 'hint',
      message: `The fact [#${fact.label.name}] is not cited by any criterion or rationale. Cite it as evidence, or remove the label if it is not needed.`,
      range: fact.label.range,
      tags: ['unnecessary'],
    });
  }
  return out;
};

export const structureRules: Rule[] = [missingSections, missingFields, unknownFields, invalidValues, duplicates, dateOrder, labelReferences];

// ---- small helpers ----

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function orList(values: string[]): string {
  return values.length <= 1 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

/** The known word closest to a typo, if it is close enough to be a likely intent. */
export function closest(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDist = Infinity;
  for (const c of candidates) {
    const dist = editDistance(word.toLowerCase(), c.toLowerCase());
    if (dist < bestDist) {
      bestDist = dist;
      best = c;
    }
  }
  return best !== undefined && bestDist <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

export type { RuleContext };
