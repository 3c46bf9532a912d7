// unsupported-necessity-claim: the rationale concludes on medical necessity
// but the item cites no guideline or evaluates no criteria. A published letter
// (an imported case) has no criteria block to mark: there the conclusion is
// unsupported only when no sentence of the rationale weighs the record. The
// fixes cite the section the service matches and add its criteria (status
// unknown); the prose finding has none, since what the record meets or fails
// is the reviewer's to say.
import type { ItemSection, Position } from '../../../syntax/ast';
import type { CodeAction } from '../../../types';
import { defineRule, type Finding, type RuleContext } from '../../defineRule';
import { at, fix } from '../../fixes';
import { isImportedCase } from '../../auditView';
import { sentenceSpan, viewItem, type ItemView } from '../../../necessity/itemView';
import { conclusionsInSentence } from '../../../necessity/conclusions';
import { PhraseSet } from '../../../necessity/phrases';
import type { Reader } from '../../../reading/reader';
import type { ConceptKind, Mention } from '../../../reading/types';
import { aboutPatient, guidelineStatement, regionsIn, SCOPE, SCOPE_DATA } from '../../../necessity/guidelineScope';
import { oneLine } from '../../../text/words';
import { eolOf, fieldIndent, indentUnit, lineText } from '../../../syntax/layout';
import { quotedGuidelineSentences } from '../../support/guidelineQuotes';

const STATUS_EVALUATED = new Set(['met', 'not met', 'not applicable']);

export interface UnsupportedClaimData {
  /** The item's index in the case model. */
  item: number;
  noGuideline: boolean;
  noCriteria: boolean;
  /** The guideline section the item cites or its service matches, and its citation. */
  section?: string;
  citation?: string;
  /** An imported letter's prose rationale that weighs no criterion (the audit view keeps this finding: data/auditView.json). */
  proseWeighsNoCriterion?: boolean;
}

function describe(polarity: 'necessary' | 'not-necessary'): string {
  return polarity === 'necessary' ? 'is medically necessary' : 'is not medically necessary';
}

