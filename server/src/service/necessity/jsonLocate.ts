// Parses JSON text while remembering where each value sits, so a problem in a
// workspace criteria file is shown on the exact property, not on line 1.
// Only used for workspace files; built-in data is imported by the bundler.
import type { Range } from '../types';
import { computeLineStarts, positionAt } from '../syntax/positions';

export interface Located {
  value: unknown;
  /** Ranges by JSON path joined with "/" ("" is the root). */
  ranges: Map<string, Range>;
}

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly range: Range,
  ) {
    super(message);
  }
}

export function parseJsonLocated(text: string): Located {
  const lineStarts = computeLineStarts(text);
  const ranges = new Map<string, Range>();
  let i = 0;
  const rangeOf = (a: number, b: number): Range => ({ start: positionAt(lineStarts, a), end: positionAt(lineStarts, b) });
  const fail = (msg: string): never => {
    throw new JsonSyntaxError(msg, rangeOf(i, Math.min(text.length, i + 1)));
  };
  const ws = () => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  const value = (path: string): unknown => {
    ws();
    const start = i;
    let v: unknown;
    const c = text[i];
    if (c === '{') {
      i++;
      const obj: Record<string, unknown> = {};
      ws();
      if (text[i] === '}') i++;
      else {
        for (;;) {
          ws();
          if (text[i] !== '"') fail('Expected a property name in double quotes.');
          const keyStart = i;
          const key = str();
          ranges.set(`${path}/${key}#key`, rangeOf(keyStart, i));
          ws();
          if (text[i] !== ':') fail(`Expected ":" after "${key}".`);
          i++;
          // An own property even for "__proto__": assignment would set the object's
          // prototype instead, hiding the value from validation while reads still see it.
          Object.defineProperty(obj, key, { value: value(`${path}/${key}`), enumerable: true, writable: true, configurable: true });
          ws();
          if (text[i] === ',') {
            i++;
            continue;
          }
          if (text[i] === '}') {
            i++;
            break;
          }
          fail('Expected "," or "}" (a comma between properties, or the end of the object).');
        }
      }
      v = obj;
    } else if (c === '[') {
      i++;
      const arr: unknown[] = [];
      ws();
      if (text[i] === ']') i++;
      else {
        for (;;) {
          arr.push(value(`${path}/${arr.length}`));
          ws();
          if (text[i] === ',') {
            i++;
            continue;
          }
          if (text[i] === ']') {
            i++;
            break;
          }
          fail('Expected "," or "]" (a comma between entries, or the end of the list).');
        }
      }
      v = arr;
    } else if (c === '"') {
      v = str();
    } else {
      const m = /^(-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 40));
      if (!m)
        fail(
          i >= text.length
            ? 'The file ends too early: a value is missing.'
            : 'Expected a value: a string in double quotes, a number, true, false, a list [...] or an object {...}.',
        );
      i += m![0].length;
      v = JSON.parse(m![0]);
    }
    ranges.set(path, rangeOf(start, i));
    return v;
  };
  const str = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      if (text[i] === '\n') fail('A string must close on the same line.');
      i++;
    }
    if (i >= text.length) fail('A string is not closed with a double quote.');
    i++;
    try {
      return JSON.parse(text.slice(start, i));
    } catch {
      i = start;
      return fail('This string has an invalid escape sequence.');
    }
  };
  const root = value('');
  ws();
  if (i < text.length) fail('Unexpected text after the end of the JSON value.');
  return { value: root, ranges };
}

/** The closest recorded range for a path (falls back to its parents). */
export function rangeForPath(located: Located, path: (string | number)[], preferKey = false): Range {
  for (let n = path.length; n >= 0; n--) {
    const key = n === 0 ? '' : '/' + path.slice(0, n).join('/');
    if (preferKey && n === path.length) {
      const k = located.ranges.get(`${key}#key`);
      if (k) return k;
    }
    const r = located.ranges.get(key);
    if (r) return r;
  }
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}
