// Look-ups of case text in a table. A plain object inherits "constructor",
// "toString" and "__proto__", so `table[value]` with a value the author wrote
// ("organization: constructor") found Object's own function and printed
// "function Object() { [native code] }" in the letter, or gave a hover that
// was not text. Only the table's own entries count.

/** The table's own entry for `key`, or undefined. */
export function ownValue<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
