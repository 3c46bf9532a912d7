// What the service refuses to analyse: files too large to check without
// holding up the editor, and binary files opened by mistake. Both get one
// clear diagnostic instead of a long stall or a screen of nonsense errors.
//
// Why a size limit at all: analysis is linear in the text, but its cost per
// kilobyte depends on the shape (thousands of tiny items cost ~15 times what
// ordinary prose does), and the server analyses synchronously after every
// burst of keys. The default is the size at which the costliest shape measured
// still analyses in under 200 ms (docs/benchmarks.md, "Limits"); real letters
// are 3-30 KB. Lines need no limit of their own: a line cannot be longer than
// the file, and one long line costs no more than the same text on many lines.
import type { ImrDiagnostic, InputLimits, Range } from '../types';

export type { InputLimits };

/** The default of `imr.limits.maxFileSize` and `imr check --max-size`, in KB. */
export const DEFAULT_MAX_FILE_KB = 64;
/** The most the setting accepts, in KB: past this a file could exhaust the server's memory long before the limit would stop it. */
export const MAX_MAX_FILE_KB = 64 * 1024;
export const DEFAULT_LIMITS: InputLimits = { maxFileSize: DEFAULT_MAX_FILE_KB * 1024 };

/** What the author can change, named in the message (the editor setting, and the CLI option). */
export const SIZE_SETTING = 'imr.limits.maxFileSize';
export const SIZE_OPTION = '--max-size';

/** Binary content shows in the first stretch of a file; no need to scan a large one to the end. */
const SAMPLE_CHARS = 65536;
/** A few U+FFFD are stray bad bytes in a text file; more mean the file is not UTF-8 text at all. */
const MAX_REPLACEMENT_CHARS = 8;

const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A setting value in KB as bytes; anything that is not a positive number gives the default. */
export function limitsFromKb(kb: unknown): InputLimits {
  if (typeof kb !== 'number' || !Number.isFinite(kb) || kb <= 0) return DEFAULT_LIMITS;
  return { maxFileSize: Math.round(Math.min(kb, MAX_MAX_FILE_KB) * 1024) };
}

/**
 * The UTF-8 size of `text`, counting no further than `stopAbove` (the answer
 * is then just "more"). Characters are 1 to 3 bytes (a surrogate pair is 4 for
 * two), so most texts are decided by their length alone.
 */
export function utf8Size(text: string, stopAbove = Infinity): number {
  if (text.length > stopAbove) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= stopAbove; i++) {
    const c = text.charCodeAt(i);
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    // A surrogate pair is 4 bytes: 3 counted for the high half, 1 more for the low.
    if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
      const prev = text.charCodeAt(i - 1);
      if (prev >= 0xd800 && prev <= 0xdbff) bytes -= 2;
    }
  }
  return bytes;
}

/** "300 KB", "10.5 MB": sizes as the author thinks of them, never rounded down to the limit itself. */
export function formatSize(bytes: number): string {
  const ceil1 = (x: number) => Math.ceil(x * 10) / 10;
  if (bytes < 1024 * 1024) return `${String(ceil1(bytes / 1024)).replace(/\.0$/, '')} KB`;
  return `${String(ceil1(bytes / 1024 / 1024)).replace(/\.0$/, '')} MB`;
}

/** The sentence shared by the editor's diagnostic and the CLI's refusal. */
export function tooLargeMessage(bytes: number, limit: number): string {
  return (
    `This file is ${formatSize(bytes)}; case files over ${formatSize(limit)} are not checked, so that checking never holds up the editor. ` +
    `A case is one letter of a few pages: split the file into one case per file, or raise the limit with the setting ${SIZE_SETTING} (${SIZE_OPTION} for imr check and imr render).`
  );
}

export const BINARY_MESSAGE =
  'This file is not text (it holds binary data or is not UTF-8), so it cannot be a case file. Open the .imr case, or import a letter with "IMR: Import Letter…".';

/** Why `text` is not analysed (one diagnostic at the top of the file), or undefined when it is. */
export function checkReadable(text: string, limits: InputLimits = DEFAULT_LIMITS): ImrDiagnostic | undefined {
  const tooLarge = checkSize(text, limits);
  if (tooLarge) return tooLarge;
  if (looksBinary(text)) return { code: 'binary-file', severity: 'error', message: BINARY_MESSAGE, range: START };
  return undefined;
}

/** The size check alone: what protects the editor from a stall, so nothing ever parses a file over the limit. */
export function checkSize(text: string, limits: InputLimits = DEFAULT_LIMITS): ImrDiagnostic | undefined {
  // A UTF-16 code unit is at most 3 bytes of UTF-8 (a surrogate pair 4 for two), so most texts need no count:
  // the server asks on every keystroke.
  if (text.length * 3 <= limits.maxFileSize) return undefined;
  if (utf8Size(text, limits.maxFileSize) <= limits.maxFileSize) return undefined;
  // The exact size only for the message: counted in full once, when refusing.
  return { code: 'file-too-large', severity: 'error', message: tooLargeMessage(utf8Size(text), limits.maxFileSize), range: START };
}

/** NUL characters, or more than a few U+FFFD (what an editor shows for bytes that are not UTF-8), near the start. */
export function looksBinary(text: string): boolean {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  if (sample.includes('\u0000')) return true;
  let bad = 0;
  for (let i = sample.indexOf('\uFFFD'); i !== -1; i = sample.indexOf('\uFFFD', i + 1)) {
    if (++bad > MAX_REPLACEMENT_CHARS) return true;
  }
  return false;
}
