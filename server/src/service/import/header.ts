// Reads the header block of a letter: Case Number, Date Assigned, Date of
// Injury, Decision Date, UR Denial Date, Priority and Application Received.
// The letter sets them in two columns, so an extractor interleaves them
// ("Priority: Standard Application" / "Received:" / "11/15/2016", or
// "Application 11/15/2016 Received:"). Labels are therefore found anywhere in
// the block and each takes the first value of its kind that follows it.
import { formatUs, parseDate } from '../syntax/dates';
import { normalizeSpace } from './letterLines';

export type HeaderKey = 'case-number' | 'assigned' | 'injury-date' | 'decision-date' | 'ur-date' | 'priority' | 'received';

export interface HeaderFields {
  values: Partial<Record<HeaderKey, string>>;
  /** Dates as the letter wrote them, where they differ from the normalized value. */
  rewritten: { key: HeaderKey; from: string; to: string }[];
  /** Labels present with no value the importer could read. */
  unreadable: HeaderKey[];
  /** Text in the block that is neither a label nor a value. */
  leftover: string;
}

// A label starts a word: in "SApplication Received:" the label would take
// "Application" out of a word, and the "S" would be all the letter kept of it.
// Words are Unicode letters and digits ("୦Case Number:" is one word too).
const label = (words: string) => new RegExp(`(?<![\\p{L}\\p{N}])${words}`, 'giu');
const LABELS: { key: HeaderKey; re: RegExp }[] = [
  { key: 'case-number', re: label('Case\\s+Number\\s*:') },
  { key: 'assigned', re: label('Date\\s+Assigned\\s*:') },
  { key: 'injury-date', re: label('Date\\s+of\\s+Injury\\s*:') },
  { key: 'decision-date', re: label('Decision\\s+Date\\s*:') },
  { key: 'ur-date', re: label('UR\\s+Denial\\s+Date\\s*:') },
  { key: 'priority', re: label('Priority\\s*:') },
  { key: 'received', re: label('Application\\s+Received\\s*:') },
];

// A date is a word of its own: in "01/12/2017HOW" it is not (that word would be taken apart).
const DATE_TOKEN = /(?<![\p{L}\p{N}/-])(\d{1,2}[/-]\d{1,2}[/-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2})(?![\p{L}\p{N}/-])/gu;

export function readHeader(block: string): HeaderFields {
  const text = normalizeSpace(block);
  const used = new Array<boolean>(text.length).fill(false);
  const mark = (start: number, end: number) => {
    for (let i = start; i < end; i++) used[i] = true;
  };
  const labelAt = new Map<HeaderKey, number>();
  // A label leaves the leftover text only with its value: a label whose value
  // cannot be read stays beside the text that follows it, so nothing reads
  // "12345" in the kept comment without saying it was the Case Number.
  const labelSpans = new Map<HeaderKey, [number, number][]>();
  const readValue = (key: HeaderKey) => {
    for (const [start, end] of labelSpans.get(key) ?? []) mark(start, end);
  };
  for (const { key, re } of LABELS) {
    re.lastIndex = 0;
    const m = re.exec(text);
    if (m) {
      labelAt.set(key, m.index);
      labelSpans.set(key, [[m.index, m.index + m[0].length]]);
    }
  }
  // The split form: "Application" in one column cell, "Received:" below it.
  if (!labelAt.has('received')) {
    const a = /(?<![\p{L}\p{N}])Application(?![\p{L}\p{N}])/iu.exec(text);
    const r = /(?<![\p{L}\p{N}])Received\s*:/iu.exec(text);
    if (a && r) {
      labelAt.set('received', a.index);
      labelSpans.set('received', [
        [a.index, a.index + a[0].length],
        [r.index, r.index + r[0].length],
      ]);
    }
  }
  const isLabel = new Array<boolean>(text.length).fill(false);
  for (const spans of labelSpans.values()) for (const [start, end] of spans) isLabel.fill(true, start, end);

  const values: HeaderFields['values'] = {};
  const rewritten: HeaderFields['rewritten'] = [];
  const unreadable: HeaderKey[] = [];
  const free = (start: number, end: number) => !used.slice(start, end).some(Boolean) && !isLabel.slice(start, end).some(Boolean);

  const caseAt = labelAt.get('case-number');
  if (caseAt !== undefined) {
    const re = /(?<![\p{L}\p{N}])(CM\d{2}\s*-\s*\d{7})(?![\p{L}\p{N}])|(\S+)/gu;
    re.lastIndex = caseAt;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      if (!free(m.index, m.index + m[0].length)) continue;
      if (m[1]) {
        values['case-number'] = m[1].replace(/\s+/g, '');
        mark(m.index, m.index + m[0].length);
        readValue('case-number');
      } else unreadable.push('case-number');
      break;
    }
  }
  const priorityAt = labelAt.get('priority');
  if (priorityAt !== undefined) {
    const re = /(?<![\p{L}\p{N}])(Standard|Expedited)(?![\p{L}\p{N}])/giu;
    re.lastIndex = priorityAt;
    const m = re.exec(text);
    if (m) {
      values.priority = m[1].toLowerCase();
      mark(m.index, m.index + m[0].length);
      readValue('priority');
    } else unreadable.push('priority');
  }
  // Dates, in the order their labels appear, each taking the next free date.
  // A label followed by words of its own ("Date Assigned: pending Date of
  // Injury: ...") looks no further than the next label: taking the next free
  // date there would give it the next field's date and shift every date after
  // it into the wrong field. Only a label stacked right on the next one (the
  // extractor read a column of labels, then their values) looks further.
  const labelStarts = [...labelAt.values()].sort((a, b) => a - b);
  const dateKeys = (['assigned', 'injury-date', 'decision-date', 'ur-date', 'received'] as HeaderKey[])
    .filter((k) => labelAt.has(k))
    .sort((a, b) => labelAt.get(a)! - labelAt.get(b)!);
  for (const key of dateKeys) {
    const labelEnd = labelSpans.get(key)![0][1];
    const nextLabel = labelStarts.find((at) => at >= labelEnd) ?? text.length;
    const stacked = text.slice(labelEnd, nextLabel).trim() === '';
    DATE_TOKEN.lastIndex = labelAt.get(key)!;
    let m: RegExpExecArray | null;
    let found = false;
    while ((m = DATE_TOKEN.exec(text))) {
      if (!stacked && m.index >= nextLabel) break;
      if (!free(m.index, m.index + m[0].length)) continue;
      const date = parseDate(m[1]);
      if (!date) continue;
      const normalized = formatUs(date);
      values[key] = normalized;
      if (normalized !== m[1]) rewritten.push({ key, from: m[1], to: normalized });
      mark(m.index, m.index + m[0].length);
      readValue(key);
      found = true;
      break;
    }
    if (!found) unreadable.push(key);
  }
  let leftover = '';
  for (let i = 0; i < text.length; i++) leftover += used[i] ? ' ' : text[i];
  return { values, rewritten, unreadable, leftover: normalizeSpace(leftover) };
}

/** True when a block of text reads like a header (it has at least two header labels). */
export function looksLikeHeader(block: string): boolean {
  const text = normalizeSpace(block);
  return LABELS.filter(({ re }) => new RegExp(re.source, 'i').test(text)).length >= 2;
}
