// The case-file parser: hand-written, line-based and error-tolerant. A line it
// cannot read becomes a problem and parsing goes on with the next line, so one
// broken line never hides the rest of the file. It never throws: `parseCase`
// catches anything unexpected and reports it as a problem on line 1.
import type {
  CaseFile,
  CaseSection,
  CriteriaBlock,
  CriterionEntry,
  CriterionStatus,
  DocumentEntry,
  DocumentsSection,
  Field,
  Spanned,
  ItemSection,
  LabelRef,
  Range,
  Section,
  SectionKind,
  SummarySection,
  SyntaxProblem,
} from './ast';
import { buildProse, LABEL_PATTERN, strayLabelStarts, type ProseLineInput } from './prose';
import type { ParseMemo } from './parseMemo';
import { computeLineStarts, range } from './positions';
import { reportContained } from '../contained';
import { truncate } from '../text/words';

export const SECTION_KEYWORDS: readonly SectionKind[] = ['case', 'reviewer', 'worker', 'summary', 'documents', 'item'];
export const CRITERION_STATUSES: readonly CriterionStatus[] = ['met', 'not met', 'unknown', 'not applicable'];

const SUPPRESS = /^--\s*imr-disable-next-line\b(.*)$/;

interface RawLine {
  line: number;
  text: string;
  /** Width of the indentation (tab counts as one indent unit of the file). */
  indent: number;
  /** Column where content starts. */
  start: number;
  content: string;
  blank: boolean;
  comment: boolean;
}

/**
 * `memo`: the calling service's (syntax/parseMemo.ts), so a new version of a
 * case reuses what its unchanged paragraphs gave the previous parse; the
 * result is the same with or without it.
 */
export function parseCase(text: string, memo?: ParseMemo): CaseFile {
  try {
    return memo ? memo.parse(() => parse(text, memo)) : parse(text);
  } catch (err) {
    reportContained(err, 'parser');
    const file = emptyCaseFile(text);
    file.problems.push({
      code: 'syntax',
      severity: 'error',
      message: 'IMR Author could not read this case file. Please report this with a copy of the file (without patient details).',
      range: range(0, 0, 0),
    });
    return file;
  }
}

function emptyCaseFile(text: string): CaseFile {
  const lineStarts = computeLineStarts(text);
  return { text, lineCount: lineStarts.length, sections: [], items: [], comments: [], suppressions: [], problems: [], facts: [], lineStarts };
}

