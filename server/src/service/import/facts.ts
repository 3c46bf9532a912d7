// Turns what a summary sentence documents into a labelled fact: a `[#label]`
// marker after each sentence that holds, for example, neurologic findings or
// a study with its result. First the sentence's kind: a sentence reporting
// the utilization review's decision, or a request, order or plan, documents
// no finding and no care given, whatever words it holds ("UR noncertified
// the MRI", "physical therapy was ordered"), so it gets a label of its own
// kind and nothing else. The term lists live in factTerms.json so a clinical
// editor can read and change them. Labels are a convenience for the author,
// never a judgement: the checks decide what the facts mean.
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
  alsoFindings?: string[];
  /** Categories whose label, once given, keeps this one off the sentence. */
  excludedBy?: string[];
  /** How the label is named from the sentence: with its body part, or as a study (site, modality, year). */
  name?: 'site' | 'study';
}

interface Named {
  name: string;
  terms: string[];
}

interface TermData {
  maxLabels: number;
  window: number;
  negations: string[];
  negatedAfter: string[];
  kinds: {
    ur: { subjects: string[]; denial: string[]; modification: string[]; approval: string[]; decision: string[]; alone: string[] };
    request: string[];
  };
  categories: Category[];
  modalities: Named[];
  sites: Named[];
  sides: Record<string, string[]>;
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

function anyOf(list: string[], flags = 'gi'): RegExp {
  return new RegExp(list.map(termPattern).join('|'), flags);
}

/** Case-sensitive where a term is an abbreviation in capitals ("UR", "RFA", "L"), so "ur" inside prose never counts; other terms in any case. */
function anyOfCased(list: string[]): RegExp {
  const caps = (t: string) => /^[A-Z][A-Z0-9]*s?$/.test(t) && t.length <= 5;
  return new RegExp(list.map((t) => (caps(t) ? termPattern(t) : caseless(termPattern(t)))).join('|'), 'g');
}

/** A pattern matching either case letter by letter (escapes kept as they are). */
function caseless(pattern: string): string {
  return pattern.replace(/(\\.)|([a-zA-Z])/g, (_m, esc: string | undefined, ch: string | undefined) => esc ?? `[${ch!.toLowerCase()}${ch!.toUpperCase()}]`);
}

/**
 * The terms' patterns, compiled at the importer's first sentence rather than as the module loads: the service loads
 * this module with the rest, and a process that only checks (imr check, a language server with no import) never
 * classifies a sentence; compiling them was about 3 ms of every start.
 */
function compilePatterns() {
  return {
    categories: DATA.categories.map((c) => ({
      ...c,
      shared: c.concept ? CONCEPTS.get(c.concept) : undefined,
      re: anyOf(c.terms),
      also: c.alsoFindings?.length ? anyOf(c.alsoFindings) : undefined,
      requires: c.requiresAny ? anyOf(c.requiresAny) : undefined,
    })),
    negationBefore: anyOf(DATA.negations),
    negationAfter: anyOf(DATA.negatedAfter),
    ur: {
      subjects: anyOfCased(DATA.kinds.ur.subjects),
      denial: anyOf(DATA.kinds.ur.denial),
      modification: anyOf(DATA.kinds.ur.modification),
      approval: anyOf(DATA.kinds.ur.approval),
      decision: anyOf(DATA.kinds.ur.decision),
      alone: anyOf(DATA.kinds.ur.alone),
    },
    request: anyOfCased(DATA.kinds.request),
    modalities: DATA.modalities.map((m) => ({ name: m.name, re: anyOfCased(m.terms) })),
    sites: DATA.sites.map((s) => ({ name: s.name, re: anyOfCased(s.terms) })),
    // A side written just before a body part ("right upper extremity", "left knee"): up to two words between.
    sides: Object.entries(DATA.sides).map(([name, sideWords]) => ({
      name,
      re: new RegExp(
        `(?:^|[^\\w-])(?:${sideWords.map((w) => (/^[A-Z]$/.test(w) ? w : caseless(w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))).join('|')})\\s+(?:[\\w-]+\\s+){0,2}$`,
      ),
    })),
  };
}

let compiled: ReturnType<typeof compilePatterns> | undefined;

function patterns(): ReturnType<typeof compilePatterns> {
  return (compiled ??= compilePatterns());
}

function has(re: RegExp, s: string): boolean {
  re.lastIndex = 0;
  return re.test(s);
}

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
  const clauseBefore =
    sentence
      .slice(Math.max(0, start - NEAR_CHARS), start)
      .split(/[;,:]|\bbut\b|\bhowever\b|\bwhile\b/i)
      .pop() ?? '';
  const before = words(clauseBefore)
    .slice(-(DATA.window + 3))
    .join(' ');
  if (has(patterns().negationBefore, before)) return true;
  const clauseAfter = sentence.slice(end, end + NEAR_CHARS).split(/[;,]|\bbut\b|\bhowever\b|\bwhile\b/i)[0] ?? '';
  const after = words(clauseAfter).slice(0, DATA.window).join(' ');
  return has(patterns().negationAfter, after);
}

export type SentenceKind = 'ur' | 'request' | 'record';

/**
 * What a summary sentence reports: the utilization review's decision, a
 * request (an order, a recommendation, a plan), or the record itself
 * (findings, studies, care given, responses).
 */
