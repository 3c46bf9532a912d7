// Finds, in a built bundle, every place that could reach a network: URL
// literals, loads of Node's network modules, dynamic loads whose target is
// computed (they could load one), and the browser's network APIs. Each finding
// is attributed to the source module it came from, using the `// path`
// comment esbuild writes before every module in a development build, so an
// allowlist can name the dependency and say why its code is never reached.

export type FindingKind =
  /** A string literal holding an absolute or protocol-relative URL. */
  | 'url'
  /** require/import/getBuiltinModule of one of Node's network or process modules. */
  | 'node-network-module'
  /** require/import/getBuiltinModule of a computed name, a require made by createRequire, a native addon or binding: could load any of the above. */
  | 'dynamic-load'
  /** fetch(), XMLHttpRequest, WebSocket, EventSource, sendBeacon, importScripts. */
  | 'web-network-api';

export interface Finding {
  kind: FindingKind;
  /** The source module, from `node_modules/` or the repository root (e.g. `node_modules/pdfkit/js/pdfkit.js`). */
  module: string;
  /** 1-based line in the bundle. */
  line: number;
  /** What matched (the URL, the module name, the API). */
  match: string;
}

/** Node modules through which code can open a connection, resolve a name or start a process that could. */
export const NETWORK_MODULES = ['net', 'tls', 'http', 'https', 'http2', 'dgram', 'dns', 'child_process', 'cluster', 'inspector', 'undici'];

const MODULE_COMMENT = /^\/\/ (\S+\.(?:[cm]?js|ts|json))$/;
const URL_IN_STRING = /(["'`])((?:https?|wss?|ftp):\/\/[^"'`\s]*|\/\/[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:[/:][^"'`\s]*)?)\1?/gi;
// require/import by name, and the two ways to load by name without them.
const LOADER = /(?<![\w$.])(__require|require|import)\s*\(\s*([^)]{0,80})\)|\b(getBuiltinModule|createRequire)\s*\(\s*([^)]{0,80})\)/g;
/** Ways past the module system to native code, which could open sockets of its own. */
const NATIVE = /\bprocess\.(binding|_linkedBinding|dlopen)\s*\(/g;
const WEB_API = /(?<![\w$.])(fetch)\s*\(|\b(XMLHttpRequest|WebSocket|EventSource|sendBeacon|importScripts)\b/g;
const COMMENT_LINE = /^\s*(\/\/|\/\*|\*)/;

/** The module a bundle line belongs to, normalised so a symlinked node_modules reads the same everywhere. */
function moduleName(path: string): string {
  const i = path.lastIndexOf('node_modules/');
  return i >= 0 ? path.slice(i) : path.replace(/^(\.\.\/)+[^/]+\//, '');
}

export interface ScanResult {
  findings: Finding[];
  /** How many module comments were seen (0 means a minified build the scan cannot attribute). */
  modules: number;
}

/** Scans one file; `file` names what comes before the first module comment (all of it, for a hand-written webview script). */
export function scanBundle(text: string, file: string): ScanResult {
  const findings: Finding[] = [];
  let module = file;
  let modules = 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const m = MODULE_COMMENT.exec(line);
    if (m) {
      module = moduleName(m[1]);
      modules++;
      continue;
    }
    // A comment cannot fetch anything; URLs in doc comments and licence headers are not findings.
    if (COMMENT_LINE.test(line)) continue;
    const at = (kind: FindingKind, match: string) => findings.push({ kind, module, line: i + 1, match });
    for (const u of line.matchAll(URL_IN_STRING)) at('url', u[2]);
    for (const l of line.matchAll(LOADER)) {
      const fn = l[1] ?? l[3];
      const arg = (l[2] ?? l[4]).trim();
      const literal = /^(["'`])(?:node:)?([^"'`]+)\1$/.exec(arg);
      if (fn === 'createRequire') {
        // A require made at run time can load anything, whatever it is called with.
        at('dynamic-load', `createRequire(${arg})`);
      } else if (literal) {
        if (NETWORK_MODULES.includes(literal[2])) at('node-network-module', literal[2]);
        else if (/\.node$/.test(literal[2])) at('dynamic-load', `${fn}(${arg})`); // a native addon
      } else if (arg !== '') {
        at('dynamic-load', `${fn}(${arg})`);
      }
    }
    for (const n of line.matchAll(NATIVE)) at('dynamic-load', `process.${n[1]}`);
    for (const w of line.matchAll(WEB_API)) at('web-network-api', w[1] ?? w[2]);
  }
  return { findings, modules };
}
