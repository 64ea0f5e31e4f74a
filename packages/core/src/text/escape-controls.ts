/**
 * Characters that must not reach a terminal or a CI log raw, because they drive the terminal or
 * change what a reader sees:
 * - C0 controls (U+0000–U+001F: ESC starts escape sequences, CR rewrites the line, LF starts a
 *   new one, which in a GitHub Actions log may be a `::workflow-command::`), DEL (U+007F) and C1
 *   controls (U+0080–U+009F: CSI and OSC without ESC, NEL as a line break);
 * - Unicode bidi controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), which reorder
 *   the text around them (Trojan Source);
 * - the line and paragraph separators U+2028 and U+2029.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/** The same set without LF, for text whose line structure is the program's own. */
// eslint-disable-next-line no-control-regex
const UNSAFE_BUT_LF = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/**
 * Workflow commands of the GitHub Actions runner, which reads every line of a step's output:
 * `::name ...::` at the start of a line once leading white space is trimmed, and the legacy
 * `##[name]` anywhere in a line (`##[add-mask]`, `##[stop-commands]`, `##[set-output ...]`).
 */
const COMMAND_AT_LINE_START = /^([^\S\n]*):(?=:)/gm;
const LEGACY_COMMAND = /##\[/g;

function visible(character: string): string {
  const code = character.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `::error::x` → `\x3a:error::x`, `##[error]` → `##\x5berror]`: what the runner no longer reads as commands. */
function disarmWorkflowCommands(text: string): string {
  return text.replace(COMMAND_AT_LINE_START, '$1\\x3a').replace(LEGACY_COMMAND, '##\\x5b');
}

/**
 * A value from the input (an object name, a file name, a message quoting a field) made safe to
 * print on a line of a terminal or a CI log: every character above is shown escaped, C0, DEL and
 * C1 as `\xHH` (`\x1b`, `\x0a`), the others as `\uHHHH` (`\u202e`); and what would make the
 * line a GitHub Actions workflow command, a `::` that starts the value (after white space) and
 * `##[`, has its first `:` or its `[` shown as `\x3a` or `\x5b`. Everything else, a backslash
 * included, is kept as it is: escaping `\` too would make the result unambiguous, but would
 * change every Windows path and regular expression quoted in a message, and the exact value is
 * in the JSON and SARIF reports anyway. Applying it twice gives the same text as once.
 */
export function escapeControls(text: string): string {
  return disarmWorkflowCommands(text.replace(UNSAFE, visible));
}

/**
 * `escapeControls` for text made of the program's own lines (standard error): line feeds are
 * kept, everything else is escaped, and no line can start a workflow command.
 */
export function escapeControlsByLine(text: string): string {
  return disarmWorkflowCommands(text.replace(UNSAFE_BUT_LF, visible));
}
