// decision-contradicts-rationale: the decision word disagrees with the
// rationale's conclusion (Upheld = not medically necessary, Overturned =
// medically necessary), with an earlier conclusion or "the criteria are (not)
// met" statement the rationale never explains away, with the condition the
// quoted guideline sets and the rationale says the record lacks, or with the
// criteria's statuses. The fixes change the decision, or the conclusion's
// wording, to agree (only for the last conclusion and the criteria: an earlier
// statement may be the one that is wrong, which the reviewer decides).
import type { Range, Sentence } from '../../../syntax/ast';
import type { CodeAction } from '../../../types';
import { defineRule, type Finding } from '../../defineRule';
import { at, fix } from '../../fixes';
import { sentenceSpan, viewItem, type ItemView } from '../../../necessity/itemView';
import { decisionTree, describe as describeLogic, evaluate, leaves, type CriterionStatus } from '../../../necessity/decision';
import { sourceText } from '../../../syntax/positions';
import { conclusionsInSentence, type ConclusionMatch } from '../../../necessity/conclusions';
import { CONCLUSIONS, type ConclusionTerms } from '../../../necessity/terms';
import { PhraseSet } from '../../../necessity/phrases';
import { oneLine } from '../../../text/words';
import { mapPacked } from '../../../text/packed';

type Polarity = 'necessary' | 'not-necessary';

export interface ContradictionData {
  /**
   * Which disagreement: with the conclusion, an earlier conclusion, an earlier
   * statement on the criteria, a guideline condition the rationale says is
   * lacking, all criteria met, or a decisive criterion not met.
   */
  kind: 'conclusion' | 'earlier-conclusion' | 'criteria-statement' | 'condition-denied' | 'criteria-met' | 'decisive-not-met';
  decision: 'upheld' | 'overturned';
  /** What the rationale or criteria say: the decision that would agree is its opposite's word. */
  polarity: Polarity;
  /** The decision's value, for the fix that changes it (absent where the reviewer must decide which statement is wrong). */
  decisionRange?: Range;
  phraseRange?: Range;
  phrase?: string;
  cueRange?: Range;
  cue?: string;
}

export default defineRule<ContradictionData>({
  code: 'decision-contradicts-rationale',
  family: 'necessity',
  severity: 'error',
  inputs: { unit: 'item', reads: [] },
  summary: 'The decision (Upheld/Overturned) disagrees with the rationale or the criteria.',
  checkItem({ library }, item) {
    return contradiction(viewItem(item, library));
  },
  fixes(ctx, d) {
    const data = d.data ?? {};
    const out: CodeAction[] = [];
    if (data.decisionRange && (data.polarity === 'necessary' || data.polarity === 'not-necessary')) {
      const decision = data.polarity === 'necessary' ? 'overturned' : 'upheld';
      // Never preferred: which of decision and rationale is wrong is the reviewer's call, and an auto-fix must not reverse a determination.
      out.push(fix(`Change the decision to ${decision}`, d, [{ range: data.decisionRange, newText: decision }], false));
    }
    if (data.kind !== 'conclusion' || !data.phraseRange) return out;
    const phrase: Range = data.phraseRange;
    if (data.polarity === 'necessary') {
      // Upheld: make the conclusion say "not medically necessary".
      if (/^(medically|necessary|recommended|supported|warranted|indicated|appropriate|justified|a medical necessity)/i.test(data.phrase ?? '')) {
        out.push(fix('Change the conclusion to "not …" to agree with the decision', d, [{ range: at(phrase.start), newText: 'not ' }], false));
      }
      return out;
    }
    const cue = data.cueRange;
    if (!cue || cue.start.line !== cue.end.line) return out;
    const cueText = sourceText(ctx.file, cue);
    const positive = withoutNegation(cueText);
    if (positive === undefined) return out;
    const beforePhrase = cue.start.line === phrase.start.line && cue.end.character <= phrase.start.character;
    if (beforePhrase) {
      const between = sourceText(ctx.file, { start: cue.start, end: phrase.start });
      const rest = between.slice(cueText.length).replace(/^[\s-]+/, positive ? ' ' : '');
      out.push(
        fix(
          'Change the conclusion to agree with the decision (medically necessary)',
          d,
          [{ range: { start: cue.start, end: phrase.start }, newText: `${positive}${rest}` }],
          false,
        ),
      );
    } else {
      out.push(fix('Change the conclusion to agree with the decision (medically necessary)', d, [{ range: cue, newText: positive }], false));
    }
    return out;
  },
});

