// The service contains its own bugs: a parser, rule, feature, renderer or
// importer that throws answers with a fallback (an empty list, a placeholder
// letter, the letter as comments) so the author keeps working. Contained is
// not the same as correct, though: tests install an observer here so that a
// bug the fallback hides still fails them, and a language service created
// with a logger is told of the bugs contained while it answers. Both get the
// error and a place name, never case text; what they write of the error is
// theirs to keep free of it (the server writes only its kind and frame).

export type ContainedErrorObserver = (err: unknown, place: string) => void;

/** What a language service reports to its host (the server's log, the CLI's stderr). */
export interface ServiceLogger {
  /** A bug the service contained at `place` ("rule phi", "hover"); `err` may quote case text, so log its kind only. */
  contained(place: string, err: unknown): void;
}

let observer: ContainedErrorObserver | undefined;
/** The logger of the service whose call is running; calls are synchronous, so at most one is. */
let current: ServiceLogger | undefined;

/** Observe errors the service contains (undefined stops observing). */
export function onContainedError(handler: ContainedErrorObserver | undefined): void {
  observer = handler;
}

/** Runs `run` with `logger` told of what is contained during it (the synchronous part: a PDF's later errors go to the observer only). */
export function onServiceContained<T>(logger: ServiceLogger, run: () => T): T {
  const outer = current;
  current = logger;
  try {
    return run();
  } finally {
    current = outer;
  }
}

/** Called from every catch-all of the service, with where it is. */
export function reportContained(err: unknown, place: string): void {
  observer?.(err, place);
  try {
    current?.contained(place, err);
  } catch {
    // A logger that fails must not turn a contained bug into an uncontained one.
  }
}