export function sentenceKind(sentence: string): SentenceKind {
  const { ur, request } = patterns();
  const decided = [ur.denial, ur.modification, ur.approval, ur.decision].some((re) => has(re, sentence));
  if ((has(ur.subjects, sentence) && decided) || has(ur.alone, sentence)) return 'ur';
  if (has(request, sentence)) return 'request';
  return 'record';
}

function urLabel(sentence: string): string {
  const { ur } = patterns();
  if (has(ur.modification, sentence)) return 'ur-modification';
  if (has(ur.denial, sentence)) return 'ur-denial';
  if (has(ur.approval, sentence)) return 'ur-approval';
  return 'ur-decision';
}

/** The first match of `re` in `s` at or after `from`, else the first anywhere. */
function nearest(re: RegExp, s: string, at: number): { index: number; text: string } | undefined {
  re.lastIndex = 0;
  let best: { index: number; text: string } | undefined;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const cand = { index: m.index, text: m[0] };
    if (!best || Math.abs(cand.index - at) < Math.abs(best.index - at)) best = cand;
    if (m[0].length === 0) re.lastIndex++;
  }
  return best;
}

/** The body part a sentence names nearest to `at` (with its side when one is written just before), as a label part: `right-arm`, `lumbar`. */
export function siteNear(sentence: string, at: number): string | undefined {
  let best: { index: number; name: string; text: string } | undefined;
  for (const site of patterns().sites) {
    const m = nearest(site.re, sentence, at);
    if (m && (!best || Math.abs(m.index - at) < Math.abs(best.index - at))) best = { ...m, name: site.name };
  }
  if (!best) return undefined;
  const before = sentence.slice(Math.max(0, best.index - 40), best.index);
  const side = patterns().sides.find((s) => s.re.test(before))?.name;
  // A spine region has no side.
  return side && !['lumbar', 'cervical', 'thoracic'].includes(best.name) ? `${side}-${best.name}` : best.name;
}

/** The year a sentence dates something in ("dated 3-2-2016", "on 11/30/16", "in 2015"), as four digits. */
function yearIn(sentence: string): string | undefined {
  const full = /\b\d{1,2}[-/]\d{1,2}[-/](\d{4}|\d{2})\b/.exec(sentence);
  if (full) return full[1].length === 4 ? full[1] : `20${full[1]}`;
  return /\b((?:19|20)\d{2})\b/.exec(sentence)?.[1];
}

/** A study's label: body part, modality and year (`lumbar-mri-2016`), from the first modality term in the sentence. */
function studyName(sentence: string, fallback: string): string {
  let first: { index: number; name: string } | undefined;
  for (const m of patterns().modalities) {
    const hit = nearest(m.re, sentence, 0);
    if (hit && (!first || hit.index < first.index)) first = { index: hit.index, name: m.name };
  }
  if (!first) return fallback;
  return [siteNear(sentence, first.index), first.name, yearIn(sentence)].filter(Boolean).join('-');
}

/** Label names for one sentence (without numbering), at most `maxLabels`. */
export function classifySentence(sentence: string): string[] {
  // A fragment ("\"", "2016.") documents nothing.
  if (words(sentence).filter((w) => /[a-z]/i.test(w)).length < 3) return [];
  const kind = sentenceKind(sentence);
  if (kind === 'ur') return [urLabel(sentence)];
  if (kind === 'request') return ['request'];
  const out: string[] = [];
  const given = new Set<string>();
  for (const c of patterns().categories) {
    if (out.length >= DATA.maxLabels) break;
    if (c.requires && !has(c.requires, sentence)) continue;
    if (c.excludedBy?.some((l) => given.has(l))) continue;
    const verdict = c.shared ? conceptVerdict(sentence, c.shared, c.also) : termVerdict(sentence, c.re);
    if (!verdict) continue;
    const base = verdict.finding ? c.label : c.negatedLabel;
    if (!base) continue;
    given.add(c.label);
    // A negated study ("no MRI on record") is named as the absence it is, not as a study.
    out.push(verdict.finding ? named(c.name, base, sentence, verdict.at) : base);
  }
  return out;
}

function named(how: Category['name'], base: string, sentence: string, at: number): string {
  if (how === 'study') return studyName(sentence, base);
  if (how === 'site') {
    const site = siteNear(sentence, at);
    return site ? `${base}-${site}` : base;
  }
  return base;
}

/** Whether the category's terms occur as a finding (at its first affirmed occurrence) or only negated. */
function termVerdict(sentence: string, re: RegExp): { finding: boolean; at: number } | undefined {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  let negatedAt: number | undefined;
  while ((m = re.exec(sentence))) {
    if (!isNegated(sentence, m.index, m.index + m[0].length)) return { finding: true, at: m.index };
    negatedAt ??= m.index;
    if (m[0].length === 0) re.lastIndex++;
  }
  return negatedAt === undefined ? undefined : { finding: false, at: negatedAt };
}

/** What the necessity checks read in a sentence for a concept (a finding, or only negated mentions), with the category's own extra finding terms. */
function conceptVerdict(sentence: string, concept: Concept, also: RegExp | undefined): { finding: boolean; at: number } | undefined {
  const findings = findingsIn(sentence, concept);
  if (findings.length > 0) return { finding: true, at: findings[0].start };
  const extra = also ? termVerdict(sentence, also) : undefined;
  if (extra?.finding) return extra;
  const mentions = [...concept.finding.matches(sentence), ...concept.attribute.matches(sentence)];
  const negated = mentions.find((m) => negationOf(sentence, m.start, m.end));
  return negated ? { finding: false, at: negated.start } : extra;
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
