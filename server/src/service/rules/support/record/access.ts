// How the record rules reach the reading layer: through the service's reader
// (ctx.reader), whose memo spans one diagnostics run, so the summary and each
// rationale are read once however many rules and items ask. What the rules
// need of the lexicon beyond a reading (the site tree, which concepts are
// umbrellas) is derived once per lexicon (every service shares the bundled one).
import type { Lexicon, Reader, SentencePreview } from '../../../reading/index';
import type { Concept, SentenceReading } from '../../../reading/types';

/** What the record rules need of the reading layer: a reader and the lexicon's site tree. */
export interface ReadingAccess {
  read(text: string): SentenceReading;
  /** What a reading of the text can hold, without reading it (Reader.preview); undefined: read it. */
  preview(text: string): SentencePreview | undefined;
  /** The ids a mention of the concept counts for (its `concepts`: the concept's and each broader one's). */
  lineage(concept: Concept): readonly string[];
  /** Every concept of the lexicon. */
  everyConcept(): Iterable<Concept>;
  /** Larger sites of a site, transitively (l5-s1 -> lumbar -> spine); empty for an unknown id. */
  partOf(site: string): readonly string[];
  /** The lexicon's title of a site ("the knee"), if it has one. */
  siteTitle(site: string): string | undefined;
  /** Does some concept of the lexicon count as this one (is it an umbrella: neurologic deficit, opioid)? */
  hasNarrower(concept: string): boolean;
  /** The lexicon's concept of an id, if it has one. */
  concept(id: string): Concept | undefined;
}

const perReader = new WeakMap<Reader, ReadingAccess>();
/** The concepts some concept counts as, per lexicon: every service's reader reads with the one shared lexicon. */
const narrowerOf = new WeakMap<Lexicon, ReadonlySet<string>>();

function umbrellas(lexicon: Lexicon): ReadonlySet<string> {
  let narrower = narrowerOf.get(lexicon);
  if (!narrower) {
    const found = new Set<string>();
    for (const c of lexicon.concepts.values()) for (const b of c.broader) found.add(b);
    narrowerOf.set(lexicon, (narrower = found));
  }
  return narrower;
}

/** The record rules' view of a reader (one per reader: the lexicon it reads with is immutable). */
export function readingAccess(reader: Reader): ReadingAccess {
  const hit = perReader.get(reader);
  if (hit) return hit;
  const narrower = umbrellas(reader.lexicon);
  const access: ReadingAccess = {
    read: (text) => reader.read(text),
    preview: (text) => reader.preview(text),
    lineage: (concept) => reader.lexicon.lineage.get(concept.id) ?? [concept.id],
    everyConcept: () => reader.lexicon.concepts.values(),
    partOf: (site) => reader.lexicon.sites.get(site)?.partOf ?? [],
    siteTitle: (site) => reader.lexicon.sites.get(site)?.title,
    hasNarrower: (concept) => narrower.has(concept),
    concept: (id) => reader.lexicon.concepts.get(id),
  };
  perReader.set(reader, access);
  return access;
}
