// Scores the checker's findings against hand labels of real determination
// letters, counting exactly as ../shared/eval/score.mjs counts (that script is
// the reference: same normalization, same quote location, same sentence span,
// same matching), but on case text held in memory: nothing is written to disk.
//
// A label is caught when a finding whose code the label's category accepts
// overlaps the sentence of its rationale quote (or of its record quote) in the
// imported case. A finding of a reasoning code that overlaps no label that
// accepts it is a false alarm.

/** Which finding codes catch which labelled category (annotation-guide.md). `null`: any reasoning code. */
export const ACCEPTS: Record<string, readonly string[] | null> = {
  'DENIES-DOCUMENTED': ['contradicts-record'],
  'ASSERTS-CONTRARY': ['contradicts-record'],
  'UNSUPPORTED-RECORD-CLAIM': ['unsupported-record-claim'],
  'DETAIL-MISMATCH': ['detail-mismatch', 'contradicts-record'],
  'DECISION-CONTRADICTS-RATIONALE': ['decision-contradicts-rationale'],
  'EVIDENCE-HIERARCHY': ['evidence-hierarchy'],
  'CRITERIA-MISAPPLIED': ['guideline-mismatch'],
  'UNSUPPORTED-CONCLUSION': ['unsupported-necessity-claim'],
  OTHER: null,
  NONE: [],
};

/** Codes that say the reasoning of a letter is wrong: precision is counted for these. */
export const DEFECT_CODES: ReadonlySet<string> = new Set([
  'contradicts-record',
  'unsupported-record-claim',
  'detail-mismatch',
  'decision-contradicts-rationale',
  'evidence-hierarchy',
  'guideline-mismatch',
  'unsupported-necessity-claim',
]);

export interface Label {
  row: number;
  id: string;
  item: number;
  category: string;
  severity: string;
  rq: string;
  sq: string;
  note: string;
}

export interface Position {
  line: number;
  character: number;
}
export interface Finding {
  code: string;
  severity: string;
  message?: string;
  range: { start: Position; end: Position };
}

export interface Tally {
  n: number;
  hit: number;
}
export interface Miss {
  id: string;
  category: string;
  rq: string;
  why: string;
}
export interface FalseAlarm {
  id: string;
  code: string;
  at: string;
  text: string;
}
export interface Score {
  letters: number;
  labelled: number;
  caught: number;
  recall: number | null;
  findings: number;
  truePositives: number;
  precision: number | null;
  byCategory: Record<string, Tally>;
  byCode: Record<string, Tally>;
  errors: Record<string, number>;
  labelProblems: string[];
  misses: Miss[];
  falseAlarms: FalseAlarm[];
}

/** The labels file: tab-separated, one header line; `#` lines are comments. */
export function parseLabels(tsv: string): Label[] {
  const rows = tsv.split('\n').filter((l) => l.trim() && !l.startsWith('#'));
  const header = (rows.shift() ?? '').split('\t');
  const col = (n: string): number => {
    const i = header.indexOf(n);
    if (i < 0) throw new Error(`labels: no column ${n}`);
    return i;
  };
  const at = {
    id: col('id'),
    item: col('item'),
    category: col('category'),
    severity: col('severity'),
    rq: col('rationale_quote'),
    sq: col('record_quote'),
    note: col('note'),
  };
  return rows.map((r, i) => {
    const c = r.split('\t');
    return {
      row: i + 2,
      id: c[at.id],
      item: Number(c[at.item]),
      category: c[at.category],
      severity: c[at.severity] || '',
      rq: c[at.rq] || '',
      sq: c[at.sq] || '',
      note: c[at.note] || '',
    };
  });
}

/** Lower-cased text with runs of white space as one space and typographic quotes and dashes plain; `map[i]` is where character i came from. */
export function normalize(text: string, stripLabels = false): { text: string; map: number[] } {
  let out = '';
  const map: number[] = [];
  let space = false;
  for (let i = 0; i < text.length; i++) {
    // A case file's [#label] references are not in the letter.
    if (stripLabels && text[i] === '[' && text[i + 1] === '#') {
      const j = text.indexOf(']', i);
      if (j > 0 && j - i < 80) {
        i = j;
        continue;
      }
    }
    let ch = text[i];
    if (/\s/.test(ch)) {
      space = true;
      continue;
    }
    if (space && out.length) {
      out += ' ';
      map.push(i);
    }
    space = false;
    ch = ch
      .replace(/[\u2018\u2019\u201B]/, "'")
      .replace(/[\u201C\u201D\u201F]/, '"')
      .replace(/[\u2010-\u2015]/, '-')
      .toLowerCase();
    out += ch;
    map.push(i);
  }
  return { text: out, map };
}

