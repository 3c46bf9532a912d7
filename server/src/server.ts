// The IMR language server: a thin adapter from LSP to the language service.
// It owns documents, settings and scheduling; every answer comes from
// LanguageService. No handler lets an exception escape (see `safely`), and
// nothing here logs case text.
import {
  CodeActionKind,
  combineFeatures,
  createConnection,
  LSPErrorCodes,
  ResponseError,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction as LspCodeAction,
  type InitializeResult,
  type Range,
} from 'vscode-languageserver/node';
import { createLanguageService } from './service/languageService';
import type { ImrDocument, ServiceSettings } from './service/types';
import { fromLspDiagnostic, snippetToPlain, toLspDiagnostic, toLspEdit } from './adapters/lspConvert';
import { rulesDocPath } from './adapters/rulesDoc';
import { readSettings } from './adapters/settings';
import { describeError } from './adapters/errors';
import { guardedConsole } from './adapters/logGuard';
import { exitQuietlyOnFatal } from './adapters/fatal';
import { WorkspaceCriteria } from './workspaceCriteria';
import { lineSafeTextDocument } from './adapters/textDocuments';
import { registerServerState } from './adapters/serverState';
import { connectionOptions } from './adapters/cancellation';
import { workspaceTrustNotification, type ImrInitializationOptions, type SnippetCodeActionData, type WorkspaceTrustParams } from './protocol';

