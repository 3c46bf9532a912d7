// Reads one case file for checking, refusing what is not a case file: files
// over the size limit (--max-size, the editor's imr.limits.maxFileSize), binary
// files (NUL bytes) and text that is not UTF-8. UTF-8 with a byte order mark,
// and UTF-16 with one (Windows "Unicode" text), are read, as the editor reads
// them. A refused file is reported by name with the reason, never its text.
import * as fs from 'node:fs';
import { DEFAULT_LIMITS, formatSize, utf8Size, type InputLimits } from '../../../server/src/service/input/limits';
import { describeFsError } from '../fsErrors';

export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function readCase(file: string, limits: InputLimits = DEFAULT_LIMITS): ReadResult {
  let size: number;
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) return { ok: false, reason: 'not a regular file' };
    size = st.size;
  } catch (err) {
    return { ok: false, reason: `cannot read: ${describeFsError(err)}` };
  }
  // Decided before reading, so a huge file never fills memory. UTF-16 takes at
  // most twice the bytes of the same text in UTF-8, hence the factor 2.
  if (size > 2 * limits.maxFileSize + 2) return { ok: false, reason: tooLarge(size, limits) };
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    return { ok: false, reason: `cannot read: ${describeFsError(err)}` };
  }
  return decodeCase(bytes, limits);
}

function tooLarge(bytes: number, limits: InputLimits): string {
  return `too large for a case file (${formatSize(bytes)}; the limit is ${formatSize(limits.maxFileSize)}): split it into one case per file, or raise the limit with --max-size KB`;
}

/** Bytes to text: UTF-8 (a byte order mark dropped) or UTF-16 with its byte order mark; refuses binary, other encodings and text over the limit. */
export function decodeCase(bytes: Uint8Array, limits: InputLimits = DEFAULT_LIMITS): ReadResult {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  let text: string;
  if (utf16) {
    try {
      text = new TextDecoder(utf16, { fatal: true }).decode(bytes);
    } catch {
      return { ok: false, reason: `not valid ${utf16.toUpperCase()} text; save the case file as UTF-8` };
    }
    if (text.includes('\u0000')) return { ok: false, reason: 'binary file (contains NUL characters), not a case file' };
  } else {
    if (bytes.length > limits.maxFileSize + 3) return { ok: false, reason: tooLarge(bytes.length, limits) };
    if (bytes.indexOf(0) !== -1) return { ok: false, reason: 'binary file (contains NUL bytes), not a case file' };
    try {
      text = utf8.decode(bytes);
    } catch {
      return { ok: false, reason: `not UTF-8 text (${describeBadByte(bytes)}); save the case file as UTF-8` };
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const size = utf8Size(text, limits.maxFileSize);
  if (size > limits.maxFileSize) return { ok: false, reason: tooLarge(utf8Size(text), limits) };
  return { ok: true, text };
}

/** Where the first byte that is not UTF-8 is, as line and byte column: enough to find it, without quoting the file. */
function describeBadByte(bytes: Uint8Array): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    let ok = need >= 0 && i + need < bytes.length;
    for (let k = 1; ok && k <= need; k++) ok = (bytes[i + k] & 0xc0) === 0x80;
    // Overlong and surrogate forms the decoder also rejects.
    if (ok && need === 2) ok = !(b === 0xe0 && bytes[i + 1] < 0xa0) && !(b === 0xed && bytes[i + 1] > 0x9f);
    if (ok && need === 3) ok = !(b === 0xf0 && bytes[i + 1] < 0x90) && !(b === 0xf4 && bytes[i + 1] > 0x8f);
    if (!ok) return `the first invalid byte is on line ${line}, byte ${i - lineStart + 1}`;
    if (b === 0x0a) {
      line++;
      lineStart = i + 1;
    }
    i += need + 1;
  }
  return 'a byte sequence UTF-8 does not allow';
}
