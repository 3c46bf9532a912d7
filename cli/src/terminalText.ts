// What the CLI prints is read on a terminal or in a CI log, and both obey
// control characters: ESC sequences set the window title, erase a line (and
// the finding on it) or draw OSC 8 links that go somewhere other than they
// say; a newline in a file name starts a new line that GitHub Actions reads as
// its own `::error file=…::` command; bidi controls show text in another
// order. File names and quoted case text are therefore printed with those
// characters escaped (\x1b, \u202e), as `ls -b` and git do.

// Controls are exactly what these patterns look for (Cc is C0, DEL and C1).
/** C0 controls, DEL, C1 controls, bidi controls, and the line and paragraph separators. */
const CONTROLS = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/gu;
/** The same, but a line end is left alone: for whole messages that end lines themselves. */
const CONTROLS_BUT_NEWLINE = /(?!\n)[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/gu;

function escape(c: string): string {
  const cp = c.codePointAt(0)!;
  return cp <= 0xff ? `\\x${cp.toString(16).padStart(2, '0')}` : `\\u${cp.toString(16).padStart(4, '0')}`;
}

/** `s` with every control character escaped, line ends included: for a file name or a value inside a line. */
export function escapeControls(s: string): string {
  return s.replace(CONTROLS, escape);
}

/** `s` with every control character but "\n" escaped: for output whose own lines end with "\n". */
export function escapeControlsKeepingLines(s: string): string {
  return s.replace(CONTROLS_BUT_NEWLINE, escape);
}

/** A stream that escapes what it is given the same way (the CLI's stderr, and stdout on a terminal). */
export function escapingStream<T extends NodeJS.WritableStream & { isTTY?: boolean }>(stream: T): T {
  return new Proxy(stream, {
    get(target, prop, receiver) {
      if (prop === 'write') {
        return (chunk: unknown, ...rest: unknown[]) =>
          (target.write as (...a: unknown[]) => boolean).call(target, typeof chunk === 'string' ? escapeControlsKeepingLines(chunk) : chunk, ...rest);
      }
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}
