// The service contains its own bugs: a parser, rule, feature, renderer or
// importer that throws answers with a fallback (an empty list, a placeholder
// letter, the letter as comments) so the author keeps working. Contained is
// not the same as correct, though: tests install an observer here so that a
// bug the fallback hides still fails them. Production installs none, and the
// observer gets the error and a place name, never case text.

export type ContainedErrorObserver = (err: unknown, place: string) => void;

let observer: ContainedErrorObserver | undefined;

/** Observe errors the service contains (undefined stops observing). */
export function onContainedError(handler: ContainedErrorObserver | undefined): void {
  observer = handler;
}

/** Called from every catch-all of the service, with where it is. */
export function reportContained(err: unknown, place: string): void {
  observer?.(err, place);
}
