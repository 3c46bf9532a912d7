// Every file of data/lexicon/, bundled (the service reads nothing from disk).
// A new file must be listed here: test/unit/reading-lexicon.test.ts fails
// when a file of the folder is missing, so none is silently ignored.
import comorbidities from '../data/lexicon/comorbidities.json';
import devices from '../data/lexicon/devices.json';
import diagnoses from '../data/lexicon/diagnoses.json';
import drugClasses from '../data/lexicon/drug-classes.json';
import examFindings from '../data/lexicon/exam-findings.json';
import functionStatus from '../data/lexicon/function.json';
import medications from '../data/lexicon/medications.json';
import painAndResponse from '../data/lexicon/pain-and-response.json';
import procedures from '../data/lexicon/procedures.json';
import records from '../data/lexicon/records.json';
import redFlags from '../data/lexicon/red-flags.json';
import studies from '../data/lexicon/studies.json';
import symptoms from '../data/lexicon/symptoms.json';
import therapies from '../data/lexicon/therapies.json';
import workStatus from '../data/lexicon/work-status.json';
import context from '../data/lexicon/context.json';
import sites from '../data/lexicon/sites.json';
import { compileLexicon, type Lexicon } from './lexicon';
import { bundledTable } from './lexiconTable';

export const LEXICON_FILES: Readonly<Record<string, unknown>> = {
  'context.json': context,
  'comorbidities.json': comorbidities,
  'devices.json': devices,
  'diagnoses.json': diagnoses,
  'drug-classes.json': drugClasses,
  'exam-findings.json': examFindings,
  'function.json': functionStatus,
  'medications.json': medications,
  'pain-and-response.json': painAndResponse,
  'procedures.json': procedures,
  'records.json': records,
  'red-flags.json': redFlags,
  'studies.json': studies,
  'symptoms.json': symptoms,
  'therapies.json': therapies,
  'work-status.json': workStatus,
  'sites.json': sites,
};

/**
 * The bundled lexicon, compiled afresh (tests that change the data compile their own); in a bundle, its matcher is
 * made from the trie the build compiled of these files (lexiconTable.ts).
 */
export function bundledLexicon(): Lexicon {
  return compileLexicon(LEXICON_FILES, { bundled: true, table: bundledTable() });
}

let shared: Lexicon | undefined;

/**
 * The bundled lexicon compiled once per process, on first use. Compiling
 * takes long enough (hundreds of milliseconds on a loaded machine) that each
 * service, worker job or test compiling its own was felt on activation. The
 * compiled lexicon is never changed after compiling, so sharing it is safe;
 * what a service owns is its reader (and the reader's memo of case text).
 */
export function sharedLexicon(): Lexicon {
  shared ??= bundledLexicon();
  return shared;
}
