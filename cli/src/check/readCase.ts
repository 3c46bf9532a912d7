// Reads one case file for checking, refusing what is not a case file: files
// too large to be a letter, binary files (NUL bytes) and text that is not
// UTF-8. A refused file is reported and skipped; the run goes on.
import * as fs from 'node:fs';

/** A determination letter is a few pages; anything past this is not a case file (and would stall a batch). */
export const MAX_CASE_BYTES = 5 * 1024 * 1024;

export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function readCase(file: string): ReadResult {
  let size: number;
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) return { ok: false, reason: 'not a regular file' };
    size = st.size;
  } catch (err) {
    return { ok: false, reason: `cannot read: ${describeFsError(err)}` };
  }
  if (size > MAX_CASE_BYTES) {
    return { ok: false, reason: `too large to be a case file (${(size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_CASE_BYTES / 1024 / 1024} MB)` };
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    return { ok: false, reason: `cannot read: ${describeFsError(err)}` };
  }
  return decodeCase(bytes);
}

/** Bytes to text: rejects binary and non-UTF-8 content, drops a UTF-8 byte order mark. */
export function decodeCase(bytes: Uint8Array): ReadResult {
  if (bytes.length > MAX_CASE_BYTES) return { ok: false, reason: 'too large to be a case file' };
  if (bytes.indexOf(0) !== -1) return { ok: false, reason: 'binary file (contains NUL bytes), not a case file' };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, reason: 'not UTF-8 text; save the case file as UTF-8' };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text };
}

function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    default:
      return code ?? (err instanceof Error ? err.message : String(err));
  }
}
