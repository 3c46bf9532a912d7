// The documents the stress test opens and closes: real cases, cases broken
// the ways files get broken (lines lost, repeated, swapped, cut short),
// random text, binary data, large cases, one over the size limit, and files
// that are not cases at all. Seeded, so a failing run reproduces.
import { DEFAULT_LIMITS } from '../../server/src/service/input/limits';

export interface StressDocument {
  kind: string;
  uri: string;
  languageId: string;
  text: string;
}

export function variedDocument(index: number, random: () => number, examples: string[]): StressDocument {
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)];
  const example = pick(examples);
  const uri = (ext: string) => `file:///stress/doc-${index}.${ext}`;
  // Two documents over the limit in a run of 500, at fixed places, so every run has them.
  if (index % 250 === 125)
    return { kind: 'too-large', uri: uri('imr'), languageId: 'imr', text: example.repeat(Math.ceil((DEFAULT_LIMITS.maxFileSize + 1000) / example.length)) };
  const r = random();
  if (r < 0.35) return { kind: 'example', uri: uri('imr'), languageId: 'imr', text: example };
  if (r < 0.6) return { kind: 'broken', uri: uri('imr'), languageId: 'imr', text: mutate(example, random) };
  if (r < 0.7) return { kind: 'random-text', uri: uri('imr'), languageId: 'imr', text: randomText(random, 1 + Math.floor(random() * 4000)) };
  if (r < 0.75) return { kind: 'binary', uri: uri('imr'), languageId: 'imr', text: binary(random, example) };
  if (r < 0.78) return { kind: 'large', uri: uri('imr'), languageId: 'imr', text: example.repeat(5 + Math.floor(random() * 15)) }; // 15-60 KB: large, but under the size limit, so analysed
  if (r < 0.83) return { kind: 'empty', uri: uri('imr'), languageId: 'imr', text: '' };
  if (r < 0.9) return { kind: 'plain-text', uri: uri('txt'), languageId: 'plaintext', text: example };
  // Detected by its extension alone, as when the editor does not know the language.
  return { kind: 'unknown-language', uri: uri('imr'), languageId: 'plaintext', text: mutate(example, random) };
}

/** Lines deleted, duplicated and swapped, and sometimes the file cut short. */
function mutate(text: string, random: () => number): string {
  const lines = text.split('\n');
  const n = 1 + Math.floor(random() * 6);
  for (let i = 0; i < n && lines.length > 1; i++) {
    const a = Math.floor(random() * lines.length);
    const b = Math.floor(random() * lines.length);
    const op = random();
    if (op < 0.4) lines.splice(a, 1);
    else if (op < 0.7) lines.splice(a, 0, lines[b]);
    else [lines[a], lines[b]] = [lines[b], lines[a]];
  }
  const out = lines.join('\n');
  return random() < 0.3 ? out.slice(0, Math.floor(random() * out.length)) : out;
}

function randomText(random: () => number, length: number): string {
  const alphabet = 'abc xyz:#[]-\n\t  012\u00e9\u201c\u201d\r';
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(random() * alphabet.length)];
  return out;
}

/** What an editor shows for a binary file decoded as UTF-8: NULs and replacement characters among bytes. */
function binary(random: () => number, example: string): string {
  let out = random() < 0.5 ? 'PK\u0003\u0004' : '%PDF-1.7\n';
  for (let i = 0; i < 2000; i++) {
    const c = Math.floor(random() * 256);
    out += c === 0 || random() < 0.05 ? '\u0000' : c > 127 ? '\uFFFD' : String.fromCharCode(c);
  }
  return random() < 0.5 ? out : example + out;
}