// An error that escapes every handler stops the server without printing its message (see fatal.ts).
exitQuietlyOnFatal(process, (line) => process.stderr.write(line));
// Every log line, ours or the JSON-RPC library's, passes the guard (see logGuard.ts).
const connection = createConnection(combineFeatures(ProposedFeatures.all, { __brand: 'features', console: guardedConsole }), connectionOptions);
// Incremental changes applied line-ending-safely (adapters/textDocuments.ts): the library's own update goes a line off on a split "\r\n".
const documents = new TextDocuments(lineSafeTextDocument);
/** The code-action kind of the service's fix-all action (features/fixAll.ts), under LSP's source.fixAll. */
const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.imr`;
// The service's own contained bugs go to the log by kind and place only (describeError), like a handler's.
const service = createLanguageService({
  logger: { contained: (place, err) => connection.console.error(`imr: ${place} failed (contained): ${describeError(err)}`) },
});
const workspaceCriteria = new WorkspaceCriteria(connection, service, documents);
let hasConfigurationPull = false;
let snippetSupport = false;
// The rules page shipped beside the server, linked from each diagnostic's code
// when the client can show such links (undefined otherwise).
let rulesDoc: string | undefined;
let settings: ServiceSettings = { rules: {} };

/** Runs a handler; on any exception logs only the error's kind and place (see describeError) and answers `fallback`. */
function safely<A extends unknown[], R>(name: string, fallback: R, fn: (...args: A) => R | Promise<R>) {
  return async (...args: A): Promise<R> => {
    try {
      return await fn(...args);
    } catch (err) {
      connection.console.error(`imr: ${name} failed: ${describeError(err)}`);
      return fallback;
    }
  };
}

function asImrDocument(uri: string): ImrDocument | undefined {
  const doc = documents.get(uri);
  if (!doc || !isCase(uri, doc.languageId)) return undefined;
  return { uri, version: doc.version, text: doc.getText() };
}

function isCase(uri: string, languageId: string): boolean {
  return languageId === 'imr' || /\.imr$/i.test(uri);
}

connection.onInitialize(
  safely('initialize', {} as InitializeResult, (params) => {
    hasConfigurationPull = !!params.capabilities.workspace?.configuration;
    snippetSupport = !!params.capabilities.textDocument?.completion?.completionItem?.snippetSupport;
    rulesDoc = params.capabilities.textDocument?.publishDiagnostics?.codeDescriptionSupport ? rulesDocPath() : undefined;
    workspaceCriteria.setRoots(params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []));
    // Only an explicit `false` (VS Code's Restricted Mode) drops the workspace's criteria files.
    workspaceCriteria.setTrusted((params.initializationOptions as ImrInitializationOptions | undefined)?.workspaceTrusted !== false);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['#', ':', ' ', '['], resolveProvider: false },
        hoverProvider: true,
        inlayHintProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentFormattingProvider: true,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.Refactor, FIX_ALL_KIND] },
      },
      serverInfo: { name: 'imr-language-server', version: '0.1.0' },
    };
  }),
);

connection.onInitialized(
  safely('initialized', undefined, async () => {
    await refreshSettings();
    await workspaceCriteria.loadFromDisk();
    // Cases opened before the settings and workspace criteria arrived were
    // checked without them (the editor reopens the last session's files at once).
    for (const d of documents.all()) schedule(d.uri);
  }),
);

connection.onDidChangeConfiguration(
  safely('configuration', undefined, async (change) => {
    await refreshSettings(change.settings?.imr);
    for (const d of documents.all()) schedule(d.uri);
  }),
);

async function refreshSettings(pushed?: unknown): Promise<void> {
  let imr: unknown = pushed;
  if (hasConfigurationPull) {
    imr = await connection.workspace.getConfiguration({ section: 'imr' });
  }
  settings = readSettings(imr);
  service.settings = settings;
}

// Diagnostics are computed after a change, coalescing a burst of edits into
// one analysis of the latest text. vscode-jsonrpc dispatches one queued
// message per turn of the event loop, so the keys typed during an analysis are
// handed to the server one turn at a time after it: an analysis therefore
// starts only once two turns in a row have dispatched no change (`settled`),
// and then reads every key typed so far. Started on the next turn instead, it
// read one more key each time while the rest queued, and the backlog grew
// (measured: p95 396 ms at a key every 20 ms into the 2,000-line case, and
// seconds when tried again without the wait below).
// A long run (LONG_RUN_MS or more) also waits, unless the last one ended at
// least its own duration ago (capped at 150 ms), so the server spends at most
// about half its time analysing a long case while keys arrive faster than it
// can keep up. A shorter run does not: it is done before a fast typist's next
// key, and waiting as long again after it only delayed the next result: with
// runs of D, a key typed during a run was answered 2-3 D later instead of
// 1-2 D, most of the p95 at a key every 20 ms into the 2,000-line case, where a
// run takes about 25 ms.
// This is a throttle, not a debounce: a typist's keys leave idle turns between
// them, so a pending analysis is not pushed back by further keys and fast
// typing still sees results; only changes dispatched on consecutive turns (a
// queued burst) hold it until they are all in.
// A run lasts until its diagnostics are written, not only analysed: a change
// that comes while a run is under way marks it to run once more at its end.
// Sending is asynchronous and a large case's diagnostics are megabytes of
// JSON, so starting a new analysis while the last one's are still being
// written queued one message per key behind the editor's reading: measured on
// the 20,000-line case at a key every 100 ms, analyses took 130-450 ms while
// each message waited 1-4.6 s to go out, and the editor saw every stale
// version in turn.
const LONG_RUN_MS = 100;
const pending = new Map<string, NodeJS.Timeout | NodeJS.Immediate>();
const running = new Map<string, { again: boolean }>();
const lastRun = new Map<string, { end: number; duration: number }>();
/** Changes dispatched so far, of every document: `settled` waits for a turn of the event loop that adds none. */
let changesDispatched = 0;

function cancel(uri: string) {
  const old = pending.get(uri);
  if (old) {
    clearTimeout(old as NodeJS.Timeout);
    clearImmediate(old as NodeJS.Immediate);
  }
  pending.delete(uri);
}

/** Calls `fn` once two turns of the event loop in a row have dispatched no change; `pending` holds the turn waited for, so `cancel` stops it. */
function settled(uri: string, fn: () => void) {
  let seen = changesDispatched;
  let quiet = 0;
  const turn = () => {
    if (changesDispatched !== seen) {
      seen = changesDispatched;
      quiet = 0;
    } else if (++quiet >= 2) {
      fn();
      return;
    }
    pending.set(uri, setImmediate(turn));
  };
  pending.set(uri, setImmediate(turn));
}

function schedule(uri: string) {
  if (pending.has(uri)) return; // the pending analysis will read the latest text
  const inFlight = running.get(uri);
  if (inFlight) {
    inFlight.again = true; // the run under way reads its text already; the next one reads this change
    return;
  }
  const run = () => {
    pending.delete(uri);
    const started = performance.now();
    const state = { again: false };
    running.set(uri, state);
    void validate(uri).finally(() => {
      running.delete(uri);
      // Closed while its diagnostics were being sent: keep nothing for it.
      if (!documents.get(uri)) return;
      const end = performance.now();
      lastRun.set(uri, { end, duration: end - started });
      if (state.again) schedule(uri);
    });
  };
  const last = lastRun.get(uri);
  const wait = last && last.duration >= LONG_RUN_MS ? Math.min(last.duration, 150) - (performance.now() - last.end) : 0;
  if (wait < 1) settled(uri, run);
  else pending.set(uri, setTimeout(settled, wait, uri, run));
}

registerServerState(connection, () => ({
  documents: documents.keys().length,
  pending: pending.size,
  running: running.size,
  throttle: lastRun.size,
  analyses: service.cachedDocuments,
}));

const validate = safely('diagnostics', undefined, async (uri: string) => {
  const doc = documents.get(uri);
  if (!doc) return;
  if (workspaceCriteria.handles(uri)) {
    workspaceCriteria.update();
    for (const d of documents.all()) if (isCase(d.uri, d.languageId)) schedule(d.uri);
    return;
  }
  if (!isCase(uri, doc.languageId)) return;
  // The document object is updated in place by later edits: take its version
  // together with its text, and label the diagnostics with that version.
  const version = doc.version;
  const text = doc.getText();
  // A file over the size limit, or binary, gets its one explanatory diagnostic from the service without being parsed.
  const diagnostics = service.getDiagnostics({ uri, version, text }, settings);
  // Analysis is synchronous today, so nothing can change the document between
  // reading it and sending; should it ever yield, diagnostics of a version the
  // editor has moved past, or of a closed document, must not be shown.
  const current = documents.get(uri);
  if (current !== doc || current.version !== version) return;
  await connection.sendDiagnostics({ uri, version, diagnostics: diagnostics.map((d) => toLspDiagnostic(d, uri, rulesDoc)) });
});

documents.onDidChangeContent((e) => {
  changesDispatched++;
  schedule(e.document.uri);
});
documents.onDidClose(
  safely('close', undefined, (e) => {
    cancel(e.document.uri);
    lastRun.delete(e.document.uri);
    service.forget(e.document.uri);
    if (workspaceCriteria.handles(e.document.uri)) workspaceCriteria.update();
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  }),
);

// The user trusted the workspace (the client's onDidGrantWorkspaceTrust): its
// criteria files now count, and every open case is checked again with them.
connection.onNotification(
  workspaceTrustNotification,
  // Typed, but read as the JSON it arrives as: only an explicit `false` keeps the criteria out.
  safely('workspace trust', undefined, async (params: Partial<Record<keyof WorkspaceTrustParams, unknown>> | undefined) => {
    workspaceCriteria.setTrusted(params?.trusted !== false);
    await workspaceCriteria.loadFromDisk();
    for (const d of documents.all()) schedule(d.uri);
  }),
);

connection.onDidChangeWatchedFiles(
  safely('watched files', undefined, async () => {
    await workspaceCriteria.loadFromDisk();
    for (const d of documents.all()) schedule(d.uri);
  }),
);

/** Feature requests on oversized or binary documents answer nothing rather than work on garbage. */
function caseFor(uri: string): ImrDocument | undefined {
  const doc = asImrDocument(uri);
  return doc && !service.refusal(doc) ? doc : undefined;
}

connection.onDocumentSymbol(
  safely('symbols', [], (p) => {
    const doc = caseFor(p.textDocument.uri);
    return doc ? service.getDocumentSymbols(doc) : [];
  }),
);

connection.onFoldingRanges(
  safely('folding', [], (p) => {
    const doc = caseFor(p.textDocument.uri);
    return doc ? service.getFoldingRanges(doc) : [];
  }),
);

connection.onCompletion(
  safely('completion', [], (p) => {
    const doc = caseFor(p.textDocument.uri);
    if (!doc) return [];
    const items = service.getCompletions(doc, p.position);
    // Clients without snippet support get the placeholders' default text.
    return snippetSupport
      ? items
      : items.map((i) =>
          i.insertTextFormat === 2 && i.textEdit
            ? { ...i, textEdit: { ...i.textEdit, newText: snippetToPlain(i.textEdit.newText) }, insertTextFormat: 1 as const }
            : i,
        );
  }),
);

connection.onHover(
  safely('hover', null, (p) => {
    const doc = caseFor(p.textDocument.uri);
    return (doc && service.getHover(doc, p.position)) ?? null;
  }),
);

connection.languages.inlayHint.on(
  safely('inlay hints', [], (p) => {
    const doc = caseFor(p.textDocument.uri);
    if (!doc) return [];
    const inRange = (pos: { line: number }) => pos.line >= p.range.start.line && pos.line <= p.range.end.line;
    return service
      .getInlayHints(doc)
      .filter((h) => inRange(h.position))
      .map((h) => ({ position: h.position, label: h.label, tooltip: h.tooltip, paddingLeft: true }));
  }),
);

connection.onDefinition(
  safely('definition', null, (p) => {
    const doc = caseFor(p.textDocument.uri);
    return (doc && service.getDefinition(doc, p.position)) ?? null;
  }),
);

connection.onReferences(
  safely('references', [], (p) => {
    const doc = caseFor(p.textDocument.uri);
    return doc ? service.getReferences(doc, p.position, p.context.includeDeclaration) : [];
  }),
);

connection.onDocumentFormatting(
  safely('formatting', [], (p) => {
    const doc = caseFor(p.textDocument.uri);
    // The case's own indent unit is kept (the editor's tab size is for files without one).
    return doc ? service.formatDocument(doc).map(toLspEdit) : [];
  }),
);

connection.onPrepareRename(
  safely('prepare rename', null, (p) => {
    const doc = caseFor(p.textDocument.uri);
    return (doc && service.prepareRename(doc, p.position)) ?? null;
  }),
);

connection.onRenameRequest(
  safely('rename', null, (p) => {
    const doc = caseFor(p.textDocument.uri);
    if (!doc) return null;
    const edits = service.rename(doc, p.position, p.newName);
    if (edits) return { changes: { [doc.uri]: edits.map(toLspEdit) } };
    // A refused name (taken, or not a label name) answers with the reason, which
    // the editor shows; a silent null would leave the author guessing.
    const why = service.validateRename(doc, p.position, p.newName);
    return why ? new ResponseError(LSPErrorCodes.RequestFailed, why) : null;
  }),
);

connection.onCodeAction(
  safely('code actions', [], (p) => {
    const doc = caseFor(p.textDocument.uri);
    if (!doc) return [];
    // Fix All and codeActionsOnSave ask for source.fixAll only: one action, the safe fixes of the whole document.
    const only = p.context.only;
    if (only && only.some((k) => FIX_ALL_KIND === k || FIX_ALL_KIND.startsWith(`${k}.`))) {
      const all = service.getFixAll(doc);
      return all ? [{ title: all.title, kind: FIX_ALL_KIND, edit: { changes: { [doc.uri]: all.edits.map(toLspEdit) } } }] : [];
    }
    // An editor asking for some kinds only (the Refactor menu asks for refactor) gets those: a kind matches its own prefixes.
    const wanted = (kind: string) => !only || only.some((k) => k === '' || k === kind || kind.startsWith(`${k}.`));
    if (!wanted(CodeActionKind.QuickFix) && !wanted(CodeActionKind.Refactor)) return [];
    const diagnostics = p.context.diagnostics.filter((d) => d.source === 'imr').map(fromLspDiagnostic);
    const actions = service.getCodeActions(doc, p.range, diagnostics).filter((a) => wanted(a.kind === 'quickfix' ? CodeActionKind.QuickFix : a.kind));
    return actions.map((a): LspCodeAction => {
      const snippet = a.edits.some((e) => e.snippet);
      return {
        title: a.title,
        kind: a.kind === 'quickfix' ? CodeActionKind.QuickFix : a.kind,
        isPreferred: a.isPreferred,
        diagnostics: p.context.diagnostics.filter((d) => a.diagnostics?.some((x) => sameDiagnostic(x, d))),
        edit: { changes: { [doc.uri]: a.edits.map(toLspEdit) } },
        // Clients that can (our VS Code client) swap the plain edit for this snippet.
        data: snippet ? ({ imrSnippetEdits: a.edits } satisfies SnippetCodeActionData) : undefined,
      };
    });
  }),
);

function sameDiagnostic(a: { code: string; message: string; range: Range }, b: { code?: unknown; message: string; range: Range }): boolean {
  return (
    a.code === b.code &&
    a.message === b.message &&
    a.range.start.line === b.range.start.line &&
    a.range.start.character === b.range.start.character &&
    a.range.end.line === b.range.end.line &&
    a.range.end.character === b.range.end.character
  );
}

documents.listen(connection);
connection.listen();
