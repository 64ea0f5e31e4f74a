import type { CliIo } from '../src/io';
import { createProgress, wantsProgress } from '../src/progress';
import { commanderErrorText, describeInternalError, withSafeStderr, writeMessage } from '../src/safe-stderr';

function captured(isTTY = false): { io: CliIo; text: () => string } {
  let written = '';
  const io: CliIo = {
    cwd: '/',
    env: {},
    stdout: { write: () => true, isTTY: false },
    stderr: { write: (text: string) => (written += text), isTTY },
    readStdin: () => Promise.resolve(''),
  };
  return { io: withSafeStderr(io), text: () => written };
}

describe('the safe standard error', () => {
  test('escapes what is written but keeps line feeds, disarms workflow commands and masks URLs', () => {
    const { io, text } = captured();
    io.stderr.write('k8s-lint: a \u001b[2J\r\u202e b\n::add-mask::x\n  ::error::y ##[stop-commands]t https://u:Zq7p@h.example\n');
    expect(text()).toBe('k8s-lint: a \\x1b[2J\\x0d\\u202e b\n\\x3a:add-mask::x\n  \\x3a:error::y ##\\x5bstop-commands]t https://***@h.example\n');
  });

  test('writeMessage keeps a message on one line whatever it holds', () => {
    const { io, text } = captured();
    writeMessage(io.stderr, 'unknown rule "x\n::error title=pwn::y\u2028"');
    expect(text()).toBe('k8s-lint: unknown rule "x\\x0a::error title=pwn::y\\u2028"\n');
  });

  test('forwards isTTY, so the progress decision is unchanged', () => {
    expect(wantsProgress({ env: {}, stdout: { write: () => true, isTTY: true }, stderr: captured(true).io.stderr }, false)).toBe(true);
    expect(wantsProgress({ env: {}, stdout: { write: () => true, isTTY: true }, stderr: captured(false).io.stderr }, false)).toBe(false);
  });

  test('the progress line keeps its own CR and erase sequence', () => {
    const { io, text } = captured(true);
    const progress = createProgress(io.stderr, 2);
    progress.update(3, 3);
    progress.finish();
    expect(text()).toBe('\r\u001b[2Kk8s-lint: reading files 3/3 (100%)\r\u001b[2K');
  });
});

describe('commanderErrorText', () => {
  test('escapes the arguments it quotes, keeps its own suggestion line', () => {
    expect(commanderErrorText("error: unknown option '--x\n::error::y'\n")).toBe("error: unknown option '--x\\x0a::error::y'\n");
    expect(commanderErrorText("error: unknown option '--formt'\n(Did you mean --format?)\n")).toBe("error: unknown option '--formt'\n(Did you mean --format?)\n");
  });
});

describe('describeInternalError', () => {
  test('the message on one line, then the stack frames', () => {
    const error = new Error('bad "\u001b[2J\n::add-mask::x"');
    const lines = describeInternalError(error).split('\n');
    expect(lines[0]).toBe('Error: bad "\\x1b[2J\\x0a::add-mask::x"');
    expect(lines.length).toBeGreaterThan(1);
    for (const frame of lines.slice(1)) expect(frame).toMatch(/^\s+at /);
    expect(describeInternalError('plain \u0007')).toBe('plain \\x07');
  });
});