function parse(text: string, memo?: ParseMemo): CaseFile {
  const file = emptyCaseFile(text);
  const { lineStarts, problems } = file;
  const lines = splitLines(text, lineStarts, problems);

  let current: Section | undefined;
  let proseLines: ProseLineInput[] = [];
  // Inside an item: which block indented lines belong to.
  let itemMode: 'fields' | 'criteria' | 'rationale' = 'fields';
  let blockIndent = 0;
  let rationaleLines: ProseLineInput[] = [];
  let pendingSuppressions: { codes: string[]; range: Range }[] = [];
  let lastContentLine = 0;

  const finishSection = () => {
    if (!current) return;
    if (current.kind === 'summary') {
      const built = buildProse(proseLines, current.keywordRange, memo);
      current.prose = built.prose;
      for (const r of built.malformedLabels) problems.push(malformedLabel(r));
    }
    // Only an open rationale block is finished here: one closed earlier by a field
    // below it is already built, and rebuilding it from no lines would erase it.
    if (current.kind === 'item' && itemMode === 'rationale') finishRationale(current);
    current.range = { start: current.keywordRange.start, end: endOfLine(lines, lastContentLine) };
    current = undefined;
    proseLines = [];
  };

  const finishRationale = (item: ItemSection) => {
    if (item.rationale) {
      const built = buildProse(rationaleLines, item.rationale.keywordRange, memo);
      item.rationale.prose = built.prose;
      item.rationale.range = built.prose.segments.length
        ? { start: item.rationale.keywordRange.start, end: built.prose.range.end }
        : item.rationale.keywordRange;
      for (const r of built.malformedLabels) problems.push(malformedLabel(r));
    }
    rationaleLines = [];
  };

  for (const ln of lines) {
    if (ln.blank) {
      if (current?.kind === 'summary') proseLines.push({ text: '', line: ln.line, character: 0 });
      else if (current?.kind === 'item' && itemMode === 'rationale') rationaleLines.push({ text: '', line: ln.line, character: 0 });
      continue;
    }
    if (ln.comment) {
      const r = range(ln.line, ln.start, ln.text.length);
      file.comments.push({ text: ln.content, range: r });
      const sm = SUPPRESS.exec(ln.content);
      if (sm) {
        const codes = sm[1].split(/[\s,]+/).filter(Boolean);
        pendingSuppressions.push({ codes, range: r });
      }
      continue;
    }
    for (const s of pendingSuppressions) file.suppressions.push({ codes: s.codes, targetLine: ln.line, range: s.range });
    pendingSuppressions = [];

    if (ln.indent === 0) {
      // A colon after the keyword is tolerated (`summary:`), as it is after `rationale`.
      const m = /^([A-Za-z-]+)(?:(?:[ \t]*:[ \t]*|[ \t]+)(.*))?$/.exec(ln.content);
      const keyword = m?.[1].toLowerCase() ?? '';
      if ((SECTION_KEYWORDS as readonly string[]).includes(keyword)) {
        finishSection();
        const rest = m?.[2] || undefined;
        current = startSection(keyword as SectionKind, ln, rest);
        file.sections.push(current);
        itemMode = 'fields';
        lastContentLine = ln.line;
        if (rest && (keyword === 'summary' || keyword === 'reviewer' || keyword === 'worker')) {
          // Text after these keywords used to vanish silently. The summary keeps it as
          // its first line of prose; the others have only fields, so say where it goes.
          const restStart = ln.start + ln.content.length - rest.length;
          if (keyword === 'summary') proseLines.push({ text: rest, line: ln.line, character: restStart });
          else
            problems.push({
              code: 'syntax',
              severity: 'error',
              range: range(ln.line, restStart, restStart + rest.length),
              message: `Nothing follows \`${keyword}\` on its line; write "${quoted(rest)}" as an indented \`name: value\` field under it${keyword === 'reviewer' ? ' (for example `  licensure:` and the state)' : ' (for example `  age:` and the age the records give)'}.`,
            });
        }
        continue;
      }
      const where = current ? describeSection(current) : undefined;
      // Text pasted from a PDF or a word processor can begin with a non-breaking
      // (or other special) space: it looks indented but is not, so say so.
      const odd = /^[^\S \t]+/.exec(ln.content)?.[0];
      if (odd) {
        problems.push({
          code: 'syntax',
          severity: 'error',
          range: range(ln.line, ln.start, ln.start + odd.length),
          message: `This line begins with a non-breaking or other special space, which does not count as indentation. Replace it with ordinary spaces so the line belongs to ${where ?? 'a part of the letter'}.`,
        });
        continue;
      }
      problems.push({
        code: 'syntax',
        severity: 'error',
        range: range(ln.line, 0, ln.text.length),
        message:
          where && (current?.kind === 'summary' || (current?.kind === 'item' && itemMode === 'rationale'))
            ? `This line starts at the left margin, so it is left out of the text of ${where}. Indent it like the lines around it, or start it with case, reviewer, worker, summary, documents or item to begin a new part of the letter.`
            : `A part of the letter starts with one of the words case, reviewer, worker, summary, documents or item at the left margin; "${quoted(ln.content)}" is none of them. Indent it if it belongs to ${where ?? 'a section above'}.`,
      });
      continue;
    }

    if (!current) {
      problems.push({
        code: 'syntax',
        severity: 'error',
        range: range(ln.line, ln.start, ln.text.length),
        message: 'This indented line comes before any part of the letter. Start the file with `case <case number>` and put fields under it.',
      });
      continue;
    }
    lastContentLine = ln.line;

    if (current.kind === 'summary') {
      proseLines.push({ text: ln.content, line: ln.line, character: ln.start });
      continue;
    }

    if (current.kind === 'documents') {
      current.entries.push(parseDocument(ln));
      continue;
    }

    if (current.kind === 'item') {
      const item = current;
      if (itemMode === 'criteria' && ln.indent > blockIndent) {
        item.criteria!.entries.push(parseCriterion(ln, problems));
        item.criteria!.range = { start: item.criteria!.range.start, end: range(ln.line, 0, ln.text.length).end };
        continue;
      }
      if (itemMode === 'rationale' && ln.indent > blockIndent) {
        rationaleLines.push({ text: ln.content, line: ln.line, character: ln.start });
        continue;
      }
      if (itemMode === 'rationale') finishRationale(item);
      itemMode = 'fields';
      // `rationale` may be written with or without a colon, with text after it.
      const rm = /^rationale(?![\w-])\s*:?\s*(.*)$/i.exec(ln.content);
      if (rm) {
        if (item.rationale) {
          problems.push({
            code: 'syntax',
            severity: 'error',
            range: range(ln.line, ln.start, ln.start + 9),
            message: `This item already has a rationale (line ${item.rationale.keywordRange.start.line + 1}). Write the whole rationale in one block.`,
          });
        }
        const kw = range(ln.line, ln.start, ln.start + 9);
        item.rationale = { keywordRange: kw, prose: buildProse([], kw).prose, range: kw };
        itemMode = 'rationale';
        blockIndent = ln.indent;
        if (rm[1]) rationaleLines.push({ text: rm[1], line: ln.line, character: ln.start + ln.content.length - rm[1].length });
        continue;
      }
      const field = parseField(ln, current, problems);
      if (!field) continue;
      if (field.key === 'criteria') {
        if (item.criteria) {
          problems.push({
            code: 'syntax',
            severity: 'error',
            range: field.keyRange,
            message: `This item already has a criteria block (line ${item.criteria.keywordRange.start.line + 1}). List every criterion in one block.`,
          });
        }
        const block: CriteriaBlock = {
          keywordRange: field.keyRange,
          section: field.value ? { value: field.value, range: field.valueRange } : undefined,
          entries: [],
          range: field.range,
        };
        item.criteria = block;
        itemMode = 'criteria';
        blockIndent = ln.indent;
        continue;
      }
      item.fields.push(field);
      continue;
    }

    const field = parseField(ln, current, problems);
    if (field) current.fields.push(field);
  }
  finishSection();

  for (const s of file.sections) {
    if (s.kind === 'case') file.header ??= s;
    else if (s.kind === 'reviewer') file.reviewer ??= s;
    else if (s.kind === 'worker') file.worker ??= s;
    else if (s.kind === 'summary') file.summary ??= s;
    else if (s.kind === 'documents') file.documents ??= s;
    else file.items.push(s);
  }
  if (file.summary) {
    for (const sentence of file.summary.prose.sentences) {
      for (const label of sentence.labels) file.facts.push({ label, sentence });
    }
  }
  return file;
}

