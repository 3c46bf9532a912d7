// Snippet text (the `${1:placeholder}` syntax of data/fields.json skeletons)
// and its plain-text form for clients that cannot take snippets.

/**
 * The text a snippet inserts when the client has no snippet support:
 * `${1:default}` becomes `default`, `${1|a,b|}` becomes `a` (the first
 * choice), a mirror `$1` / `${1}` repeats the default of its tabstop (as
 * the editor would, untouched), one with no default and `$0` vanish, and
 * `\$`, `\}`, `\\` unescape.
 */
export function toPlainText(snippet: string): string {
  let out = '';
  let i = 0;
  const s = snippet;
  // A mirror may come before the placeholder that gives its text: mark it and fill it in at the end.
  const defaults = new Map<string, string>();
  const mirror = (n: string) => `\uE000${n}\uE001`;
  // Recursive descent over the snippet grammar's placeholders; anything not a
  // placeholder is copied as written.
  const readUntilClose = (): string => {
    let text = '';
    while (i < s.length && s[i] !== '}') {
      if (s[i] === '\\' && i + 1 < s.length) {
        text += s[i + 1];
        i += 2;
      } else if (s[i] === '$') {
        text += readDollar();
      } else text += s[i++];
    }
    i++; // the closing brace
    return text;
  };
  const readDollar = (): string => {
    // s[i] === '$'
    const simple = /^\$(\d+)/.exec(s.slice(i)) ?? /^\$\{(\d+)\}/.exec(s.slice(i));
    if (simple) {
      i += simple[0].length;
      return mirror(simple[1]);
    }
    const choice = /^\$\{(\d+)\|((?:[^|,\\]|\\.)*)(?:,(?:[^|,\\]|\\.)*)*\|\}/.exec(s.slice(i));
    if (choice) {
      i += choice[0].length;
      const first = choice[2].replace(/\\(.)/g, '$1');
      if (!defaults.has(choice[1])) defaults.set(choice[1], first);
      return first;
    }
    const open = /^\$\{(\d+)(:?)/.exec(s.slice(i));
    if (open) {
      i += open[0].length;
      const text = readUntilClose();
      if (!defaults.has(open[1])) defaults.set(open[1], text);
      return text;
    }
    i++;
    return '$';
  };
  while (i < s.length) {
    if (s[i] === '\\' && i + 1 < s.length && '$}\\'.includes(s[i + 1])) {
      out += s[i + 1];
      i += 2;
    } else if (s[i] === '$') {
      out += readDollar();
    } else out += s[i++];
  }
  return out.replace(/\uE000(\d+)\uE001/g, (_, n: string) => (n === '0' ? '' : (defaults.get(n) ?? '')).replace(/\uE000\d+\uE001/g, ''));
}

/** Escapes text so a snippet inserts it literally. */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => '\\' + c);
}
