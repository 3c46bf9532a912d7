// Hostile shapes of case file for the "limits" benchmark (issue 8): very large
// cases, one enormous line in each place a line can be, and thousands of
// items. Deterministic, built from synthCase's parts; no corpus text.
import { synthCase, DEFAULT_SETS, type CriteriaSet } from './synth';

export interface LimitShape {
  name: string;
  /** What the shape stresses, for the report. */
  what: string;
  /** Builds the text (on demand: the large ones take a while and hold memory). */
  make: () => string;
}

const MB = 1024 * 1024;

/** A synthetic case grown until it has about `bytes` bytes (ASCII, so bytes = characters). */
export function caseOfSize(bytes: number, seed: number, sets: CriteriaSet[] = DEFAULT_SETS): string {
  // synthCase lines average ~60 characters; one try at the estimate, then trim or grow by a second pass.
  let lines = Math.max(40, Math.round(bytes / 60));
  let text = synthCase(lines, seed, sets);
  if (text.length < bytes * 0.9) {
    lines = Math.round((lines * bytes) / text.length);
    text = synthCase(lines, seed, sets);
  }
  return text;
}

/** Words of ordinary prose repeated to `chars` characters, with a sentence end now and then. */
export function longProse(chars: number): string {
  const words =
    'the injured worker complained of increasing low back pain with radiation down the left lower extremity and the examination documented tenderness'.split(
      ' ',
    );
  const out: string[] = [];
  let n = 0;
  for (let i = 0; n < chars; i++) {
    const w = words[i % words.length] + (i % 23 === 22 ? '.' : '');
    out.push(w);
    n += w.length + 1;
  }
  return out.join(' ').slice(0, chars);
}

/** Replaces the first line matching `where` with `line` (keeping the rest of the case as is). */
function withLine(text: string, where: RegExp, line: string): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => where.test(l));
  lines[i] = line;
  return lines.join('\n');
}

/** `count` short disputed items after a letter-sized case: tests per-item work, not size. */
export function manyItems(count: number, seed: number, sets: CriteriaSet[] = DEFAULT_SETS): string {
  const base = synthCase(80, seed, sets);
  const head = base.slice(0, base.indexOf('\nitem ') + 1);
  const set = sets[0];
  const items: string[] = [];
  for (let i = 1; i <= count; i++) {
    const upheld = i % 2 === 0;
    items.push(
      `item ${set.service} (request ${i})`,
      `  decision: ${upheld ? 'upheld' : 'overturned'}`,
      `  guideline: ${set.guideline}`,
      `  criteria: ${set.id}`,
      `    ${set.criteria[0]}: ${upheld ? 'not met' : 'met'} [#fact-1]`,
      '  rationale',
      `    The records do not indicate how many sessions have been completed. The requested service is ${upheld ? 'not ' : ''}medically necessary.`,
      '',
    );
  }
  return head + items.join('\n');
}

/** `text` cut at the last line break that keeps it within `bytes` (ASCII). */
function within(text: string, bytes: number): string {
  return text.length <= bytes ? text : text.slice(0, text.lastIndexOf('\n', bytes - 1) + 1);
}

/** `unit` repeated after a letter-sized case until the whole is `bytes` long. */
function filled(head: string, unit: string, bytes: number): string {
  return within(head + unit.repeat(Math.ceil(Math.max(0, bytes - head.length) / unit.length)), bytes);
}

/**
 * The shapes the limits are judged on: hostile inputs well over the default
 * limit (what declining protects against, measured with the limit off), and
 * the costliest shapes found that still fit under `limitBytes` (what an
 * accepted file can cost at most).
 */
export function limitShapes(sets: CriteriaSet[] = DEFAULT_SETS, limitBytes = 64 * 1024): LimitShape[] {
  const letter = () => synthCase(80, 7001, sets);
  const kb = `${Math.round(limitBytes / 1024)} KB`;
  return [
    { name: 'case-2mb', what: 'a 2 MB case (about 34,000 lines)', make: () => caseOfSize(2 * MB, 7002, sets) },
    { name: 'case-10mb', what: 'a 10 MB case (about 170,000 lines)', make: () => caseOfSize(10 * MB, 7003, sets) },
    { name: 'line-1mb-prose', what: 'a letter whose summary has one 1 MB line of prose', make: () => withLine(letter(), /^ {2}On /, '  ' + longProse(MB)) },
    { name: 'line-1mb-word', what: 'a letter whose summary has one 1 MB word (no spaces)', make: () => withLine(letter(), /^ {2}On /, '  ' + 'x'.repeat(MB)) },
    {
      name: 'line-1mb-field',
      what: 'a letter whose diagnosis field is 1 MB long',
      make: () => withLine(letter(), /^ {2}diagnosis:/, '  diagnosis: ' + longProse(MB)),
    },
    {
      name: 'line-1mb-rationale',
      what: 'a letter whose first rationale line is 1 MB long',
      make: () => withLine(letter(), /^ {4}(As per|The |There|Guidelines)/, '    ' + longProse(MB)),
    },
    { name: 'line-1mb-comment', what: 'a letter with a 1 MB comment line', make: () => withLine(letter(), /^-- /, '-- ' + longProse(MB)) },
    { name: 'items-10000', what: '10,000 short disputed items', make: () => manyItems(10000, 7004, sets) },
    { name: 'limit-case', what: `a synthetic case of ${kb}`, make: () => within(caseOfSize(limitBytes * 1.1, 7005, sets), limitBytes) },
    {
      name: 'limit-tiny-items',
      what: `${kb}: a letter, then \`item x\` lines (the costliest shape per byte found)`,
      make: () => filled(letter(), 'item x\n', limitBytes),
    },
    { name: 'limit-short-lines', what: `${kb}: a letter, then one-letter lines`, make: () => filled(letter(), 'x\n', limitBytes) },
    {
      name: 'limit-suppressions',
      what: `${kb}: a letter, then suppressed unknown fields`,
      make: () => filled(letter(), '-- imr-disable-next-line unknown-field\n  bogus-field: x\n', limitBytes),
    },
    // Issue 17: the preview's link-maker trimmed an address's end recounting its parentheses at every step.
    {
      name: 'limit-url-parens',
      what: `${kb}: a letter whose summary has an address followed by as many ")" as fit`,
      make: () => withLine(letter(), /^ {2}On /, '  See https://www.dir.ca.gov/' + ')'.repeat(limitBytes - letter().length - 40)),
    },
    // Issue 17: words joined by no-break spaces are one run pdfkit cannot break (268 KB took 39 s to lay out).
    {
      name: 'limit-nbsp-run',
      what: `${kb}: a letter whose summary has one line of words joined by no-break spaces`,
      make: () => withLine(letter(), /^ {2}On /, '  ' + longProse(Math.floor((limitBytes - letter().length - 40) * 0.85)).replace(/ /g, '\u00a0')),
    }, // a no-break space is 2 bytes
    {
      name: 'nbsp-run-256kb',
      what: 'a letter whose summary has 256 KB of words joined by no-break spaces',
      make: () => withLine(letter(), /^ {2}On /, '  ' + longProse(256 * 1024).replace(/ /g, '\u00a0')),
    },
    {
      name: 'limit-one-line',
      what: `${kb}: a letter whose summary has one line as long as fits`,
      make: () => withLine(letter(), /^ {2}On /, '  ' + longProse(limitBytes - letter().length)),
    },
  ];
}
