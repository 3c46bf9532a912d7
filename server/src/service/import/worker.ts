// The `worker` part is not printed in the letter: its facts are read from the
// summary's own sentences ("The injured worker is a 55 year old female, who
// sustained an industrial injury on 1-30-2014. Diagnoses include ...").
// What cannot be read is left out; the checks then ask the author for it.
import { formatUs, parseDate } from '../syntax/dates';

export interface WorkerFacts {
  age?: string;
  sex?: 'female' | 'male';
  injuryDate?: string;
  diagnoses: string[];
}

const AGE_SEX = /\b(\d{1,3})[-\s]+years?[-\s]+old,?\s+(?:\w+\s+){0,2}?(female|male|woman|man|gentleman|lady)\b/i;
const INJURY_DATE = /\binjury\s+(?:date\s+)?(?:on|of|dated)\s+(\d{1,2}[/-]\d{1,2}[/-](?:\d{4}|\d{2}))/i;
const DIAGNOSES = [
  // "Diagnoses include ...", "The diagnoses are documented as ...", "has diagnosis that include ...",
  // "Diagnoses, and-or impressions, were noted to include: ..."
  /\bdiagnos(?:es|is)\b[^.]{0,40}?\b(?:include[sd]?|including|documented\s+as|noted\s+as|listed\s+as|of)\s*:?\s+(.+?)\.(?:\s|$)/i,
  /\bdiagnos(?:es|is)\s+(?:is|are|was|were)\s*:?\s+(.+?)\.(?:\s|$)/i,
  /\bdiagnosed\s+(?:as\s+having|with)\s+(.+?)\.(?:\s|$)/i,
  /\b(?:being\s+)?treated\s+for\s+(.+?)\.(?:\s|$)/i,
];

export function readWorker(summary: string): WorkerFacts {
  const facts: WorkerFacts = { diagnoses: [] };
  const as = AGE_SEX.exec(summary);
  if (as) {
    const age = Number(as[1]);
    if (age >= 14 && age <= 110) facts.age = String(age);
    facts.sex = /^(female|woman|lady)$/i.test(as[2]) ? 'female' : 'male';
  } else {
    const sex = /\b(female|male)\b/i.exec(summary);
    if (sex) facts.sex = sex[1].toLowerCase() as 'female' | 'male';
  }
  const inj = INJURY_DATE.exec(summary);
  const injDate = inj && parseDate(inj[1]);
  if (injDate) facts.injuryDate = formatUs(injDate);
  for (const re of DIAGNOSES) {
    const m = re.exec(summary);
    if (m && m[1].length <= 400) {
      facts.diagnoses.push(m[1].trim());
      break;
    }
  }
  return facts;
}
