// The words for a file-system failure, as the command line says them: a
// physician who sees "ENOENT" learns nothing, "its folder does not exist" says
// what to fix. One table for every command, reading and writing, so `imr
// check`, `imr render` and `imr import` describe the same failure the same way.
// The path is the caller's to name. The error's own message is never printed:
// for an error without a code it could carry text that is not the path.

type Failure = 'read' | 'write';

const WORDS: Record<string, { read: string; write: string }> = {
  ENOENT: { read: 'no such file', write: 'its folder does not exist' },
  ENOTDIR: { read: 'a part of the path is not a folder', write: 'a part of the path is not a folder' },
  EACCES: { read: 'permission denied', write: 'permission denied' },
  EPERM: { read: 'permission denied', write: 'permission denied' },
  EISDIR: { read: 'is a directory', write: 'is a directory' },
  ENOSPC: { read: 'no space left on the device', write: 'no space left on the device' },
  EROFS: { read: 'read-only file system', write: 'read-only file system' },
  EMFILE: { read: 'too many open files', write: 'too many open files' },
  ENAMETOOLONG: { read: 'the file name is too long', write: 'the file name is too long' },
};

/** What went wrong, in words; the error's code when it has no words here, its kind when it has no code. */
export function describeFsError(err: unknown, failure: Failure = 'read'): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const words = code ? WORDS[code] : undefined;
  if (words) return words[failure];
  if (code) return `error ${code}`;
  return err instanceof Error ? `unexpected ${err.name}` : 'unexpected error';
}
