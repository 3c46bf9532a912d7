// What may reach the editor's log (window/logMessage, shown in the "IMR
// Author" output channel). Our own messages say only an error's kind and place
// (see errors.ts). The JSON-RPC library logs too, and some of its messages end
// with the payload it failed on: a malformed message is logged whole, a
// failing handler's error message is appended. A payload can be case text, so
// a library message passes only as one of the fixed forms below, cut before
// any payload; anything else is withheld. This is deny-by-default: a message
// we have not read is not shown.
import type { ConsoleFeature } from 'vscode-languageserver/node';

/** The prefix of every message server.ts writes itself. */
export const OWN_PREFIX = 'imr: ';

export const WITHHELD = 'imr: a message from the language server library was withheld because it may quote case text';

/**
 * The library's messages whose fixed words say what happened. Each keeps its
 * first group only; method names and ids are the protocol's, not the case's,
 * and are limited to the characters a method name or id has.
 */
const LIBRARY_FORMS: RegExp[] = [
  /^(Sending (?:response|response for canceled message|notification|request|log message|TelemetryEventNotification) failed\.?)$/,
  /^(Received empty message\.)$/,
  /^(Received response message without id)[:.]/,
  /^(Received message which is neither a response nor a notification message):/,
  /^((?:Response|Notification) handler '[\w$/.-]{1,80}' failed(?: unexpectedly\.)?)(?: with message:|$)/,
  /^(Notification [\w$/.-]{1,80} defines (?:\d+ params but received (?:none|\d+ arguments)|parameters by (?:name|position) but received parameters by (?:name|position))\.?)$/,
  /^((?:Received no promise from cancellation strategy when cancelling id|Sending cancellation messages for id) [\w-]{1,40}(?: failed)?)$/,
  /^((?:Bulk (?:un)?registration|(?:Un-r|R)egistering (?:request handler|capability)(?: with id)? (?:for )?[\w$/.-]{1,80}) failed\.)$/,
  /^(Assertion failed)\b/,
];

/** The text the server may log for `message`: ours as is, a known library form without its payload, else a fixed notice. */
export function guardLogMessage(message: string): string {
  if (message.startsWith(OWN_PREFIX) && !message.includes('\n')) return message;
  for (const form of LIBRARY_FORMS) {
    const m = form.exec(message);
    if (m) return m[1] === message ? message : `${m[1]} (details withheld: they may quote case text)`;
  }
  return WITHHELD;
}

/**
 * The connection's console with every message passed through guardLogMessage.
 * The JSON-RPC library logs through this same console (and, over stdio, so
 * does console.log/error/warn), so one guard covers every log line.
 */
export const guardedConsole: ConsoleFeature<object> = (Base) =>
  class extends Base {
    override error(message: string) {
      super.error(guardLogMessage(message));
    }
    override warn(message: string) {
      super.warn(guardLogMessage(message));
    }
    override info(message: string) {
      super.info(guardLogMessage(message));
    }
    override log(message: string) {
      super.log(guardLogMessage(message));
    }
    override debug(message: string) {
      super.debug(guardLogMessage(message));
    }
  };
