// Preloaded (node --require, or NODE_OPTIONS) into the server and the CLI by
// the no-network tests: every way Node code can reach a network, or start a
// program that could, records the attempt and throws. The record goes to the
// file named by IMR_NETWORK_LOG, one JSON line each, before the throw, so a
// caller that swallows the exception still fails the test. The process also
// records that the guard loaded (and in which thread), so a test can tell a
// clean run from a run without the guard.
//
// Not blocked: the process's own stdio (the LSP over --stdio reads and writes
// pipes it was given, it connects nothing), worker threads (same process) and
// the file system.
'use strict';
const fs = require('node:fs');
const { threadId } = require('node:worker_threads');

const LOG = process.env.IMR_NETWORK_LOG;

function record(entry) {
  if (!LOG) return;
  fs.appendFileSync(LOG, JSON.stringify({ pid: process.pid, thread: threadId, ...entry }) + '\n');
}

function blocked(api) {
  return function () {
    const stack = new Error().stack
      .split('\n')
      .slice(2, 8)
      .map((l) => l.trim());
    record({ kind: 'attempt', api, stack });
    const err = new Error(`network access blocked by the no-network test: ${api}`);
    err.code = 'EIMRNONETWORK';
    throw err;
  };
}

function block(target, name, label) {
  if (target && typeof target[name] === 'function') {
    Object.defineProperty(target, name, { value: blocked(label), writable: true, configurable: true });
  }
}

// TCP, TLS and local sockets: every client socket goes through Socket#connect.
const net = require('node:net');
block(net, 'connect', 'net.connect');
block(net, 'createConnection', 'net.createConnection');
block(net.Socket.prototype, 'connect', 'net.Socket#connect');
block(net.Server.prototype, 'listen', 'net.Server#listen');
const tls = require('node:tls');
block(tls, 'connect', 'tls.connect');
// HTTP(S)/2: the agents hold their own reference to net.createConnection.
for (const [id, mod] of [
  ['http', require('node:http')],
  ['https', require('node:https')],
]) {
  block(mod, 'request', `${id}.request`);
  block(mod, 'get', `${id}.get`);
  block(mod, 'createServer', `${id}.createServer`);
  block(mod.Agent.prototype, 'createConnection', `${id}.Agent#createConnection`);
}
const http2 = require('node:http2');
block(http2, 'connect', 'http2.connect');
block(http2, 'createServer', 'http2.createServer');
block(http2, 'createSecureServer', 'http2.createSecureServer');
// UDP.
const dgram = require('node:dgram');
block(dgram, 'createSocket', 'dgram.createSocket');
block(dgram.Socket.prototype, 'send', 'dgram.Socket#send');
block(dgram.Socket.prototype, 'bind', 'dgram.Socket#bind');
// Name lookups leak the name looked up, even with no connection after.
const dns = require('node:dns');
for (const name of Object.keys(dns)) {
  if (/^(lookup|lookupService|resolve\w*|reverse)$/.test(name)) block(dns, name, `dns.${name}`);
}
for (const name of Object.keys(dns.promises)) {
  if (/^(lookup|lookupService|resolve\w*|reverse)$/.test(name)) block(dns.promises, name, `dns.promises.${name}`);
}
for (const R of [dns.Resolver, dns.promises.Resolver]) {
  for (const name of Object.getOwnPropertyNames(R.prototype)) {
    if (/^(resolve\w*|reverse)$/.test(name)) block(R.prototype, name, `dns.Resolver#${name}`);
  }
}
// Other programs could reach the network on our behalf; none of the tools starts one.
const cp = require('node:child_process');
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) block(cp, name, `child_process.${name}`);
// The web APIs Node provides.
for (const name of ['fetch', 'WebSocket', 'EventSource', 'XMLHttpRequest']) {
  if (name in globalThis) Object.defineProperty(globalThis, name, { value: blocked(name), writable: true, configurable: true });
}
try {
  const undici = require('undici');
  for (const name of ['fetch', 'request', 'stream', 'pipeline', 'connect']) block(undici, name, `undici.${name}`);
} catch {
  // not installed: nothing to block
}

record({ kind: 'loaded', argv: process.argv.slice(1, 3) });