function indentUnitOf(text: string, lineStarts: number[]): number {
  for (let i = 0; i < lineStarts.length; i++) {
    let at = lineStarts[i] + (i === 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0);
    const from = at;
    while (text[at] === ' ') at++;
    // Spaces only, then content (not a tab, not the end of the line).
    if (at > from && at < text.length && text[at] !== '\t' && text[at] !== '\n' && text[at] !== '\r') {
      // A line of blanks only has no content; a tab after the spaces makes it mixed.
      let end = i + 1 < lineStarts.length ? lineStarts[i + 1] : text.length;
      while (end > at && /[ \t\r\n]/.test(text[end - 1])) end--;
      if (end > at) return at - from;
    }
  }
  return 0;
}

function splitLines(text: string, lineStarts: number[], problems: SyntaxProblem[]): RawLine[] {
  const out: RawLine[] = [];
  // Width of one indent level in spaces, learnt from the first space-indented
  // line of the whole file before any line is measured: learnt on the way, a
  // tab before that line measured 2 and the same tab after it measured more,
  // so equal whitespace could put two lines in different blocks.
  const unit = indentUnitOf(text, lineStarts);
  let style: 'tabs' | 'spaces' | undefined;
  let reported = false;
  for (let i = 0; i < lineStarts.length; i++) {
    const startOff = lineStarts[i];
    let endOff = i + 1 < lineStarts.length ? lineStarts[i + 1] : text.length;
    while (endOff > startOff && (text[endOff - 1] === '\n' || text[endOff - 1] === '\r')) endOff--;
    const t = text.slice(startOff, endOff);
    let bom = 0;
    if (i === 0 && t.charCodeAt(0) === 0xfeff) {
      bom = 1;
    }
    const body = t.slice(bom);
    let wsEnd = 0;
    while (wsEnd < body.length && (body.charCodeAt(wsEnd) === 32 || body.charCodeAt(wsEnd) === 9)) wsEnd++;
    const ws = body.slice(0, wsEnd);
    // Trailing blanks stripped by hand: /[ \t]+$/ backtracks quadratically on a long inner run of blanks.
    let contentEnd = body.length;
    while (contentEnd > ws.length && (body[contentEnd - 1] === ' ' || body[contentEnd - 1] === '\t')) contentEnd--;
    const content = body.slice(ws.length, contentEnd);
    const blank = content === '';
    let indent = 0;
    if (!blank && ws.length > 0) {
      const hasTab = ws.includes('\t');
      const hasSpace = ws.includes(' ');
      const lineStyle = hasTab ? 'tabs' : 'spaces';
      if ((hasTab && hasSpace) || (style && style !== lineStyle)) {
        if (!reported) {
          problems.push({
            code: 'indentation',
            severity: 'warning',
            range: range(i, bom, bom + ws.length),
            message: `This line is indented with ${hasTab && hasSpace ? 'both tabs and spaces' : lineStyle} while ${style && style !== lineStyle ? `earlier lines use ${style}` : 'the file should use one kind'}. Indent every line the same way (spaces or tabs, not both) so each line stays in the part of the letter it belongs to.`,
          });
          reported = true;
        }
      }
      style ??= lineStyle;
      for (const c of ws) indent += c === '\t' ? Math.max(unit, 2) : 1;
    }
    out.push({
      line: i,
      text: t,
      indent,
      start: bom + ws.length,
      content,
      blank,
      comment: !blank && content.startsWith('--'),
    });
  }
  return out;
}

