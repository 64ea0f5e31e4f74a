import { escapeControls, escapeControlsByLine, maskUrlsIn } from '@k8s-lint/core';
import type { CliIo } from './io';

type Stream = CliIo['stderr'];

/** The stream behind a safe one, for the progress line's own terminal control. */
const RAW = Symbol('raw stderr');

type SafeStream = Stream & { [RAW]: Stream };

/**
 * The one place everything on standard error goes through. Messages quote file names, config
 * values, rule ids and program output, which can hold escape sequences, CR, bidi overrides or a
 * line feed followed by `::add-mask::` (a workflow command in a GitHub Actions log). What is
 * written is shown escaped (`\x1b`, `\u202e`, see core's escapeControls) except line feeds,
 * which are the CLI's own line structure; URLs in it are masked. Messages that hold input must
 * go through `writeMessage`, which escapes their line feeds too, so that input never starts a
 * line. Called once, at the start of `main`.
 */
export function withSafeStderr(io: CliIo): CliIo {
  const raw = io.stderr;
  const stderr: SafeStream = {
    write: (text: string) => raw.write(safeText(text)),
    get isTTY() {
      return raw.isTTY;
    },
    [RAW]: raw,
  };
  return { ...io, stderr };
}

function safeText(text: string): string {
  // Escaped first: the masker then sees an escaped line feed as part of the URL around it.
  return maskUrlsIn(escapeControlsByLine(text));
}

/** `k8s-lint: <message>` on one line of standard error, whatever the message holds. */
export function writeMessage(stderr: Stream, message: string): void {
  stderr.write(`k8s-lint: ${escapeControls(message)}\n`);
}

/**
 * A usage error of commander, which quotes the arguments: one message, then perhaps its own
 * `(Did you mean …?)` line; any other line feed comes from an argument and is shown escaped.
 */
export function commanderErrorText(text: string): string {
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  const suggestion = /\n(\(Did you mean [^\n]*\?\))$/.exec(body);
  const message = suggestion ? body.slice(0, suggestion.index) : body;
  return `${escapeControls(message)}${suggestion ? `\n${escapeControls(suggestion[1] ?? '')}` : ''}\n`;
}

/**
 * An unexpected error with its stack: the first line (the message, which may quote input) is
 * escaped whole, each frame of the stack is a line of its own.
 */
export function describeInternalError(error: unknown): string {
  if (!(error instanceof Error)) return escapeControls(String(error));
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  return [escapeControls(`${error.name}: ${error.message}`), ...frames.map(escapeControls)].join('\n');
}

/** The unescaped stream behind `stderr` (itself when it is not a safe one), for terminal control of the CLI's own. */
export function terminalOf(stderr: Stream): Stream {
  return RAW in stderr ? (stderr as SafeStream)[RAW] : stderr;
}
