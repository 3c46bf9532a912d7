// What the import property checks: every word of the letter is in the case
// the importer wrote, by the importer's design (docs/import.md): in the
// letter the case renders, or in a `--` comment. Shared by the property and
// anyone replaying one of its counterexamples.
import assert from 'node:assert/strict';
import { importLetter } from '../../server/src/service/import/index';
import type { ImportResult } from '../../server/src/service/import/types';
import { LanguageService } from '../../server/src/service/languageService';
import { parseCase } from '../../server/src/service/syntax/parser';
import { noContainedError } from './properties';

const words = (text: string): string[] => text.match(/[\p{L}\p{N}]+/gu) ?? [];

/** Words of `input` that the import result holds neither in its rendered letter nor in its comments (as a multiset). */
export function lostWords(input: string, r: ImportResult): string[] {
  // Characters that print nothing (a zero-width space inside a word) are not printed by the letter either
  // (render/printable.ts): the words compared are the ones a reader of the input sees.
  let letter = withoutPageFurniture(input, r)
    .replace(/\p{Cf}/gu, '')
    .replace(/[\s\u00a0]+/g, ' ');
  for (const d of r.diagnostics) {
    const from = d.data?.letterText;
    const to = d.data?.renderedText;
    if (typeof from !== 'string' || typeof to !== 'string' || from === '') continue;
    // Where the note's text stands as whole words ("M" is not the M of "CM16").
    const at = new RegExp(`(?<![\\p{L}\\p{N}])${from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u').exec(letter)?.index ?? -1;
    if (at >= 0) letter = letter.slice(0, at) + ' ' + to + ' ' + letter.slice(at + from.length);
  }
  const rendered = new LanguageService().renderLetter({ uri: 'file:///import-property.imr', version: 1, text: r.text }, 'text');
  const comments = parseCase(r.text).comments.map((c) => c.text);
  const kept = new Map<string, number>();
  for (const w of words((rendered + '\n' + comments.join('\n')).replace(/\p{Cf}/gu, ''))) kept.set(w, (kept.get(w) ?? 0) + 1);
  const lost: string[] = [];
  for (const w of words(letter)) {
    const n = kept.get(w) ?? 0;
    if (n > 0) kept.set(w, n - 1);
    else lost.push(w);
  }
  return lost;
}

/**
 * The input without its page furniture. docs/import.md: "Page 2 of 3" and
 * lone page numbers ("Page 2", "- 2 -") are removed and counted, not kept;
 * the note import-page-furniture says how many. The count must match the
 * lines of that form exactly, so nothing else can go that way.
 */
function withoutPageFurniture(input: string, r: ImportResult): string {
  const furniture = (line: string) => /^page\s+\d+(\s+of\s+\d+)?$/i.test(line.trim()) || /^-\s*\d{1,3}\s*-$/.test(line.trim());
  const lines = input.split(/\r\n|\r|\n|\f/);
  const note = r.diagnostics.find((d) => d.code === 'import-page-furniture');
  const removed = Number(/Removed (\d+)/.exec(note?.message ?? '')?.[1] ?? 0);
  assert.equal(removed, lines.filter(furniture).length, 'the page-furniture note counts the page-number lines of the letter');
  return lines.filter((l) => !furniture(l)).join('\n');
}

export function checkImport(input: string): void {
  noContainedError(() => {
    const r = importLetter(input, { sourceName: 'property.txt' });
    assert.deepEqual(
      parseCase(r.text).problems.map((p) => p.message),
      [],
      'the imported case parses',
    );
    assert.deepEqual(lostWords(input, r), [], 'words of the input are neither in the rendered letter nor in a comment');
  });
}