const norm = (s: string): string => normalize(s).text.replace(/\s*\.\.\.\s*/g, ' … ');

/** Where a quote is in normalized text; "..." in a quote stands for an omitted stretch (each piece in order, at most 1,500 characters apart). */
export function locate(hay: string, quote: string): [number, number] | null {
  const pieces = norm(quote)
    .split(' … ')
    .map((p) => p.trim())
    .filter(Boolean);
  if (!pieces.length) return null;
  let from = 0;
  let start = -1;
  let end = -1;
  for (const p of pieces) {
    const at = hay.indexOf(p, from);
    if (at < 0 || (start >= 0 && at - end > 1500)) return null;
    if (start < 0) start = at;
    end = at + p.length;
    from = end;
  }
  return [start, end];
}

/** The sentence around a span: back to the last full stop, on to the next (at most 600 characters each way). */
export function sentenceSpan(hay: string, [s, e]: [number, number]): [number, number] {
  let a = s;
  while (a > 0 && s - a < 600 && !/[.!?]\s?$/.test(hay.slice(Math.max(0, a - 2), a))) a--;
  let b = e;
  while (b < hay.length && b - e < 600 && !/[.!?]/.test(hay[b - 1] ?? '')) b++;
  return [a, b];
}

/** What the scorer needs of one letter: its text, and (when it was imported) the case text and the findings on it. */
export interface Checked {
  letter?: string;
  caseText?: string;
  findings?: Finding[];
}

export function score(labels: Label[], checked: (id: string) => Checked): Score {
  const ids = [...new Set(labels.map((l) => l.id))];
  const labelProblems: string[] = [];
  const letterText: Record<string, string> = {};
  const cases: Record<string, Checked> = {};
  for (const id of ids) {
    const c = checked(id);
    cases[id] = c;
    if (c.letter === undefined) {
      labelProblems.push(`row for ${id}: no letter ${id}.txt in the letters folder`);
      continue;
    }
    letterText[id] = normalize(c.letter).text;
  }
  for (const l of labels) {
    if (!(l.category in ACCEPTS)) labelProblems.push(`row ${l.row} (${l.id}): unknown category ${l.category}`);
    if (!letterText[l.id] || l.category === 'NONE') continue;
    if (!l.rq || !locate(letterText[l.id], l.rq)) labelProblems.push(`row ${l.row} (${l.id}): rationale quote not found in the letter: ${l.rq.slice(0, 90)}`);
    if (l.sq && !locate(letterText[l.id], l.sq)) labelProblems.push(`row ${l.row} (${l.id}): record quote not found in the letter: ${l.sq.slice(0, 90)}`);
  }

  const byCategory: Record<string, Tally> = {};
  const byCode: Record<string, Tally> = {};
  const errors: Record<string, number> = {};
  const misses: Miss[] = [];
  const falseAlarms: FalseAlarm[] = [];
  const bump = (o: Record<string, Tally>, k: string, hit: boolean): void => {
    o[k] ??= { n: 0, hit: 0 };
    o[k].n++;
    if (hit) o[k].hit++;
  };
  const accepts = (l: Label, code: string): boolean => {
    const a = ACCEPTS[l.category];
    return a === null ? DEFECT_CODES.has(code) : (a ?? []).includes(code);
  };
  for (const id of ids) {
    const mine = labels.filter((l) => l.id === id && l.category !== 'NONE');
    const c = cases[id];
    if (c.caseText === undefined) {
      for (const l of mine) {
        bump(byCategory, l.category, false);
        misses.push({ id, category: l.category, rq: l.rq.slice(0, 110), why: 'not imported' });
      }
      continue;
    }
    const raw = c.caseText;
    const { text: hay, map } = normalize(raw, true);
    const lineStart = [0];
    for (let i = 0; i < raw.length; i++) if (raw[i] === '\n') lineStart.push(i + 1);
    const toNorm = (pos: Position): number => {
      const o = (lineStart[pos.line] ?? raw.length) + pos.character;
      let lo = 0;
      let hi = map.length;
      while (lo < hi) {
        const m = (lo + hi) >> 1;
        if (map[m] < o) lo = m + 1;
        else hi = m;
      }
      return lo;
    };
    // A rationale quote is looked for in its own item first (the same sentence
    // often stands under two items), a record quote in the summary first.
    const partStart = (re: RegExp): number[] => {
      const out: number[] = [];
      raw.split('\n').forEach((line, n) => {
        if (re.test(line)) out.push(toNorm({ line: n, character: 0 }));
      });
      return out;
    };
    const items = partStart(/^item\b/);
    const summaryAt = partStart(/^summary\b/)[0] ?? 0;
    const region = (k: number): [number, number] => (k >= 0 && k < items.length ? [items[k], items[k + 1] ?? hay.length] : [0, hay.length]);
    const within = (q: string, [a, b]: [number, number]): [number, number] | null => {
      const at = locate(hay.slice(a, b), q);
      return at ? [at[0] + a, at[1] + a] : locate(hay, q);
    };
    const spans = mine.map((l) => {
      const out: [number, number][] = [];
      const rat = l.rq ? within(l.rq, region(l.item)) : null;
      if (rat) out.push(sentenceSpan(hay, rat));
      const rec = l.sq ? within(l.sq, [summaryAt, items[0] ?? hay.length]) : null;
      if (rec) out.push(sentenceSpan(hay, rec));
      return out;
    });
    const diags = (c.findings ?? []).map((d) => ({
      d,
      span: [toNorm(d.range.start), Math.max(toNorm(d.range.end), toNorm(d.range.start) + 1)] as [number, number],
    }));
    const overlaps = (span: [number, number], ss: [number, number][]): boolean => ss.some(([a, b]) => span[0] < b && span[1] > a);
    mine.forEach((l, i) => {
      const hit = diags.some(({ d, span }) => accepts(l, d.code) && overlaps(span, spans[i]));
      bump(byCategory, l.category, hit);
      if (!hit) misses.push({ id, category: l.category, rq: l.rq.slice(0, 110), why: spans[i].length ? '' : 'quote not found in the imported case' });
    });
    for (const { d, span } of diags) {
      if (d.severity === 'error') errors[d.code] = (errors[d.code] ?? 0) + 1;
      if (!DEFECT_CODES.has(d.code)) continue;
      const tp = mine.some((l, i) => accepts(l, d.code) && overlaps(span, spans[i]));
      bump(byCode, d.code, tp);
      if (!tp)
        falseAlarms.push({
          id,
          code: d.code,
          at: `${d.range.start.line + 1}:${d.range.start.character + 1}`,
          text: hay.slice(span[0], Math.min(span[1], span[0] + 110)),
        });
    }
  }
  const sum = (o: Record<string, Tally>, k: keyof Tally): number => Object.values(o).reduce((s, v) => s + v[k], 0);
  const labelled = sum(byCategory, 'n');
  const caught = sum(byCategory, 'hit');
  const findings = sum(byCode, 'n');
  const truePositives = sum(byCode, 'hit');
  return {
    letters: ids.length,
    labelled,
    caught,
    recall: labelled ? caught / labelled : null,
    findings,
    truePositives,
    precision: findings ? truePositives / findings : null,
    byCategory,
    byCode,
    errors,
    labelProblems,
    misses,
    falseAlarms,
  };
}

