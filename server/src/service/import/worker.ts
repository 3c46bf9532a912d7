// The `worker` part is not printed in the letter: its facts are read from the
// summary's own sentences ("The injured worker is a 55 year old female, who
// sustained an industrial injury on 1-30-2014. Diagnoses include ...").
// What cannot be read is left out; the checks then ask the author for it.
import { formatUs, parseDate } from '../syntax/dates';
import { readDiagnosis } from './diagnosis';

export interface WorkerFacts {
  age?: string;
  sex?: 'female' | 'male';
  injuryDate?: string;
  diagnoses: string[];
  /**
   * When no diagnosis was read: where in the summary text (a character
   * offset) the sentence the importer looked at starts, the one that
   * introduces the worker, so the note can name it by its line.
   */
  diagnosisLookedAt?: number;
}

const AGE_SEX = /\b(\d{1,3})[-\s]+years?[-\s]+old,?\s+(?:\w+\s+){0,2}?(female|male|woman|man|gentleman|lady)\b/i;
const INJURY_DATE = /\binjury\s+(?:date\s+)?(?:on|of|dated)\s+(\d{1,2}[/-]\d{1,2}[/-](?:\d{4}|\d{2}))/i;

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
  const found = readDiagnosis(summary);
  if (found.diagnosis) facts.diagnoses.push(found.diagnosis);
  else facts.diagnosisLookedAt = found.lookedAt;
  return facts;
}
