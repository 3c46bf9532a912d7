// Snippet text (the `${1:placeholder}` syntax of data/fields.json skeletons)
// and its plain-text form for clients that cannot take snippets.

/**
 * The text a snippet inserts when the client has no snippet support:
 * `${1:default}` becomes `default`, `${1|a,b|}` becomes `a` (the first
 * choice), `$1` / `${1}` / `$0` vanish, and `\$`, `\}`, `\\` unescape.
 */
export function toPlainText(snippet: string): string {
  let out = '';
  let i = 0;
  const s = snippet;
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
    const simple = /^\$(\d+)/.exec(s.slice(i));
    if (simple) {
      i += simple[0].length;
      return '';
    }
    const choice = /^\$\{\d+\|((?:[^|,\\]|\\.)*)(?:,(?:[^|,\\]|\\.)*)*\|\}/.exec(s.slice(i));
    if (choice) {
      i += choice[0].length;
      return choice[1].replace(/\\(.)/g, '$1');
    }
    const open = /^\$\{\d+(:?)/.exec(s.slice(i));
    if (open) {
      i += open[0].length;
      return readUntilClose();
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
  return out;
}

/** Escapes text so a snippet inserts it literally. */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => '\\' + c);
}
