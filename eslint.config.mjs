// The layers of IMR Author, held by a tool rather than by habit (issue 12):
//
//   client/  cli/  server/src/*.ts, server/src/adapters/   thin adapters
//                 │ import
//                 ▼
//   server/src/service/          the language service: pure TypeScript
//                 │ import
//                 ▼
//   server/src/service/syntax/   the case language's parser and AST
//                 │ import
//                 ▼
//   server/src/service/text/     plain-text helpers every layer shares (sentences)
//
// An arrow only points down. The service must run the same in the server, the
// CLI and a test, so it imports no adapter, no editor or protocol API and no
// file system: its callers hand it text and criteria. The syntax layer is the
// base everything reads, so it imports nothing of the service above it. And
// no module may import itself through a cycle, which is what lets a layer be
// read (and loaded) from the bottom up.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';
import prettier from 'eslint-config-prettier';

/** Imports the language service may not use, with the reason shown to whoever tries. */
const notInService = [
  {
    group: ['vscode', 'vscode-*', '@vscode/*'],
    message: 'The language service is editor-neutral: no VS Code or LSP API. Convert at the adapter (server/src/adapters).',
  },
  {
    group: ['fs', 'fs/*', 'node:fs', 'node:fs/*'],
    message: 'The language service reads no files: its caller passes text and criteria in (see the criteria source of createLanguageService).',
  },
  {
    group: ['**/client/**', '**/cli/**', '**/adapters/**', '**/server', '**/workspaceCriteria'],
    message: 'The language service imports nothing of the server, client or CLI that call it.',
  },
];

/** What the syntax layer may not import: any of the service above it. */
const aboveSyntax = [
  {
    // ../contained is a leaf with no imports of its own (the observer of
    // contained errors every layer reports to), so it does not raise syntax/;
    // ../text/ is the layer below syntax (the sentence splitter it shares with
    // the importer and the reader).
    regex: '^\\.\\./(?!contained$|text/)',
    message: 'server/src/service/syntax/ is the base layer: it imports only itself, ../text/ and ../contained, never the service above it.',
  },
];

/** What the text layer may not import: anything but itself. */
const aboveText = [
  {
    regex: '^\\.\\./',
    message: 'server/src/service/text/ is below the syntax layer: it imports only itself.',
  },
];

export default tseslint.config(
  // bench/.work holds the bench's builds of other commits (their whole trees, with the lint rules of their day).
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'media/**', 'bench/.work/**'] },
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    plugins: { 'import-x': importX },
    settings: {
      // The cycle rule follows only the files it can parse: TypeScript ones, with its parser.
      'import-x/extensions': ['.ts', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json', '.node'] })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      // `import X = require('x')` is how a CommonJS module with `export =` (pdfkit) is typed.
      '@typescript-eslint/no-require-imports': ['error', { allowAsImport: true }],
      // A variable a closure reads before its one assignment (a subscription
      // the callback disposes) cannot be a const.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // Two spaces is the case language's indentation: a regex that matches
      // `^  licensure:` says so more plainly than `^ {2}licensure:`.
      'no-regex-spaces': 'off',
    },
  },
  {
    // Tests read JSON-RPC answers and poke at values on purpose; `any` there is the point.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // A validator of any JSON Schema holds arbitrary JSON. (Quick-fixes read
    // their rule's typed data: see rules/defineRule.ts.)
    files: ['server/src/service/necessity/jsonSchema.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['server/src/service/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: notInService }] },
  },
  {
    files: ['server/src/service/syntax/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...notInService, ...aboveSyntax] }] },
  },
  {
    files: ['server/src/service/text/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...notInService, ...aboveText] }] },
  },
  prettier,
);
