// Finds the rationale's conclusion on medical necessity and its polarity.
// Letters phrase it many ways ("is not medically necessary", "is determined
// to not be medically necessary", "medical necessity has not been
// established", "is not-medically necessary", "does not appear medically
// necessary"), so the phrases and negation cues are data (terms/conclusions.json).
import { CONCLUSIONS, type ConclusionTerms } from './terms';
import type { PhraseMatch } from './phrases';

export type Polarity = 'necessary' | 'not-necessary';

export interface ConclusionMatch {
  /** The necessity phrase ("medically necessary") within the text. */
  start: number;
  end: number;
  /** Where the negation cue stands, if the conclusion is negative. */
  cue?: { start: number; end: number; text: string };
  polarity: Polarity;
  strength: 'strong' | 'weak';
  phrase: string;
}

/** Spans inside quotation marks: quoted text is the guideline's or the record's words, not the reviewer's conclusion. */
function quotedSpans(sentence: string): PhraseMatch[] {
  const out: PhraseMatch[] = [];
  const re = /"[^"]*"|“[^”]*”/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(sentence))) out.push({ start: m.index, end: m.index + m[0].length, phrase: m[0] });
  return out;
}

/** Every necessity statement in one sentence, strong ones first where they overlap weak ones. */
export function conclusionsInSentence(sentence: string, terms: ConclusionTerms = CONCLUSIONS): ConclusionMatch[] {
  const allStrong = terms.strong.matches(sentence);
  const allWeak = terms.weak.matches(sentence);
  // Most sentences state no necessity: then there is nothing to exclude.
  if (!allStrong.length && !allWeak.length) return [];
  const notConclusion = terms.notConclusion.matches(sentence);
  // Only a sentence with a quotation mark has quoted spans.
  const excluded = sentence.includes('"') || sentence.includes('“') ? [...notConclusion, ...quotedSpans(sentence)] : notConclusion;
  const strong = excluded.length ? allStrong.filter((s) => !excluded.some((x) => overlaps(x, s))) : allStrong;
  // A weak statement inside any strong one (excluded or not) is part of it.
  const weak = allWeak.filter((w) => !allStrong.some((s) => overlaps(s, w)) && !excluded.some((x) => overlaps(x, w)));
  const weakFound = weak.map((m) => classify(sentence, m, 'weak', terms));
  const out: ConclusionMatch[] = [...weakFound];
  for (const m of strong) {
    let c = classify(sentence, m, 'strong', terms);
    // "is not supported by the records as being medically necessary": the
    // negation of a weak predicate earlier in the same clause carries over.
    if (c.polarity === 'necessary') {
      const clauseStart = Math.max(sentence.lastIndexOf(',', m.start), sentence.lastIndexOf(';', m.start), 0);
      const governing = weakFound.filter((w) => w.end <= m.start && w.start >= clauseStart && w.polarity === 'not-necessary').pop();
      if (governing) c = { ...c, polarity: 'not-necessary', cue: governing.cue };
    }
    out.push(c);
  }
  return out.sort((a, b) => a.start - b.start);
}

function overlaps(a: PhraseMatch, b: PhraseMatch): boolean {
  return a.start < b.end && b.start < a.end;
}

function classify(sentence: string, m: PhraseMatch, strength: 'strong' | 'weak', terms: ConclusionTerms): ConclusionMatch {
  const { start, end } = m;
  const phrase = m.phrase;
  // Each result written out rather than spread from a shared base: the spread cost more than the reading (the
  // keys are in the same order either way).
  // "not-medically necessary": the hyphen glues the cue to the phrase.
  const windowStart = backwardWindow(sentence, start, terms);
  // "is not only medically necessary but urgent" affirms: "not only" is no negation.
  const before = terms.before.matches(sentence, windowStart, start).filter((c) => !/^[\s-]+only\b/i.test(sentence.slice(c.end, start)));
  if (before.length) {
    const c = before[before.length - 1];
    return { start, end, strength, phrase, polarity: 'not-necessary', cue: { start: c.start, end: c.end, text: sentence.slice(c.start, c.end) } };
  }
  // "Medical necessity ... has not been established": look ahead in the clause.
  const clauseEnd = forwardClauseEnd(sentence, end);
  const pos = terms.positiveAfter.matches(sentence, end, clauseEnd)[0];
  const neg = terms.after.matches(sentence, end, clauseEnd)[0];
  if (neg && (!pos || neg.start <= pos.start)) {
    return { start, end, strength, phrase, polarity: 'not-necessary', cue: { start: neg.start, end: neg.end, text: sentence.slice(neg.start, neg.end) } };
  }
  return { start, end, strength, phrase, polarity: 'necessary' };
}

/** A space (what `\s` matches) or a hyphen, by code unit: a regular expression per character cost more than the walk. */
function spaceOrHyphen(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c === 45 || c === 32 || (c >= 9 && c <= 13)) return true;
  return c >= 128 && /\s/.test(text[at]);
}

/** A letter, digit or apostrophe of a word (`[A-Za-z0-9'’]`), by code unit. */
function wordChar(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 39 || c === 0x2019;
}

/**
 * Start of the text before a phrase that can hold its negation: back over at
 * most `window` words that are not filler ("therefore", "considered"), and
 * never past a clause break (a comma that follows a real word).
 */
function backwardWindow(text: string, end: number, terms: ConclusionTerms): number {
  let i = end;
  let words = 0;
  while (i > 0) {
    // Skip spaces and hyphens.
    let j = i;
    while (j > 0 && spaceOrHyphen(text, j - 1)) j--;
    if (j === 0) return 0;
    const c = text[j - 1];
    if (',;:(.!?"“”'.includes(c)) {
      if (words > 0 || ';:.!?('.includes(c)) return j;
      i = j - 1; // a comma around filler ("is, therefore, not") does not end the clause
      continue;
    }
    let k = j;
    while (k > 0 && wordChar(text, k - 1)) k--;
    if (k === j) {
      i = j - 1;
      continue;
    }
    const word = text.slice(k, j).toLowerCase();
    if (!terms.ignore.has(word)) words++;
    if (words > terms.window) return j;
    i = k;
  }
  return 0;
}

function forwardClauseEnd(text: string, from: number): number {
  const rest = text.slice(from);
  const m = /[;:.!?]|,\s+(?:but|however|although|and\s+(?:the|this))\b/i.exec(rest);
  return m ? from + m.index : text.length;
}

export interface SentenceLike {
  text: string;
}

export interface ItemConclusion<S extends SentenceLike> {
  sentence: S;
  sentenceIndex: number;
  match: ConclusionMatch;
}

/**
 * The item's conclusion: the last strong necessity statement of the
 * rationale; if there is none, a weak one ("is not recommended") in the last
 * four sentences (a partly authorized request ends with two sentences about
 * the parts), where a conclusion stands.
 */
export function itemConclusion<S extends SentenceLike>(sentences: readonly S[], terms: ConclusionTerms = CONCLUSIONS): ItemConclusion<S> | undefined {
  let weakFallback: ItemConclusion<S> | undefined;
  for (let i = sentences.length - 1; i >= 0; i--) {
    const found = conclusionsInSentence(sentences[i].text, terms);
    const strong = found.filter((f) => f.strength === 'strong');
    if (strong.length) return { sentence: sentences[i], sentenceIndex: i, match: strong[strong.length - 1] };
    const weak = found.filter((f) => f.strength === 'weak');
    if (!weakFallback && weak.length && i >= sentences.length - 4) weakFallback = { sentence: sentences[i], sentenceIndex: i, match: weak[weak.length - 1] };
  }
  return weakFallback;
}