export default defineRule<UnsupportedClaimData>({
  code: 'unsupported-necessity-claim',
  family: 'necessity',
  severity: 'warning',
  inputs: { unit: 'item', reads: ['header'] },
  summary: 'A conclusion on medical necessity with no guideline citation or no evaluated criteria.',
  *checkItem({ file, library, reader }, item) {
    const imported = isImportedCase(file);
    const v = viewItem(item, library);
    const rationale = v.section.rationale;
    if (!rationale || v.dependsOn) return;
    // A published letter reasons in prose and has no criteria block to mark:
    // its conclusion is unsupported only when no sentence weighs the record.
    // An item that cites no guideline at all is reported as in any case.
    if (imported && !v.criteria && v.guideline !== 'none') {
      const found = proseWithoutCriterion(v) ?? verdictWithoutCriterion(v, reader);
      if (found) yield found;
      return;
    }
    // The conclusion, or else the first necessity-like statement ("does not meet the criteria").
    let target = v.conclusion;
    if (!target) {
      for (const [i, s] of rationale.prose.sentences.entries()) {
        const found = conclusionsInSentence(s.text)[0];
        if (found) {
          target = { sentence: s, sentenceIndex: i, match: found };
          break;
        }
      }
    }
    if (!target) return;
    const evaluated = (v.criteria?.entries ?? []).some((e) => e.status && STATUS_EVALUATED.has(e.status));
    const noGuideline = v.guideline === 'none';
    if (!noGuideline && evaluated) return;
    const section = v.librarySection ?? v.serviceMatches[0];
    // Both reasons are named when both hold: each has its own quick-fix, and
    // after one of them the diagnostic must read differently (the other reason).
    const reasons: string[] = [];
    if (noGuideline) reasons.push('the item cites no guideline (add `guideline:` with the MTUS chapter and section it applies)');
    if (!evaluated) {
      reasons.push(
        v.criteria
          ? 'no criterion of the cited section is marked met, not met or not applicable'
          : `the item evaluates no criteria (add \`criteria: ${section?.id ?? '<section>'}\` and mark each criterion met, not met, unknown or not applicable)`,
      );
    }
    const why = reasons.join(', and ');
    yield {
      message: `The rationale concludes that the request ${describe(target.match.polarity)}, but ${why}. A conclusion on medical necessity must rest on the guideline's criteria applied to the record.`,
      range: sentenceSpan(rationale.prose, target.sentence, target.match.start, target.match.end),
      data: { item: item.index, noGuideline, noCriteria: !evaluated, section: section?.id, citation: section?.source.citation },
    };
  },
  fixes(ctx, d) {
    const data = d.data ?? {};
    const out: CodeAction[] = [];
    const item = typeof data.item === 'number' ? ctx.model.items[data.item] : undefined;
    if (!item || data.proseWeighsNoCriterion) return out;
    const nl = eolOf(ctx.file);
    // The whitespace the file itself uses (tabs stay tabs): fields take the
    // item's field indentation, a criteria block the rationale keyword's.
    const indent = fieldIndent(ctx.file, item.section);
    const section = ctx.library.section(data.section);
    if (data.noGuideline && section) {
      const g = item.guideline;
      out.push(
        fix(
          `Cite ${section.source.citation}`,
          d,
          g
            ? [{ range: g.valueRange, newText: section.source.citation }]
            : [{ range: at(afterFields(ctx, item.section)), newText: `${nl}${indent}guideline: ${section.source.citation}` }],
          // Not preferred: the section is guessed from the service's name, and which guideline applies is the reviewer's call.
          false,
        ),
      );
    }
    if (data.noCriteria && section && !item.section.criteria && item.section.rationale) {
      const block = lineText(ctx.file, item.section.rationale.keywordRange.start.line).slice(0, item.section.rationale.keywordRange.start.character);
      const lines = [`${block}criteria: ${section.id}`, ...section.criteria.map((c) => `${block}${indentUnit(ctx.file)}${c.id}: unknown`)];
      out.push(
        fix(
          `Add the criteria of ${section.id} (status unknown)`,
          d,
          [{ range: at({ line: item.section.rationale.keywordRange.start.line, character: 0 }), newText: lines.join(nl) + nl }],
          !data.noGuideline,
        ),
      );
    }
    return out;
  },
});

/**
 * The end of an item's last field line (or of its keyword line): a new field
 * goes there, among the fields. Above the criteria or rationale keyword would
 * be wrong when a broken item has two of them: the field would land inside
 * the first block.
 */
function afterFields(ctx: RuleContext, section: ItemSection): Position {
  let line = section.keywordRange.start.line;
  for (const f of section.fields) line = Math.max(line, f.range.end.line);
  return { line, character: lineText(ctx.file, line).length };
}

/**
 * An imported rationale that applies no criterion to the case: apart from its
 * conclusion, every sentence states what a guideline says and none speaks of
 * this worker or the records (no finding, treatment, document or request).
 */
function proseWithoutCriterion(v: ItemView): Finding<UnsupportedClaimData> | undefined {
  const rationale = v.section.rationale;
  const c = v.conclusion;
  if (!rationale || !c) return undefined;
  const others = rationale.prose.sentences.filter((s) => s !== c.sentence && !conclusionsInSentence(s.text).some((m) => m.strength === 'strong'));
  if (others.some((s) => aboutPatient(s.text))) return undefined;
  // The conclusion's own sentence may weigh the record before concluding ("The documentation indicates prior PT ... therefore ..."); "the request for ..." there only names what is concluded on.
  const lead = c.sentence.text.slice(0, c.match.start).replace(/\b(the|this)\s+(original\s+)?request(ed)?(\s+for\b[^,;]*)?/gi, ' ');
  if (aboutPatient(lead)) return undefined;
  // "Manipulation is not recommended for the knee" for a knee request: the guideline excludes the service at the requested site, which decides on its own.
  const sites = regionsIn(v.item.service);
  if (others.some((s) => /\bnot (recommended|supported|indicated)\b/i.test(s.text) && [...regionsIn(s.text)].some((r) => sites.has(r)))) return undefined;
  // "As the requested surgery is not medically necessary, the associated service is not": the conclusion carries its own reason.
  if (SCOPE.causeCues.test(c.sentence.text.slice(0, c.match.start))) return undefined;
  const guideline = others.find((s) => guidelineStatement(s.text));
  return {
    message: `The rationale concludes that the request ${describe(c.match.polarity)}, but no sentence weighs this worker's record against a criterion${guideline ? ` (it states what the guideline says, "${oneLine(guideline.text, 80)}", and stops there)` : ''}. Say which criterion the record meets or fails, and where the summary shows it.`,
    range: sentenceSpan(rationale.prose, c.sentence, 0, c.sentence.text.length),
    data: { item: v.item.index, noGuideline: false, noCriteria: true, proseWeighsNoCriterion: true },
  };
}

