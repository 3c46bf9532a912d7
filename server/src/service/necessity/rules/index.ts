// The necessity analysis's rules, registered in rules/index.ts's RULES.
import type { Rule } from '../../rules/rule';
import { decisionContradictsRationale, unsupportedNecessityClaim } from './conclusionRules';
import { criterionWithoutEvidence, missingCriteria } from './criteriaRules';
import { contradictsRecord, unsupportedRecordClaim } from './recordRules';
import { deadline, evidenceHierarchy } from './hierarchyRules';
import { detailMismatch } from './detailRules';
import { supersededGuideline } from './editionRules';
import { medThreshold, visitLimit } from './limitRules';

export const necessityRules: Rule[] = [
  unsupportedNecessityClaim,
  decisionContradictsRationale,
  missingCriteria,
  criterionWithoutEvidence,
  contradictsRecord,
  unsupportedRecordClaim,
  detailMismatch,
  evidenceHierarchy,
  supersededGuideline,
  visitLimit,
  medThreshold,
  deadline,
];

/** Every code the necessity rules can report (documented in docs/rules.md). */
export const NECESSITY_CODES = [
  'unsupported-necessity-claim',
  'decision-contradicts-rationale',
  'missing-criteria',
  'unknown-criterion',
  'criterion-without-evidence',
  'contradicts-record',
  'unsupported-record-claim',
  'detail-mismatch',
  'evidence-hierarchy',
  'superseded-guideline',
  'visit-limit',
  'med-threshold',
  'deadline',
] as const;