/** A line of the documents part, cut at its semicolons; each piece keeps its exact place. */
function parseDocument(ln: RawLine): DocumentEntry {
  const parts: Spanned[] = [];
  let at = 0;
  for (const piece of ln.content.split(';')) {
    const lead = piece.length - piece.trimStart().length;
    const value = piece.trim();
    const start = ln.start + at + lead;
    if (value) parts.push({ value, range: range(ln.line, start, start + value.length) });
    at += piece.length + 1;
  }
  return { text: ln.content, parts, range: range(ln.line, ln.start, ln.start + ln.content.length) };
}

function startSection(kind: SectionKind, ln: RawLine, rest: string | undefined): Section {
  const kwEnd = ln.start + kind.length;
  const keywordRange = range(ln.line, ln.start, kwEnd);
  const sectionRange = range(ln.line, ln.start, ln.text.length);
  const fields: Field[] = [];
  // Measured from the trimmed content: the raw line may end in blanks.
  const restStart = rest ? ln.start + ln.content.length - rest.length : kwEnd;
  const spanned = rest ? { value: rest, range: range(ln.line, restStart, restStart + rest.length) } : undefined;
  // Each written out, members in the same order, rather than spread from a shared base: a spread copies
  // property by property, and it was most of this function's time in a parse.
  switch (kind) {
    case 'case':
      return { keywordRange, range: sectionRange, fields, kind, caseNumber: spanned } satisfies CaseSection;
    case 'item':
      return { keywordRange, range: sectionRange, fields, kind, service: spanned } satisfies ItemSection;
    case 'summary':
      return { keywordRange, range: sectionRange, fields, kind, prose: buildProse([], keywordRange).prose } satisfies SummarySection;
    case 'documents':
      return { keywordRange, range: sectionRange, fields, kind, entries: [] } satisfies DocumentsSection;
    default:
      return { keywordRange, range: sectionRange, fields, kind } as Section;
  }
}

const FIELD_KEY = /^[A-Za-z][A-Za-z0-9 _-]*$/;

/** `key: value`, split at the first colon (a lazy regex here backtracks quadratically on long lines). */
function matchField(content: string): [string, string, string] | undefined {
  const colon = content.indexOf(':');
  if (colon < 0) return undefined;
  const key = content.slice(0, colon).trimEnd();
  if (!FIELD_KEY.test(key)) return undefined;
  return [content, key, content.slice(colon + 1).trimStart()];
}

function parseField(ln: RawLine, section: Section, problems: SyntaxProblem[]): Field | undefined {
  const m = matchField(ln.content);
  if (!m) {
    problems.push({
      code: 'syntax',
      severity: 'error',
      range: range(ln.line, ln.start, ln.text.length),
      message:
        section.kind === 'item'
          ? `Lines under an item are fields written as \`name: value\` (for example \`decision: upheld\`). If "${quoted(ln.content)}" belongs to the rationale, indent it under \`rationale\`.`
          : `Lines under ${describeSection(section)} are fields written as \`name: value\`${section.kind === 'reviewer' ? ' (for example `licensure: California`)' : ''}; "${quoted(ln.content)}" has no colon.`,
    });
    return undefined;
  }
  const key = m[1].toLowerCase();
  const keyStart = ln.start;
  const value = m[2];
  const valueStart = ln.text.length - (ln.text.length - ln.start - ln.content.length) - value.length;
  return {
    kind: 'field',
    key,
    keyRange: range(ln.line, keyStart, keyStart + m[1].length),
    value,
    valueRange: range(ln.line, valueStart, valueStart + value.length),
    range: range(ln.line, ln.start, ln.start + ln.content.length),
  };
}

