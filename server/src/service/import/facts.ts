// Turns recognisable clinical findings in the imported summary into labelled
// facts: a `[#label]` marker after each sentence that holds, for example,
// neurologic findings or imaging. The term lists live in factTerms.json so a
// clinical editor can read and change them. Labels are a convenience for the
// author, never a judgement: the checks decide what the facts mean.
import terms from './factTerms.json';
import { CONCEPTS, type Concept } from '../necessity/terms';
import { findingsIn, negationOf } from '../necessity/mentions';

interface Category {
  label: string;
  /** A concept of data/terms/ whose findings decide this label. */
  concept?: string;
  negatedLabel?: string;
  terms: string[];
  requiresAny?: string[];
}

interface TermData {
  maxLabels: number;
  window: number;
  negations: string[];
  negatedAfter: string[];
  categories: Category[];
}

const DATA = terms as TermData;

/** A term as a regular expression: whole words, `*` for any word ending. */
function termPattern(term: string): string {
  const escaped = term
    .split('*')
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'))
    .join('[\\w-]*');
  const start = /^\w/.test(term) ? '(?<![\\w-])' : '';
  const end = term.endsWith('*') || !/\w$/.test(term) ? '' : '(?![\\w])';
  return start + escaped + end;
}

function anyOf(list: string[]): RegExp {
  return new RegExp(list.map(termPattern).join('|'), 'gi');
}

const COMPILED = DATA.categories.map((c) => ({
  ...c,
  shared: c.concept ? CONCEPTS.get(c.concept) : undefined,
  re: anyOf(c.terms),
  requires: c.requiresAny ? anyOf(c.requiresAny) : undefined,
}));
const NEGATION_BEFORE = anyOf(DATA.negations);
const NEGATION_AFTER = anyOf(DATA.negatedAfter);

function words(s: string): string[] {
  return s.split(/[^\w/+-]+/).filter(Boolean);
}

/** Characters either side of a term that hold its negation window (`window` words of any sensible length). */
const NEAR_CHARS = 400;

/** A term occurrence is negated when a negation word comes shortly before it in the same clause, or a normal-finding word shortly after. */
function isNegated(sentence: string, start: number, end: number): boolean {
  // Only a few words either side count, so only a bounded stretch of text is
  // split: splitting the whole sentence for each term made a run-on "sentence"
  // (a PDF page with no full stops) quadratic in its length.
  const clauseBefore = sentence.slice(Math.max(0, start - NEAR_CHARS), start).split(/[;,:]|\bbut\b|\bhowever\b|\bwhile\b/i).pop() ?? '';
  const before = words(clauseBefore).slice(-(DATA.window + 3)).join(' ');
  NEGATION_BEFORE.lastIndex = 0;
  if (NEGATION_BEFORE.test(before)) return true;
  const clauseAfter = sentence.slice(end, end + NEAR_CHARS).split(/[;,]|\bbut\b|\bhowever\b|\bwhile\b/i)[0] ?? '';
  const after = words(clauseAfter).slice(0, DATA.window).join(' ');
  NEGATION_AFTER.lastIndex = 0;
  return NEGATION_AFTER.test(after);
}

/** Label names for one sentence (without numbering), at most `maxLabels`. */
export function classifySentence(sentence: string): string[] {
  const out: string[] = [];
  for (const c of COMPILED) {
    if (out.length >= DATA.maxLabels) break;
    if (c.requires) {
      c.requires.lastIndex = 0;
      if (!c.requires.test(sentence)) continue;
    }
    if (c.shared) {
      const verdict = conceptVerdict(sentence, c.shared);
      if (verdict === 'finding') out.push(c.label);
      else if (verdict === 'negated' && c.negatedLabel) out.push(c.negatedLabel);
      continue;
    }
    c.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    let positive = false;
    let negative = false;
    while ((m = c.re.exec(sentence))) {
      if (isNegated(sentence, m.index, m.index + m[0].length)) negative = true;
      else positive = true;
      if (m[0].length === 0) c.re.lastIndex++;
    }
    if (positive) out.push(c.label);
    else if (negative && c.negatedLabel) out.push(c.negatedLabel);
  }
  return out;
}

/** What the necessity checks read in a sentence for a concept: a finding, only negated mentions, or nothing. */
function conceptVerdict(sentence: string, concept: Concept): 'finding' | 'negated' | undefined {
  if (findingsIn(sentence, concept).length > 0) return 'finding';
  const mentions = [...concept.finding.matches(sentence), ...concept.attribute.matches(sentence)];
  return mentions.some((m) => negationOf(sentence, m.start, m.end)) ? 'negated' : undefined;
}

/** Gives each label a unique name in the summary: neuro-findings, neuro-findings-2, ... */
export class LabelNamer {
  private counts = new Map<string, number>();
  name(base: string): string {
    const n = (this.counts.get(base) ?? 0) + 1;
    this.counts.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  }
}
