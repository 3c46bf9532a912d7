// What a request adds up to: the visits an item asks for ("8 sessions",
// "2 times a week for 6 weeks", "2-3 times a week for 6 weeks", "times 12"),
// and the visits of the same therapy the summary says were already given
// ("Treatment to date has included 12 sessions of physical therapy"). Read
// from the words letters use; when the words say too little, nothing is
// counted rather than guessed.

import { NUMBER_WORDS } from '../text/numbers';

// The shared number words, with the frequencies and compounds a request is written in ("twice a week", "twenty-four").
const WORDS: Record<string, number> = { ...NUMBER_WORDS, once: 1, twice: 2, thrice: 3, 'twenty-four': 24, 'twenty four': 24 };
const N = '(\\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|eighteen|twenty-four|twenty four|twenty)';

function num(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const t = s.toLowerCase();
  return /^\d+$/.test(t) ? Number(t) : WORDS[t];
}

export interface VisitCount {
  /** The visits asked for (the upper end of a range). */
  visits: number;
  /** How the count was read, in the item's words turned into arithmetic ("2 a week x 6 weeks = 12"). */
  how: string;
}

const COUNT = new RegExp(`\\b${N}\\s*\\(?\\d*\\)?\\s*(?:additional\\s+|more\\s+|initial\\s+|)(?:[a-z-]+\\s+){0,3}?(?:sessions|visits|treatments)\\b`, 'i');
const FREQUENCY = new RegExp(
  `\\b${N}(?:\\s*(?:-|to)\\s*${N})?\\s*(?:x|times)?\\s*(?:a|per|/|each)?\\s*(?:week|wk|weekly)\\s*(?:for|x|times|over|\\*)\\s*${N}(?:\\s*(?:-|to)\\s*${N})?\\s*(?:weeks|wks|week)\\b`,
  'i',
);
const TWICE = new RegExp(`\\b(once|twice|thrice)\\s*(?:a|per)?\\s*(?:week|weekly)\\s*(?:for|x|times|over)\\s*${N}\\s*(?:weeks|wks)\\b`, 'i');
const TIMES = new RegExp(`(?:\\btimes|\\bx)\\s*${N}\\s*$`, 'i');

/** The part of an item's name the decision covers: after "remaining IMR eligible portion of the original request," when the letter says so. */
export function decidedPortion(service: string): string {
  const m = /remaining (?:imr )?eligible portion of the original request,?\s*(.*)$/i.exec(service);
  if (m) return m[1];
  const original = /^(.*?)\s+was the original request/i.exec(service);
  return original ? original[1] : service;
}

export function requestedVisits(service: string): VisitCount | undefined {
  const text = decidedPortion(service).replace(/\s+is\s*$/i, '');
  const f = FREQUENCY.exec(text);
  const explicit = COUNT.exec(text);
  if (explicit && num(explicit[1]) !== undefined) return { visits: num(explicit[1])!, how: `${num(explicit[1])} asked for` };
  if (f) {
    const perWeek = num(f[2]) ?? num(f[1]);
    const weeks = num(f[4]) ?? num(f[3]);
    if (perWeek !== undefined && weeks !== undefined) return { visits: perWeek * weeks, how: `${perWeek} a week for ${weeks} weeks = ${perWeek * weeks}` };
  }
  const t = TWICE.exec(text);
  if (t && num(t[2]) !== undefined) {
    const perWeek = num(t[1])!;
    const weeks = num(t[2])!;
    return { visits: perWeek * weeks, how: `${perWeek} a week for ${weeks} weeks = ${perWeek * weeks}` };
  }
  const x = TIMES.exec(text);
  if (x && num(x[1]) !== undefined) return { visits: num(x[1])!, how: `${num(x[1])} asked for` };
  return undefined;
}

export type TherapyKind = 'physical-therapy' | 'occupational-therapy' | 'chiropractic' | 'acupuncture';

const KIND_TERMS: Record<TherapyKind, RegExp> = {
  'physical-therapy': /\b(?:physical therapy|physiotherapy|pt)\b/i,
  'occupational-therapy': /\b(?:occupational therapy|ot|hand therapy)\b/i,
  chiropractic: /\b(?:chiropract\w*|chiro|manipulation)\b/i,
  acupuncture: /\bacupuncture\b/i,
};
const PAST =
  /\b(?:had|has had|have had|completed|attended|received|undergone|underwent|included|includes|to date|prior|previous|previously|so far|already|participated)\b/i;
const PRIOR_COUNT = new RegExp(
  `\\b${N}\\s*(?:\\(\\d+\\)\\s*)?(?:prior\\s+|previous\\s+|completed\\s+|authorized\\s+)?(?:sessions|visits|treatments)\\s+of\\s+([a-z ]{2,40})`,
  'gi',
);
const PRIOR_COUNT_BEFORE = new RegExp(`\\b${N}\\s+((?:[a-z/-]+\\s+){1,3}?)(?:sessions|visits|treatments)\\b`, 'gi');
const PRIOR_COUNT_AFTER = new RegExp(
  `\\b(physical therapy|occupational therapy|chiropractic(?: care| treatment)?|acupuncture)\\s*(?:x|times|\\()\\s*${N}\\b`,
  'gi',
);

export interface PriorVisits {
  visits: number;
  /** Index of the summary sentence that says so. */
  sentence: number;
}

/**
 * The largest count of past visits of `kind` one summary sentence states.
 * The largest, not the sum: summaries restate the same course ("12 sessions
 * of PT ... after the 12 sessions"), and adding them up would double it.
 */
export function priorVisits(sentences: readonly { text: string }[], kind: TherapyKind): PriorVisits | undefined {
  let best: PriorVisits | undefined;
  sentences.forEach((s, i) => {
    if (!PAST.test(s.text)) return;
    const counts = [...s.text.matchAll(PRIOR_COUNT)]
      .map((m) => ({ m, n: num(m[1]), what: m[2] }))
      .concat([...s.text.matchAll(PRIOR_COUNT_AFTER)].map((m) => ({ m, n: num(m[2]), what: m[1] })))
      .concat([...s.text.matchAll(PRIOR_COUNT_BEFORE)].map((m) => ({ m, n: num(m[1]), what: m[2] })));
    for (const { m, n, what } of counts) {
      if (n === undefined || !KIND_TERMS[kind].test(what)) continue;
      // "8 additional sessions were requested" is the request, not the past.
      const before = s.text.slice(Math.max(0, m.index! - 30), m.index!);
      const after = s.text.slice(m.index! + m[0].length, m.index! + m[0].length + 40);
      if (
        /\b(?:request\w*|recommend\w*|additional|more|further|plan\w*|for)\s*$/i.test(before) ||
        /^[^.;]*?\b(?:requested|recommended|planned|pending)\b/i.test(after)
      )
        continue;
      if (!best || n > best.visits) best = { visits: n, sentence: i };
    }
  });
  return best;
}

/** The therapy an item's section is about, for counting visits (none for other services). */
export function therapyKind(sectionServices: readonly string[] | undefined, service: string): TherapyKind | undefined {
  const s = sectionServices ?? [];
  if (s.includes('chiropractic')) return 'chiropractic';
  if (s.includes('acupuncture')) return 'acupuncture';
  if (s.includes('physical-therapy'))
    return /\boccupational therapy\b|\bot\b|hand therapy/i.test(service) && !/\bphysical therapy\b|\bpt\b/i.test(service)
      ? 'occupational-therapy'
      : 'physical-therapy';
  return undefined;
}
