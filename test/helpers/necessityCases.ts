// A clean case for the necessity tests: every criterion of low-back-mri
// addressed with evidence, conclusion and decision in agreement, MTUS cited,
// decided in time. Tests change one thing and expect one rule to speak.
import { LanguageService } from '../../server/src/service/languageService';
import type { ImrDiagnostic, ServiceSettings } from '../../server/src/service/types';
import { codesOf } from '../../server/src/service/rules/registry';
import { DEFAULT_SETTINGS } from '../../server/src/service/types';

const NECESSITY_CODES = codesOf('necessity');

export const CLEAN_CASE = `case CM16-0000001
  organization: MAXIMUS Federal Services
  priority: standard
  received: 10/14/2016
  ur-date: 10/02/2016
  decision-date: 11/06/2016

reviewer
  licensure: California
  specialty: Occupational Medicine

worker
  age: 48
  sex: male
  injury-date: 1/30/2015
  diagnosis: lumbar radiculopathy

summary
  The injured worker is a 48 year old male who sustained an industrial injury
  on 1/30/2015. Treatment to date has included 12 sessions of physical therapy
  and NSAIDs without lasting relief [#pt-failed]. On examination there was
  decreased sensation in the left L5 dermatome and 4/5 strength of the left
  extensor hallucis longus [#neuro-deficit]. The physician documented that the
  worker would consider surgery [#surgery]. The Utilization Review dated
  10/2/2016 denied the request.

item MRI of the lumbar spine
  decision: overturned
  claims-administrator: Decision based on MTUS Low Back Complaints 2004.
  guideline: MTUS Low Back Complaints 2004, Section(s): Special Studies
  criteria: low-back-mri
    LMRI-01: met [#neuro-deficit]
    LMRI-02: met [#pt-failed]
    LMRI-03: met [#surgery]
    LMRI-04: not applicable
    LMRI-05: met [#neuro-deficit]
    LMRI-06: not applicable
  rationale
    The worker has objective findings of specific nerve compromise
    [#neuro-deficit] and did not improve with physical therapy [#pt-failed].
    He would consider surgery. MRI of the lumbar spine is medically necessary.
`;

/** Replace one exact piece of the clean case (fails loudly if it is not there). */
export function variant(...edits: [string, string][]): string {
  let text = CLEAN_CASE;
  for (const [from, to] of edits) {
    if (!text.includes(from)) throw new Error(`fixture does not contain ${JSON.stringify(from)}`);
    text = text.replace(from, to);
  }
  return text;
}

let n = 0;
export function necessityDiagnostics(text: string, settings: ServiceSettings = DEFAULT_SETTINGS, service = new LanguageService()): ImrDiagnostic[] {
  return service
    .getDiagnostics({ uri: `file:///necessity/${++n}.imr`, version: 1, text }, settings)
    .filter((d) => (NECESSITY_CODES as readonly string[]).includes(d.code));
}

export function textAt(text: string, range: ImrDiagnostic['range']): string {
  const lines = text.split('\n');
  if (range.start.line === range.end.line) return lines[range.start.line].slice(range.start.character, range.end.character);
  const parts = [lines[range.start.line].slice(range.start.character)];
  for (let l = range.start.line + 1; l < range.end.line; l++) parts.push(lines[l].trim());
  parts.push(lines[range.end.line].slice(0, range.end.character).trim());
  return parts.join(' ');
}