const CRITERION = /^([A-Za-z0-9][A-Za-z0-9_.-]*)\s*:\s*(.*)$/;

function parseCriterion(ln: RawLine, problems: SyntaxProblem[]): CriterionEntry {
  const lineRange = range(ln.line, ln.start, ln.start + ln.content.length);
  const m = CRITERION.exec(ln.content);
  if (!m) {
    problems.push({
      code: 'syntax',
      severity: 'error',
      range: lineRange,
      message: 'Each line of a criteria block names a criterion and its status, for example `LMRI-01: not met [#neuro-exam]`.',
    });
    const id = /^\S+/.exec(ln.content)?.[0] ?? ln.content;
    return { id: { value: id, range: range(ln.line, ln.start, ln.start + id.length) }, evidence: [], range: lineRange };
  }
  const id = { value: m[1], range: range(ln.line, ln.start, ln.start + m[1].length) };
  const restStart = ln.start + ln.content.length - m[2].length;
  let rest = m[2];
  let col = restStart;
  const entry: CriterionEntry = { id, evidence: [], range: lineRange };
  const sm = /^(not\s+applicable|not\s+met|met|unknown|n\/a)\b/i.exec(rest);
  if (sm) {
    const word = sm[1].toLowerCase().replace(/\s+/g, ' ');
    entry.status = (word === 'n/a' ? 'not applicable' : word) as CriterionStatus;
    entry.statusText = { value: sm[1], range: range(ln.line, col, col + sm[1].length) };
    rest = rest.slice(sm[1].length);
    col += sm[1].length;
  } else {
    const word = /^[^\s[]*/.exec(rest)![0];
    entry.statusText = word ? { value: word, range: range(ln.line, col, col + word.length) } : undefined;
    problems.push({
      code: 'syntax',
      severity: 'error',
      range: word ? range(ln.line, col, col + word.length) : id.range,
      message: `Give criterion ${id.value} a status: met, not met, unknown or not applicable${word ? ` ("${quoted(word)}" is none of them)` : ''}.`,
    });
    rest = rest.slice(word.length);
    col += word.length;
  }
  // Evidence labels, then an optional note (the rest of the line).
  const labels: LabelRef[] = [];
  for (;;) {
    const lead = /^\s*/.exec(rest)![0].length;
    const lm = /^\[#([A-Za-z0-9][A-Za-z0-9_.-]*)\]/.exec(rest.slice(lead));
    if (!lm) break;
    const s = col + lead;
    labels.push({ name: lm[1], range: range(ln.line, s, s + lm[0].length), nameRange: range(ln.line, s + 2, s + lm[0].length - 1) });
    rest = rest.slice(lead + lm[0].length);
    col = s + lm[0].length;
  }
  entry.evidence = labels;
  const noteLead = /^[\s,;:—–-]*/.exec(rest)![0].length;
  const note = rest.slice(noteLead).trim();
  if (note) {
    const s = col + noteLead;
    entry.note = { value: note, range: range(ln.line, s, s + note.length) };
    // `[#neuro findings]` or `[#neuro` is meant as evidence: say so rather than keep it as a note.
    for (const at of strayLabelStarts(note)) problems.push(malformedLabel(range(ln.line, s + at, s + note.length)));
    LABEL_PATTERN.lastIndex = 0;
    let lm: RegExpExecArray | null;
    while ((lm = LABEL_PATTERN.exec(note))) {
      const ls = s + lm.index;
      entry.evidence.push({ name: lm[1], range: range(ln.line, ls, ls + lm[0].length), nameRange: range(ln.line, ls + 2, ls + lm[0].length - 1) });
    }
  }
  return entry;
}

function endOfLine(lines: RawLine[], line: number) {
  const l = lines[line];
  return { line, character: l ? l.text.length : 0 };
}

function malformedLabel(r: Range): SyntaxProblem {
  return {
    code: 'syntax',
    severity: 'error',
    range: r,
    message: 'A fact label is written `[#name]` with letters, digits or dashes and a closing bracket, for example `[#neuro-findings]`.',
  };
}

function describeSection(s: Section): string {
  switch (s.kind) {
    case 'case':
      return 'the case header';
    case 'reviewer':
      return 'the reviewer';
    case 'worker':
      return 'the injured worker';
    case 'summary':
      return 'the clinical case summary';
    case 'documents':
      return 'the documents reviewed';
    case 'item':
      return s.service ? `the item "${quoted(s.service.value)}"` : 'the item';
  }
}

/** How much of a line a message quotes. */
function quoted(s: string): string {
  return truncate(s, 40);
}