const pct = (a: number, b: number): string => (b ? `${Math.round((100 * a) / b)}%` : '–');

/** The report as score.mjs prints it (and, with `details`, its misses and false alarms). */
export function formatScore(s: Score, details = false): string {
  const out: string[] = [];
  out.push(`letters ${s.letters}, labelled defects ${s.labelled}, label problems ${s.labelProblems.length}`);
  out.push('recall by category:');
  for (const [k, v] of Object.entries(s.byCategory).sort())
    out.push(`  ${k.padEnd(32)} ${String(v.hit).padStart(4)} / ${String(v.n).padEnd(4)} ${pct(v.hit, v.n)}`);
  out.push('precision by code:');
  for (const [k, v] of Object.entries(s.byCode).sort())
    out.push(`  ${k.padEnd(32)} ${String(v.hit).padStart(4)} / ${String(v.n).padEnd(4)} ${pct(v.hit, v.n)}`);
  out.push(
    `errors on these published letters: ${
      Object.entries(s.errors)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ') || 'none'
    }`,
  );
  if (details) {
    out.push('', 'missed:');
    for (const m of s.misses) out.push(`  ${m.id} ${m.category}: ${m.rq}${m.why ? ` (${m.why})` : ''}`);
    out.push('', 'false alarms:');
    for (const f of s.falseAlarms) out.push(`  ${f.id}:${f.at} ${f.code}: ${f.text}`);
  }
  out.push(`recall ${pct(s.caught, s.labelled)} (${s.caught}/${s.labelled}), precision ${pct(s.truePositives, s.findings)} (${s.truePositives}/${s.findings})`);
  return out.join('\n') + '\n';
}