/** Remove the negation from a cue ("not" -> "", "does not" -> "does", "has not been established" -> "has been established"). */
function withoutNegation(cue: string): string | undefined {
  if (/^(lack of|lacks|absence of|unable|neither|nor|no)$/i.test(cue.trim())) return undefined;
  const stripped = cue
    .replace(/\bcannot\b/i, 'can')
    .replace(/\bcan not\b/i, 'can')
    .replace(/n't\b/i, '')
    .replace(/\bnot\b[\s-]*/i, '')
    .replace(/\bnon[\s-]*/i, '')
    .replace(/\s+/g, ' ')
    .trim();
  return stripped === cue.trim() ? undefined : stripped;
}

function contradiction(v: ItemView): Finding<ContradictionData>[] {
  const out: Finding<ContradictionData>[] = [];
  const decision = v.item.decision;
  const decisionField = v.item.decisionField;
  if (!decision || !decisionField) return out;
  const rationale = v.section.rationale;
  const c = v.conclusion;
  if (rationale && c) {
    const expected = decision === 'upheld' ? 'not-necessary' : 'necessary';
    if (c.match.polarity !== expected) {
      const phraseRange = sentenceSpan(rationale.prose, c.sentence, c.match.start, c.match.end);
      const cueRange = c.match.cue ? sentenceSpan(rationale.prose, c.sentence, c.match.cue.start, c.match.cue.end) : undefined;
      out.push({
        message:
          decision === 'upheld'
            ? 'The decision is Upheld (the service is not medically necessary), but the rationale concludes that it is medically necessary. Make the decision and the conclusion agree.'
            : 'The decision is Overturned (the service is medically necessary and must be authorized), but the rationale concludes that it is not medically necessary. Make the decision and the conclusion agree.',
        range: cueRange
          ? {
              start:
                cueRange.start.line < phraseRange.start.line ||
                (cueRange.start.line === phraseRange.start.line && cueRange.start.character < phraseRange.start.character)
                  ? cueRange.start
                  : phraseRange.start,
              end: phraseRange.end,
            }
          : phraseRange,
        relatedInformation: [{ range: decisionField.valueRange, message: `Decision: ${decision}` }],
        data: {
          kind: 'conclusion',
          decision,
          polarity: c.match.polarity,
          decisionRange: decisionField.valueRange,
          phraseRange,
          phrase: c.match.phrase,
          cueRange,
          cue: c.match.cue?.text,
        },
      });
    }
  }
  if (rationale && out.length === 0) out.push(...earlierStatements(v, decision, decisionField.valueRange));
  if (rationale && out.length === 0 && decision === 'overturned') out.push(...conditionDenied(v, decisionField.valueRange));
  const section = v.librarySection;
  const entries = v.criteria?.entries ?? [];
  if (!section || entries.length === 0) return out;
  const status = new Map(entries.map((e) => [e.id.value.toUpperCase(), e] as const));
  if (decision === 'upheld') {
    const relevant = section.criteria.filter((c) => status.has(c.id.toUpperCase()));
    const all = section.criteria.every((c) => ['met', 'not applicable'].includes(status.get(c.id.toUpperCase())?.status ?? ''));
    if (all && relevant.some((c) => status.get(c.id.toUpperCase())?.status === 'met')) {
      out.push({
        message: `Every criterion of ${section.id} is marked met or not applicable, yet the decision is Upheld (not medically necessary). Mark the criterion that is not met, or overturn the decision.`,
        range: decisionField.valueRange,
        relatedInformation: [{ range: v.criteria!.keywordRange, message: 'The criteria applied' }],
        data: { kind: 'criteria-met', decision, decisionRange: decisionField.valueRange, polarity: 'necessary' },
      });
    }
  } else {
    // The criteria's decision logic says the request fails (every way to
    // necessity has a criterion marked not met, none left unknown): that
    // cannot give Overturned.
    const tree = decisionTree(section);
    if (tree) {
      const result = evaluate(tree, (id) => status.get(id.toUpperCase())?.status as CriterionStatus);
      if (result.value === false) {
        const needs = describeLogic(tree);
        for (const id of result.deciding) {
          const e = status.get(id.toUpperCase());
          if (!e) continue;
          const alternatives = leaves(tree).length > 1;
          out.push({
            message: `${e.id.value} decides the request and is marked not met${alternatives ? `; ${section.id} needs ${needs}, and no branch of it is met` : ''}. Yet the decision is Overturned (medically necessary). Correct the criterion's status or uphold the decision.`,
            range: e.statusText?.range ?? e.id.range,
            relatedInformation: [{ range: decisionField.valueRange, message: 'Decision: overturned' }],
            data: { kind: 'decisive-not-met', decision, decisionRange: decisionField.valueRange, polarity: 'not-necessary' },
          });
        }
      }
    }
  }
  return out;
}

/** The terms that read a statement on the criteria: the criteria phrases as the "strong" ones, with the conclusions' negation cues. */
const CRITERIA_TERMS: ConclusionTerms = { ...CONCLUSIONS, strong: CONCLUSIONS.criteriaStatements, weak: new PhraseSet([]) };

/** Words of a sentence about what a guideline says of patients in general, which is no statement about this request. */
const GENERIC = new PhraseSet(['patients', 'guideline*', 'mtus', 'odg', 'acoem', 'recommend*', 'indicated for']);

/** A sentence that opens by conceding or explaining the one before ("However, ..."). */
const TURN = /^\s*(however|but|nevertheless|nonetheless|yet|although|that said|despite)\b/i;

/** "is medically necessary", "medical necessity has been established": a conclusion stated, not "the medical necessity for the test" spoken of. */
function predicated(text: string, c: ConclusionMatch): boolean {
  const before = text.slice(Math.max(0, c.start - 40), c.start);
  if (/\b(is|are|was|were|be|been|being|appears?|seems?|deemed|considered|found|remains?|not)\s+(\w+[\s-]+){0,2}$/i.test(before)) return true;
  return /^\s*(has|have)\s+(not\s+)?been\s+(established|demonstrated|substantiated|met)/i.test(text.slice(c.end, c.end + 40));
}

/**
 * A reading to rely on: a negative one has its cue beside the phrase (which
 * the conclusion reader already demands); a positive one has no negation
 * anywhere before it in the sentence ("There is a lack of rationale provided
 * ... to support the request" is no statement that the request is supported).
 */
function unambiguous(text: string, c: ConclusionMatch): boolean {
  if (c.polarity === 'not-necessary') return true;
  return CONCLUSIONS.before.matches(text, 0, c.start).length === 0 && !/\b(lack|lacking|absence|insufficient|without|unclear)\b/i.test(text.slice(0, c.start));
}

/**
 * Every conclusion and every "the criteria are (not) met" statement before the
 * last conclusion: one that the decision contradicts, stated outright (not a
 * condition, not a concession, about this request), is a contradiction the
 * rationale leaves unexplained. The first one is reported; the last
 * conclusion is related information.
 */
function earlierStatements(v: ItemView, decision: 'upheld' | 'overturned', decisionRange: Range): Finding<ContradictionData>[] {
  const rationale = v.section.rationale;
  if (!rationale) return [];
  const expected = decision === 'upheld' ? 'not-necessary' : 'necessary';
  const sentences = rationale.prose.sentences;
  const last = v.conclusion;
  for (const [i, s] of sentences.entries()) {
    if (last && s === last.sentence) break;
    // The statement first, then what excuses it: most sentences state none,
    // and reading one costs two phrase scans where the excuses cost four.
    const found = statementAgainst(s.text, expected);
    if (!found) continue;
    if (CONCLUSIONS.hypothetical.test(s.text) || CONCLUSIONS.concessions.test(s.text) || CONCLUSIONS.otherRequest.test(s.text)) continue;
    // The next sentence may concede or explain ("However, ...").
    const next = sentences[i + 1];
    if (next && TURN.test(next.text)) continue;
    if (GENERIC.test(s.text)) continue;
    const { c, kind } = found;
    const start = Math.min(c.cue?.start ?? c.start, c.start);
    const said =
      kind === 'earlier-conclusion'
        ? c.polarity === 'necessary'
          ? 'the request is medically necessary'
          : 'the request is not medically necessary'
        : c.polarity === 'necessary'
          ? 'the criteria are met'
          : 'the criteria are not met';
    return [
      {
        message: `The rationale says ${said} ("${oneLine(s.text.trim(), 100)}"), yet the decision is ${decision === 'upheld' ? 'Upheld (not medically necessary)' : 'Overturned (medically necessary)'} and the rationale never says why. Correct the statement, or say what outweighs it.`,
        range: sentenceSpan(rationale.prose, s, start, c.end),
        relatedInformation: [
          { range: decisionRange, message: `Decision: ${decision}` },
          ...(last ? [{ range: sentenceSpan(rationale.prose, last.sentence, 0, last.sentence.text.length), message: 'The conclusion' }] : []),
        ],
        data: { kind, decision, polarity: c.polarity },
      },
    ];
  }
  return [];
}

/**
 * The sentence's first conclusion (strong, predicated) or statement on the
 * criteria that says the opposite of `expected`, read unambiguously. Only a
 * strong phrase makes a conclusion here, so a sentence without one is not
 * read for its weak ones (which only qualify a strong one).
 */
function statementAgainst(text: string, expected: Polarity): { c: ConclusionMatch; kind: 'earlier-conclusion' | 'criteria-statement' } | undefined {
  return [
    ...mapPacked(
      (CONCLUSIONS.strong.test(text) ? conclusionsInSentence(text) : []).filter((c) => c.strength === 'strong' && predicated(text, c)),
      (c) => ({ c, kind: 'earlier-conclusion' as const }),
    ),
    ...mapPacked(conclusionsInSentence(text, CRITERIA_TERMS), (c) => ({ c, kind: 'criteria-statement' as const })),
  ].find(({ c }) => c.polarity !== expected && unambiguous(text, c));
}

/** "The records do not indicate that ...", "there is no documentation of ...": the rationale says the record lacks something. */
const DENIAL =
  /\b(?:(?:do|does|did) not (?:indicate|document|show|demonstrate|reflect|establish|support|mention)|(?:is|are|was|were) not (?:documented|indicated|shown|demonstrated)|there (?:is|was|are|were) no (?:documentation|evidence|indication|mention)(?: of| that)?|no documentation (?:of|that)|lack of documentation (?:of|that)|fail(?:s|ed)? to (?:document|show|demonstrate|indicate))\b/i;
const STOP = new Set([
  'the',
  'a',
  'an',
  'of',
  'to',
  'and',
  'or',
  'is',
  'are',
  'was',
  'be',
  'that',
  'for',
  'with',
  'in',
  'on',
  'as',
  'this',
  'it',
  'has',
  'have',
  'been',
  'by',
  'at',
]);

/** The content words of a text, lower-cased, in order. */
function contentWords(text: string): string[] {
  const out: string[] = [];
  for (const w of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) if (!STOP.has(w)) out.push(w);
  return out;
}

/** Whether `a` and `b` share a run of `n` consecutive content words. */
function sharesRun(a: string[], b: string[], n: number): boolean {
  for (let i = 0; i + n <= a.length; i++) {
    for (let j = 0; j + n <= b.length; j++) {
      let k = 0;
      while (k < n && a[i + k] === b[j + k]) k++;
      if (k === n) return true;
    }
  }
  return false;
}

/**
 * An overturn whose rationale says the record lacks the very condition the
 * guideline it quotes sets ("acupuncture is used as an option when pain
 * medication is reduced or not tolerated" ... "the records do not indicate
 * that pain medication is reduced or not tolerated"), and never says what
 * outweighs it: the criterion it states is not met, yet the request is
 * authorized.
 */
function conditionDenied(v: ItemView, decisionRange: Range): Finding<ContradictionData>[] {
  const rationale = v.section.rationale;
  if (!rationale) return [];
  const sentences = rationale.prose.sentences;
  const last = v.conclusion;
  const stop = last ? sentences.indexOf(last.sentence) : sentences.length;
  // Each earlier sentence's answers, found once: every denial sentence is compared with all before it.
  // Whether it can set a condition (a guideline's words or a quotation; the quotation mark is the cheaper test) ...
  const setsCondition: (boolean | undefined)[] = [];
  const conditional = (j: number) => (setsCondition[j] ??= /["“]/.test(sentences[j].text) || GENERIC.test(sentences[j].text));
  // ... and its content words.
  const words: (string[] | undefined)[] = [];
  const wordsOf = (j: number) => (words[j] ??= contentWords(sentences[j].text));
  for (let i = 1; i < stop; i++) {
    const s = sentences[i];
    const m = DENIAL.exec(s.text);
    if (!m) continue;
    const next = sentences[i + 1];
    if (next && TURN.test(next.text)) continue;
    const lacking = contentWords(s.text.slice(m.index + m[0].length));
    if (lacking.length < 4) continue;
    let condition: Sentence | undefined;
    for (let j = 0; j < i && !condition; j++) if (conditional(j) && sharesRun(lacking, wordsOf(j), 4)) condition = sentences[j];
    // A concession or a hypothetical denies nothing; asked last, of the few denials that repeat a condition (two scans each).
    if (!condition || CONCLUSIONS.concessions.test(s.text) || CONCLUSIONS.hypothetical.test(s.text)) continue;
    return [
      {
        message: `The rationale says the record lacks what the guideline it quotes requires ("${oneLine(s.text.trim(), 100)}"), yet the decision is Overturned (medically necessary) and the rationale never says what outweighs it. Say which documented facts meet the guideline, or uphold the decision.`,
        range: sentenceSpan(rationale.prose, s, 0, s.text.length),
        relatedInformation: [
          { range: sentenceSpan(rationale.prose, condition, 0, condition.text.length), message: 'The guideline condition' },
          { range: decisionRange, message: 'Decision: overturned' },
        ],
        data: { kind: 'condition-denied', decision: 'overturned', polarity: 'not-necessary' },
      },
    ];
  }
  return [];
}