/** A verdict on the guidelines or criteria as a whole ("the guidelines have not been met", "circumstances that would meet guidelines"). */
const VERDICT = new PhraseSet(SCOPE_DATA.verdict);
const ANAPHORA = new PhraseSet(SCOPE_DATA.verdictAnaphora);

/** What a criterion weighs of a worker: a sign, a complaint, a response to treatment, function, a pain score, a red flag, a comorbidity, work status. */
const WEIGHED_KINDS: ReadonlySet<ConceptKind> = new Set<ConceptKind>([
  'finding',
  'symptom',
  'response',
  'function',
  'pain-score',
  'red-flag',
  'comorbidity',
  'work-status',
]);

const ofWorker = (m: Mention): boolean => m.assertion !== 'generic' && m.assertion !== 'hypothetical' && m.assertion !== 'other-person';

/**
 * An imported rationale whose verdict on the guidelines names no criterion
 * ("the CA MTUS guidelines have not been met", "the physician details
 * circumstances that would meet guidelines") while no sentence about the
 * worker weighs one: for a denial, nothing the record lacks or shows of the
 * worker's signs, complaints, response, function or risks; for an approval,
 * nothing the record shows. The verdict stands on no criterion applied.
 */
function verdictWithoutCriterion(v: ItemView, reader: Reader): Finding<UnsupportedClaimData> | undefined {
  const prose = v.section.rationale?.prose;
  if (!prose || !v.item.decision) return undefined;
  // A guideline passage quoted at length speaks of patients and studies in general, never of this worker.
  const quoted = quotedGuidelineSentences(prose);
  for (const s of prose.sentences) {
    const verdict = VERDICT.matches(s.text)[0];
    if (!verdict) continue;
    // "These criteria are not met": the verdict points back at the criteria the rationale just listed.
    if (ANAPHORA.matches(s.text, Math.max(0, verdict.start - 16), verdict.end).length) continue;
    const own = reader.read(s.text);
    // A verdict that names what is met or not ("does not meet criteria ... including red flag symptoms") applies a criterion itself.
    if (own.mentions.some((m) => WEIGHED_KINDS.has(m.concept.kind))) continue;
    const upheld = v.item.decision === 'upheld';
    const weighs = prose.sentences.some((x) => {
      if (x === s || quoted.has(x) || !aboutPatient(x.text)) return false;
      const r = reader.read(x.text);
      if (r.generic) return false;
      return (
        r.mentions.some((m) => ofWorker(m) && WEIGHED_KINDS.has(m.concept.kind) && (upheld || m.assertion !== 'negated')) ||
        (upheld && r.mentions.some((m) => m.assertion === 'negated'))
      );
    });
    if (weighs) return undefined;
    return {
      message: `The rationale says ${upheld ? 'the guidelines are not met' : 'the guidelines are met'} ("${oneLine(s.text, 90)}") but names no criterion, and no sentence weighs this worker's record against one. Say which criterion the record ${upheld ? 'fails' : 'meets'}, and where the summary shows it.`,
      range: sentenceSpan(prose, s, 0, s.text.length),
      data: { item: v.item.index, noGuideline: false, noCriteria: true, proseWeighsNoCriterion: true },
    };
  }
  return undefined;
}
