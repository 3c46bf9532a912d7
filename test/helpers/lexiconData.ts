// Reads the lexicon's data files straight from the source folder, for the
// data test and the corpus coverage report. The service imports the same
// files through its own loader; these helpers only look at the data, so a
// file the loader forgot is still checked here.
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from './fixtures';

export const LEXICON_DIR = path.join(ROOT, 'server', 'src', 'service', 'data', 'lexicon');

export interface ConceptEntry {
  id: string;
  kind: string;
  title: string;
  terms: string[];
  misspellings?: string[];
  polarity?: 'abnormal' | 'normal' | 'neutral';
  broader?: string[];
  opposite?: string;
  sites?: string[];
  exclude?: string[];
  note?: string;
}

export interface SiteEntry {
  id: string;
  title: string;
  terms: string[];
  misspellings?: string[];
  partOf?: string[];
  paired?: boolean;
}

export interface LexiconFiles {
  /** Every JSON file of the folder, parsed, by file name. */
  files: Map<string, any>;
  /** Concept files (kind "lexicon") by file name. */
  conceptFiles: Map<string, { group: string; concepts: ConceptEntry[] }>;
  concepts: ConceptEntry[];
  sites: SiteEntry[];
  sides: { left: string[]; right: string[]; bilateral: string[] };
}

export function readLexicon(dir = LEXICON_DIR): LexiconFiles {
  const files = new Map<string, any>();
  for (const name of fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    files.set(name, JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')));
  }
  const conceptFiles = new Map<string, { group: string; concepts: ConceptEntry[] }>();
  let sites: SiteEntry[] = [];
  let sides = { left: [] as string[], right: [] as string[], bilateral: [] as string[] };
  for (const [name, data] of files) {
    if (data?.kind === 'lexicon') conceptFiles.set(name, data);
    if (data?.kind === 'sites') {
      sites = data.sites;
      sides = data.sides;
    }
  }
  const concepts = [...conceptFiles.values()].flatMap((f) => f.concepts);
  return { files, conceptFiles, concepts, sites, sides };
}

/**
 * The words of a phrase as the matcher compares them: lower case, split at
 * spaces and hyphens ("x-ray" and "x ray" are the same phrase).
 */
export function phraseWords(phrase: string): string[] {
  return phrase
    .toLowerCase()
    .split(/[\s-]+/)
    .filter(Boolean);
}

/**
 * The key two phrases share when the matcher cannot tell them apart: a
 * hyphen or space between words also matches none, so "x-ray", "x ray" and
 * "xray" are one phrase.
 */
export function phraseKey(phrase: string): string {
  return phraseWords(phrase).join('');
}

function wordMatches(pattern: string, word: string): boolean {
  return pattern.endsWith('*') ? word.startsWith(pattern.slice(0, -1)) : pattern === word;
}

/** Whether a phrase (with `*` word endings) matches the words at `at` of `words`. */
export function matchesAt(pattern: string[], words: string[], at: number): boolean {
  if (at + pattern.length > words.length) return false;
  return pattern.every((p, i) => wordMatches(p, words[at + i]));
}

/**
 * Whether a phrase matches a whole other phrase taken literally: "radicul*"
 * matches "radiculopathy", "x-ray*" matches "xrays". A phrase of several
 * words also matches the same words written as one ("x ray" and "xray"),
 * but a one-word wildcard never reaches past its word ("ultrasound*" does
 * not match "ultrasound therapy": the matcher prefers the longer phrase).
 */
export function phraseCovers(pattern: string, literal: string): boolean {
  const p = phraseWords(pattern);
  const w = phraseWords(literal.replace(/\*/g, ''));
  if (p.length === w.length && matchesAt(p, w, 0)) return true;
  if (w.length !== 1 || p.length === 1) return false;
  // Joined forms: only a final `*` can stretch then.
  const pj = p.join('');
  if (pj.indexOf('*') >= 0 && pj.indexOf('*') < pj.length - 1) return false;
  return wordMatches(pj, w[0]);
}

/** Whether a phrase occurs anywhere inside a longer phrase, word by word (a `*` in the longer phrase is read as its stem). */
export function phraseInside(pattern: string, longer: string): boolean {
  const p = phraseWords(pattern);
  const w = phraseWords(longer.replace(/\*/g, ''));
  for (let i = 0; i + p.length <= w.length; i++) if (matchesAt(p, w, i)) return true;
  return false;
}

/** Every concept id reachable through `broader` from `id`, itself excluded. */
export function ancestors(id: string, byId: Map<string, ConceptEntry>): Set<string> {
  const seen = new Set<string>();
  const stack = [...(byId.get(id)?.broader ?? [])];
  while (stack.length) {
    const next = stack.pop()!;
    if (seen.has(next)) continue;
    seen.add(next);
    stack.push(...(byId.get(next)?.broader ?? []));
  }
  return seen;
}
