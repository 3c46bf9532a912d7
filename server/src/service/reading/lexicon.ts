// The lexicon compiled for reading: every file of data/lexicon/ validated
// against the lexicon schema, its references resolved (`broader`,
// `opposite`, `sites`, `partOf`), and all its phrases (concept terms,
// misspellings and exclusions, sites and sides, ConText cues, qualifiers,
// attribute words) put into ONE phrase matcher, so a sentence is read in a
// single pass whatever the lexicon's size.
import lexiconSchema from '../data/schema/lexicon.schema.json';
import { validateAgainstSchema } from '../necessity/jsonSchema';
import { PhraseError, PhraseMatcher, type MatcherTable } from './matcher';
import type { Assertion, Concept, ConceptKind, Polarity, Side } from './types';

export interface CueDef {
  category: Exclude<Assertion, 'affirmed'>;
  direction: 'forward' | 'backward' | 'both';
  window: number;
  /** Concept kinds the cue governs; undefined: all. */
  kinds?: ReadonlySet<ConceptKind>;
}

export interface Site {
  id: string;
  title: string;
  /** Larger sites, transitively (l5-s1 -> lumbar -> spine). */
  partOf: readonly string[];
  paired: boolean;
}

/** What a phrase of the lexicon stands for: the payload of a matcher hit. */
export type Entry =
  | { type: 'concept'; concept: Concept }
  | { type: 'exclude'; concept: Concept }
  | { type: 'site'; site: Site }
  | { type: 'side'; side: Side }
  | { type: 'cue'; cue: CueDef }
  | { type: 'pseudo' }
  | { type: 'terminator' }
  | { type: 'anchor' }
  | { type: 'qualifier'; value: 'abnormal' | 'normal' | 'judgment' }
  | { type: 'direction'; direction: 'improved' | 'worse' | 'unchanged' }
  | { type: 'sex'; sex: 'male' | 'female' }
  | { type: 'unit'; unit: string }
  | { type: 'frequency'; perDay?: number; asNeeded: boolean };

export interface Lexicon {
  readonly concepts: ReadonlyMap<string, Concept>;
  /** Each concept's id and the ids of all its broader concepts, transitively. */
  readonly lineage: ReadonlyMap<string, readonly string[]>;
  readonly sites: ReadonlyMap<string, Site>;
  readonly matcher: PhraseMatcher<Entry>;
  /** The context file's default cue window (words). */
  readonly window: number;
  /** The file names compiled, sorted. */
  readonly files: readonly string[];
}

export class LexiconError extends Error {
  constructor(readonly problems: string[]) {
    super(`The clinical lexicon has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.map((p) => `- ${p}`).join('\n')}`);
  }
}

// Lexicon files as parsed JSON: the schema has vouched for their shape before they are read.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

export interface CompileOptions {
  /**
   * The files are the bundled data/lexicon/ files, which test/unit/lexicon-data.test.ts validates against the schema
   * (and reading-lexicon.test.ts holds to be the files bundled): validating them again at every process start cost
   * about 50 ms of each CLI run and worker. Data from anywhere else is always validated.
   */
  bundled?: boolean;
  /**
   * The matcher's trie as lexiconTable() made it of these same files (the build does, for the bundled lexicon): the
   * phrases are then listed, not added one by one, and the matcher is made from the table. Adding the lexicon's
   * 14,828 phrases (34,570 word sequences) was over 100 ms of every process's first case, most of it in code not
   * yet compiled by V8; the table is the same trie.
   */
  table?: MatcherTable;
}

/**
 * Compiles lexicon files (file name -> parsed JSON). Throws a LexiconError
 * listing every problem found (schema errors by file and JSON path, unknown
 * or circular references, phrases the matcher cannot read), so an editor
 * fixes them all in one go.
 */
export function compileLexicon(files: Readonly<Record<string, unknown>>, options: CompileOptions = {}): Lexicon {
  return compile(files, options).lexicon;
}

/**
 * The trie of the lexicon that `files` compile to, as data (see CompileOptions.table). Each phrase end names the
 * first add() call of its phrase and entry: a repeat adds nothing the first did not.
 */
