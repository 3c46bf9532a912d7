// Lexicon coverage on the letter corpus, for the lexicon's editors (not a
// test, not shipped). It reads every letter of ../shared/corpus/letters,
// finds each concept's phrases in the clinical case summary and in the
// decision rationales, and prints
//   - per group and per concept, how many letters mention the concept;
//   - the words of summaries and rationales that no concept or site covers,
//     by how many letters use them, so an editor can see what is missing.
// It matches phrases the way the schema describes (whole words, `*` ends a
// word, a hyphen or space also matches the other and none), with a simple
// longest-match scan: close to the reader's matcher, not the same code.
//
//   npm run compile-tests && node out/test/helpers/lexiconCoverage.js [--concept ID] [--top N]
import * as fs from 'fs';
import * as path from 'path';
import { SHARED } from './fixtures';
import { ConceptEntry, phraseKey, phraseWords, readLexicon } from './lexiconData';

interface Phrase {
  owner: string; // concept id, or `site:ID`
  words: string[];
  wild: boolean;
}

/** A letter's words as the matcher sees them: lower case, hyphens split, a sentence's final full stop dropped. */
export function letterWords(text: string): { words: string[]; offsets: number[] } {
  const words: string[] = [];
  const offsets: number[] = [];
  const re = /[a-z0-9][a-z0-9/+.'&#]*/g;
  const lower = text.toLowerCase().replace(/[\u2018\u2019]/g, "'");
  for (let m = re.exec(lower); m; m = re.exec(lower)) {
    const w = m[0].replace(/[.']+$/, '');
    if (w) {
      words.push(w);
      offsets.push(m.index);
    }
  }
  return { words, offsets };
}

/** The clinical case summary and the decision rationales of a letter. */
export function letterParts(text: string): { summary: string; rationale: string } {
  const start = text.search(/CLINICAL CASE SUMMARY/i);
  const issues = text.search(/IMR ISSUES,? DECISIONS AND RATIONALES/i);
  const summary = start >= 0 ? text.slice(start, issues > start ? issues : undefined) : '';
  const rationale = [...text.matchAll(/Decision rationale:([\s\S]*?)(?=Claims Administrator guideline:|$)/gi)].map((m) => m[1]).join('\n');
  return { summary, rationale };
}

class Matcher {
  private exact = new Map<string, Set<string>>(); // joined key -> owners (no wildcard)
  private wild = new Map<string, Phrase[]>(); // first two letters -> wildcard phrases
  private excludes = new Map<string, string[][]>(); // concept -> exclude phrases as words
  maxWords = 1;

  constructor(concepts: ConceptEntry[], sites: { id: string; terms: string[]; misspellings?: string[] }[], sides: string[]) {
    const add = (owner: string, t: string) => {
      const words = phraseWords(t);
      this.maxWords = Math.max(this.maxWords, words.length);
      if (t.includes('*')) {
        const k = words[0].replace('*', '').slice(0, 2);
        this.wild.set(k, [...(this.wild.get(k) ?? []), { owner, words, wild: true }]);
      } else {
        const key = phraseKey(t);
        if (!this.exact.has(key)) this.exact.set(key, new Set());
        this.exact.get(key)!.add(owner);
      }
    };
    for (const c of concepts) {
      for (const t of [...c.terms, ...(c.misspellings ?? [])]) add(c.id, t);
      if (c.exclude) this.excludes.set(c.id, c.exclude.map(phraseWords));
    }
    for (const s of sites) for (const t of [...s.terms, ...(s.misspellings ?? [])]) add(`site:${s.id}`, t);
    for (const t of sides) add('side', t);
  }

  /** Concept ids (and `site:`/`side` owners) found in the words, each with the word span it covers. */
  scan(words: string[]): Array<{ owners: string[]; start: number; end: number }> {
    const found: Array<{ owners: string[]; start: number; end: number }> = [];
    let i = 0;
    while (i < words.length) {
      let best: { owners: string[]; len: number } | undefined;
      for (let len = Math.min(this.maxWords + 1, words.length - i); len >= 1 && !best; len--) {
        const owners = new Set<string>(this.exact.get(words.slice(i, i + len).join('')) ?? []);
        for (const p of this.wild.get(words[i].slice(0, 2)) ?? []) {
          if (p.words.length !== len) continue;
          if (p.words.every((pw, k) => (pw.endsWith('*') ? words[i + k].startsWith(pw.slice(0, -1)) : pw === words[i + k]))) owners.add(p.owner);
        }
        const kept = [...owners].filter((o) => !this.excluded(o, words, i, i + len));
        if (kept.length) best = { owners: kept, len };
      }
      if (best) {
        found.push({ owners: best.owners, start: i, end: i + best.len });
        i += best.len;
      } else i++;
    }
    return found;
  }

  private excluded(owner: string, words: string[], start: number, end: number): boolean {
    for (const x of this.excludes.get(owner) ?? []) {
      for (let s = Math.max(0, end - x.length); s <= start && s + x.length <= words.length; s++) {
        if (x.every((xw, k) => (xw.endsWith('*') ? words[s + k].startsWith(xw.slice(0, -1)) : xw === words[s + k]))) return true;
      }
    }
    return false;
  }
}

// Words that carry no clinical meaning on their own (English function words
// and the letters' boilerplate), left out of the "not covered" list.
const STOP = new Set(
  `a about above according across actually addition additional additionally address addressed addresses after again against ago all allow allowed almost alone along already also although always am among an and another any anything appear appeared appears applicable apply applied approximately are area areas aren around as ask asked at available away based basis be became because become been before began being below best between beyond both brief but by c can cannot case cases certain clear clearly come complete completed concern concerning condition conditions consider considered consistent contain contains continue could current currently date dated dates day days december decision described despite detail details determine determined did do does doing done due during e.g each early either else end enough especially established etc even every evidence examined except fact february few first five following follows for form four from further furthermore general given go goal going good had has have having he her here herself him himself his how however i.e if in include included includes including indicate indicated indicates indication individual information initial injured instead into is issue it its itself january july june just known last later least less let like likely made make makes many march may me medical medically might month months more most much must my necessary necessity need needed needs neither never new next nine no non none nor not noted nothing november now number occur october of off often on once one only or order other others otherwise our out over overall own page part particular past patient patients per perhaps performed period place possible prior probably provide provided provides providing recent recently regarding related remain remains reported reporting reports request requested requests required requires respect result resulted results review reviewed said same second see seen september service services set seven several shall she should show showed shown since six so some specific still subsequent subsequently such support supported sure take taken than that the their them themselves then there therefore these they third this those though three through time times to today told too total treated treating treatment treatments two type under unless until up upon us use used using various very via was we week weeks well were what when where whether which while who whom whose why will with within without worker would year years yet you your approved case's claimant reviewer reviewer's maximus final determination guideline guidelines mtus odg acoem ca official disability chronic treatment medical care upheld overturned non-mtus citation imr expert standard priority application received assigned denial administrator claims criteria recommended recommendation recommendations section page pages chapter edition injury applicant worker's patient's mr mrs ms dr cm16 cm17 cm18 male female man woman year-old old age aged he/she his/her him/her`.split(
    /\s+/,
  ),
);

function main(): void {
  const args = process.argv.slice(2);
  const top = Number(args[args.indexOf('--top') + 1]) || 120;
  const only = args.includes('--concept') ? args[args.indexOf('--concept') + 1] : undefined;
  const dir = path.join(SHARED, 'corpus', 'letters');
  if (!fs.existsSync(dir)) {
    console.error(`No letters at ${dir}; set IMR_SHARED_DIR to the folder that holds corpus/.`);
    process.exit(2);
  }
  const lex = readLexicon();
  const matcher = new Matcher(lex.concepts, lex.sites, [...lex.sides.left, ...lex.sides.right, ...lex.sides.bilateral]);
  const letters = fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.txt'))
    .sort();
  const perConcept = new Map<string, Set<string>>();
  const uncovered = new Map<string, Set<string>>();
  let words = 0;
  let coveredWords = 0;
  const examples: string[] = [];
  for (const name of letters) {
    const parts = letterParts(fs.readFileSync(path.join(dir, name), 'utf8'));
    for (const part of [parts.summary, parts.rationale]) {
      const w = letterWords(part).words;
      const covered = new Array<boolean>(w.length).fill(false);
      for (const m of matcher.scan(w)) {
        for (let k = m.start; k < m.end; k++) covered[k] = true;
        for (const o of m.owners) {
          if (!perConcept.has(o)) perConcept.set(o, new Set());
          perConcept.get(o)!.add(name);
          if (only && o === only && examples.length < 40) examples.push(`${name}: ${w.slice(Math.max(0, m.start - 6), m.end + 6).join(' ')}`);
        }
      }
      w.forEach((word, k) => {
        words++;
        if (covered[k]) coveredWords++;
        else if (word.length >= 4 && !STOP.has(word) && !/^[0-9/.+-]+$/.test(word) && /[a-z]/.test(word)) {
          if (!uncovered.has(word)) uncovered.set(word, new Set());
          uncovered.get(word)!.add(name);
        }
      });
    }
  }
  if (only) {
    console.log(`${only}: ${perConcept.get(only)?.size ?? 0} letters`);
    for (const e of examples) console.log('  ' + e);
    return;
  }
  console.log(`Lexicon: ${lex.concepts.length} concepts in ${lex.conceptFiles.size} files, ${lex.sites.length} sites; ${letters.length} letters.`);
  console.log(`Words of summaries and rationales inside a concept, site or side phrase: ${((100 * coveredWords) / words).toFixed(1)}% of ${words}.`);
  const seenIn = (id: string) => perConcept.get(id)?.size ?? 0;
  console.log('\nPer group: concepts mentioned in at least one letter');
  for (const [file, data] of lex.conceptFiles) {
    const hit = data.concepts.filter((c) => seenIn(c.id) > 0).length;
    console.log(`  ${file.padEnd(24)} ${String(hit).padStart(4)} of ${String(data.concepts.length).padStart(4)}`);
  }
  const allHit = lex.concepts.filter((c) => seenIn(c.id) > 0).length;
  console.log(`  ${'all'.padEnd(24)} ${String(allHit).padStart(4)} of ${String(lex.concepts.length).padStart(4)}`);
  const lettersWithAny = new Set([...perConcept.entries()].filter(([o]) => !o.startsWith('site:') && o !== 'side').flatMap(([, s]) => [...s]));
  console.log(`Letters with at least one concept: ${lettersWithAny.size} of ${letters.length}`);
  console.log('\nConcepts by letters mentioning them');
  const ranked = lex.concepts.map((c) => [c.id, seenIn(c.id)] as const).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  for (const [id, n] of ranked) if (n > 0) console.log(`  ${String(n).padStart(4)}  ${id}`);
  console.log(
    `\nConcepts no letter mentions (${ranked.filter(([, n]) => n === 0).length}): ${ranked
      .filter(([, n]) => n === 0)
      .map(([id]) => id)
      .join(', ')}`,
  );
  console.log(`\nWords no concept covers, by letters (top ${top})`);
  const gaps = [...uncovered.entries()].map(([w, s]) => [w, s.size] as const).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  console.log(
    gaps
      .slice(0, top)
      .map(([w, n]) => `${w} ${n}`)
      .join(', '),
  );
}

main();
