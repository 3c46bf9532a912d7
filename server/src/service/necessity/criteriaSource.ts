// Where a language service's workspace criteria come from. The service reads
// no files itself (it is pure TypeScript); the server and the CLI hand it a
// source that reads `.imr/criteria/*.json` (server/src/adapters/criteriaFolder.ts),
// tests hand it files from memory. One size limit for every source.

/** A criteria file as read: its uri and text, or only its uri when it was over the limit. */
export interface CriteriaFileText {
  uri: string;
  text: string;
  /** Over MAX_CRITERIA_FILE_BYTES, so not read: reported as too large, not as empty. */
  tooLarge?: boolean;
  /** Not read, and why, in a few words (a link out of the workspace, a device or pipe): reported as such, never by its content. */
  refused?: string;
}

export interface CriteriaSource {
  /** The criteria files to use now, read. */
  read(): CriteriaFileText[] | Promise<CriteriaFileText[]>;
}

/**
 * The largest criteria file read, in bytes. The built-in files are 10-40 KB;
 * a file a thousand times that is no criteria set anyone wrote by hand, and
 * validating it would hold up the server.
 */
export const MAX_CRITERIA_FILE_BYTES = 1024 * 1024;

/** A source that always gives the same files (the CLI's worker threads, tests). */
export function criteriaFiles(files: readonly CriteriaFileText[]): CriteriaSource {
  return { read: () => [...files] };
}