export function lexiconTable(files: Readonly<Record<string, unknown>>): MatcherTable {
  const { lexicon, phrases, payloads } = compile(files, { bundled: true });
  const calls = new Map<Entry, Map<string, number>>();
  phrases.forEach((phrase, k) => {
    let byPhrase = calls.get(payloads[k]);
    if (!byPhrase) calls.set(payloads[k], (byPhrase = new Map()));
    if (!byPhrase.has(phrase)) byPhrase.set(phrase, k);
  });
  return lexicon.matcher.toTable((phrase, payload) => calls.get(payload)?.get(phrase) as number);
}

function compile(files: Readonly<Record<string, unknown>>, options: CompileOptions): { lexicon: Lexicon; phrases: string[]; payloads: Entry[] } {
  const problems: string[] = [];
  const names = Object.keys(files).sort();
  const conceptFiles: Array<[string, Json]> = [];
  const sitesFiles: Array<[string, Json]> = [];
  const contextFiles: Array<[string, Json]> = [];
  for (const name of names) {
    const data = files[name];
    const errors = options.bundled ? [] : validateAgainstSchema(data, lexiconSchema as Json);
    if (errors.length) {
      for (const e of errors) problems.push(`${name}: ${e.message}`);
      continue;
    }
    const kind = (data as Json).kind;
    (kind === 'lexicon' ? conceptFiles : kind === 'sites' ? sitesFiles : contextFiles).push([name, data as Json]);
  }
  if (contextFiles.length !== 1)
    problems.push(
      `there must be exactly one context file (kind "context"); found ${contextFiles.length}${contextFiles.length ? `: ${contextFiles.map(([n]) => n).join(', ')}` : ''}.`,
    );
  if (sitesFiles.length > 1) problems.push(`there must be at most one sites file (kind "sites"); found ${sitesFiles.map(([n]) => n).join(', ')}.`);

  const built = new PhraseMatcher<Entry>();
  // Every phrase added, with its entry, in order: what a table's ends refer to.
  const added: string[] = [];
  const payloads: Entry[] = [];
  const add = (where: string, phrases: readonly string[] | undefined, entry: Entry) => {
    for (const p of phrases ?? []) {
      try {
        if (!options.table) built.add(p, entry);
        added.push(p);
        payloads.push(entry);
      } catch (e) {
        if (e instanceof PhraseError) problems.push(`${where}: ${e.message}`);
        else throw e;
      }
    }
  };

  // Sites first: concepts refer to them.
  const sites = new Map<string, Site>();
  const sitePartOf = new Map<string, string[]>();
  for (const [name, file] of sitesFiles) {
    for (const s of file.sites as Json[]) {
      if (sites.has(s.id)) problems.push(`${name}: site "${s.id}" is defined twice.`);
      const site: Site = { id: s.id, title: s.title, partOf: [], paired: s.paired === true };
      sites.set(s.id, site);
      sitePartOf.set(s.id, s.partOf ?? []);
      add(`${name}: site "${s.id}"`, s.terms, { type: 'site', site });
      add(`${name}: site "${s.id}"`, s.misspellings, { type: 'site', site });
    }
    for (const side of ['left', 'right', 'bilateral'] as const) add(`${name}: sides.${side}`, file.sides[side], { type: 'side', side });
  }
  for (const [id, parents] of sitePartOf) {
    for (const p of parents) if (!sites.has(p)) problems.push(`site "${id}": partOf "${p}" is no site.`);
    const closure = transitive(
      id,
      (x) => sitePartOf.get(x) ?? [],
      () => problems.push(`site "${id}": partOf leads back to itself.`),
    );
    (sites.get(id) as { partOf: readonly string[] }).partOf = closure;
  }

  const concepts = new Map<string, Concept>();
  const raw = new Map<string, { file: string; data: Json }>();
  for (const [name, file] of conceptFiles) {
    for (const c of file.concepts as Json[]) {
      if (concepts.has(c.id)) {
        problems.push(`${name}: concept "${c.id}" is already defined in ${raw.get(c.id)?.file}.`);
        continue;
      }
      const concept: Concept = {
        id: c.id,
        kind: c.kind,
        title: c.title,
        polarity: (c.polarity ?? 'neutral') as Polarity,
        broader: c.broader ?? [],
        ...(c.opposite ? { opposite: c.opposite } : {}),
        sites: c.sites ?? [],
        group: file.group,
      };
      concepts.set(c.id, concept);
      raw.set(c.id, { file: name, data: c });
      add(`${name}: concept "${c.id}"`, c.terms, { type: 'concept', concept });
      add(`${name}: concept "${c.id}"`, c.misspellings, { type: 'concept', concept });
      add(`${name}: concept "${c.id}" exclude`, c.exclude, { type: 'exclude', concept });
    }
  }
  const lineage = new Map<string, string[]>();
  for (const [id, c] of concepts) {
    const file = raw.get(id)?.file;
    for (const b of c.broader) if (!concepts.has(b)) problems.push(`${file}: concept "${id}": broader "${b}" is no concept.`);
    if (c.opposite && !concepts.has(c.opposite)) problems.push(`${file}: concept "${id}": opposite "${c.opposite}" is no concept.`);
    if (c.opposite === id) problems.push(`${file}: concept "${id}" is its own opposite.`);
    for (const s of c.sites) if (!sites.has(s)) problems.push(`${file}: concept "${id}": site "${s}" is not in sites.json.`);
    const up = transitive(
      id,
      (x) => (concepts.get(x)?.broader ?? []).filter((b) => concepts.has(b)),
      () => problems.push(`${file}: concept "${id}": broader leads back to itself.`),
    );
    lineage.set(id, [id, ...up]);
  }

  let window = 8;
  for (const [name, ctx] of contextFiles) {
    window = ctx.window;
    (ctx.cues as Json[]).forEach((c, i) => {
      const cue: CueDef = {
        category: c.category,
        direction: c.direction,
        window: c.window ?? ctx.window,
        ...(c.kinds ? { kinds: new Set<ConceptKind>(c.kinds) } : {}),
      };
      add(`${name}: cues[${i}] (${c.category})`, c.terms, { type: 'cue', cue });
    });
    add(`${name}: pseudo`, ctx.pseudo, { type: 'pseudo' });
    add(`${name}: terminators`, ctx.terminators, { type: 'terminator' });
    add(`${name}: anchors`, ctx.anchors, { type: 'anchor' });
    for (const value of ['abnormal', 'normal', 'judgment'] as const) add(`${name}: qualifiers.${value}`, ctx.qualifiers?.[value], { type: 'qualifier', value });
    for (const direction of ['improved', 'worse', 'unchanged'] as const)
      add(`${name}: directions.${direction}`, ctx.directions?.[direction], { type: 'direction', direction });
    for (const sex of ['male', 'female'] as const) add(`${name}: sex.${sex}`, ctx.sex?.[sex], { type: 'sex', sex });
    for (const u of (ctx.units ?? []) as Json[]) add(`${name}: units "${u.unit}"`, u.terms, { type: 'unit', unit: u.unit });
    for (const f of (ctx.frequencies ?? []) as Json[]) {
      add(`${name}: frequencies`, f.terms, { type: 'frequency', ...(f.perDay !== undefined ? { perDay: f.perDay } : {}), asNeeded: f.asNeeded === true });
    }
  }

  if (problems.length) throw new LexiconError(problems);
  const matcher = options.table ? PhraseMatcher.fromTable(options.table, added, payloads) : built;
  return { lexicon: { concepts, lineage, sites, matcher, window, files: names }, phrases: added, payloads };
}

/** Every id reachable from `id` through `next` (not `id` itself), in breadth-first order; calls `cycle` if `id` is reachable. */
function transitive(id: string, next: (x: string) => readonly string[], cycle: () => void): string[] {
  const out: string[] = [];
  const seen = new Set<string>([id]);
  const queue = [...next(id)];
  let looped = false;
  while (queue.length) {
    const x = queue.shift() as string;
    if (x === id) looped = true;
    if (seen.has(x)) continue;
    seen.add(x);
    out.push(x);
    queue.push(...next(x));
  }
  if (looped) cycle();
  return out;
}
