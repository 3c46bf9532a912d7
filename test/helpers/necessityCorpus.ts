// Reads the real letters of ../shared/corpus/letters with simple regexes, for
// the necessity analysis's corpus tests: the CLINICAL CASE SUMMARY and each
// item's decision word and "Decision rationale:" text. Text stays in memory;
// tests report counts and case numbers only, never letter text.
import * as fs from 'fs';
import * as path from 'path';
import { SHARED } from './fixtures';
import { buildProse, type ProseLineInput } from '../../server/src/service/syntax/prose';
import type { Prose } from '../../server/src/service/syntax/ast';

export const CORPUS_LETTERS = path.join(SHARED, 'corpus', 'letters');

export interface CorpusItem {
  service: string;
  decision: 'upheld' | 'overturned';
  rationale: Prose;
}

export interface CorpusLetter {
  name: string;
  summary: Prose;
  items: CorpusItem[];
}

const ITEM_LINE = /^(.*\S)\s*:\s+(Upheld|Overturned)\s*$/;

/** Lines as prose input, without page furniture ("Page 3 of 4") and blank lines. */
function proseOf(lines: string[]): Prose {
  const input: ProseLineInput[] = lines.map((t, i) => ({ text: t.trim(), line: i, character: 0 })).filter((l) => l.text && !/^Page \d+ of \d+$/i.test(l.text));
  return buildProse(input, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }).prose;
}

export function readCorpusLetter(file: string): CorpusLetter {
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
  const name = path.basename(file, '.txt');
  const summaryStart = lines.findIndex((l) => /CLINICAL CASE SUMMARY/.test(l));
  const issues = lines.findIndex((l) => /IMR ISSUES, DECISIONS AND RATIONALES/.test(l));
  let summaryLines = summaryStart >= 0 && issues > summaryStart ? lines.slice(summaryStart + 1, issues) : [];
  // Drop the fixed lead-in sentence ("The expert reviewer developed ... medical records:").
  const leadEnd = summaryLines.findIndex((l) => /medical records:\s*$/.test(l));
  if (leadEnd >= 0 && leadEnd < 4) summaryLines = summaryLines.slice(leadEnd + 1);
  const items: CorpusItem[] = [];
  let current: { service: string; decision: 'upheld' | 'overturned'; lines: string[]; inRationale: boolean } | undefined;
  const flush = () => {
    if (current) items.push({ service: current.service, decision: current.decision, rationale: proseOf(current.lines) });
  };
  const body = lines.slice(issues >= 0 ? issues + 1 : lines.length);
  // Lines after "set forth below:" and before the first item line: the start
  // of a first item name wrapped over several lines.
  let lead: string[] | undefined;
  for (let k = 0; k < body.length; k++) {
    const line = body[k];
    let m = ITEM_LINE.exec(line);
    let nameTail = m?.[1];
    // "Consult with ... arthroplasty:" then "Overturned" on a line of its own.
    if (!m && /^\s*(Upheld|Overturned)\s*$/.test(line)) {
      let p = k - 1;
      while (p >= 0 && !body[p].trim()) p--;
      if (p >= 0 && /:\s*$/.test(body[p])) {
        m = /(Upheld|Overturned)/.exec(line)!;
        nameTail = body[p].trim().replace(/:$/, '');
        if (current && current.lines.includes(body[p])) {
          while (current.lines.length && current.lines[current.lines.length - 1] !== body[p]) current.lines.pop();
          current.lines.pop();
        }
      }
    }
    if (m && nameTail !== undefined && !/^\s*Decision rationale/i.test(line)) {
      // An item name wrapped over several lines: the lines before it that do
      // not end a sentence belong to the name, not to the previous rationale.
      const nameParts = [nameTail];
      if (!current && lead) nameParts.unshift(...lead.map((l) => l.trim()).filter(Boolean));
      if (current) {
        while (current.lines.length) {
          const prev = current.lines[current.lines.length - 1].trim();
          if (!prev || /[.!?"”)]$/.test(prev) || /^Decision rationale/i.test(prev)) break;
          nameParts.unshift(prev);
          current.lines.pop();
        }
      }
      flush();
      const decision = (m[2] ?? m[1]).toLowerCase() as 'upheld' | 'overturned';
      current = { service: nameParts.join(' ').trim(), decision, lines: [], inRationale: false };
      continue;
    }
    if (!current) {
      if (/set forth below:\s*$/.test(line)) lead = [];
      else if (lead && line.trim()) lead.push(line);
      continue;
    }
    const r = /^\s*Decision rationale:\s*(.*)$/.exec(line);
    if (r) {
      current.inRationale = true;
      current.lines.push(r[1]);
    } else if (current.inRationale) current.lines.push(line);
  }
  flush();
  return { name, summary: proseOf(summaryLines), items };
}

export function corpusAvailable(): boolean {
  return fs.existsSync(CORPUS_LETTERS);
}

export function readCorpus(): CorpusLetter[] {
  return fs
    .readdirSync(CORPUS_LETTERS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readCorpusLetter(path.join(CORPUS_LETTERS, f)));
}
