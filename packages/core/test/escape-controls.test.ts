import { escapeControls, escapeControlsByLine } from '../src/text/escape-controls';

/** Every code point that escapeControls must show escaped (issue 12, finding 4). */
const UNSAFE = [
  ...Array.from({ length: 0x20 }, (_, i) => i), // C0, TAB, LF and CR included
  0x7f, // DEL
  ...Array.from({ length: 0x20 }, (_, i) => 0x80 + i), // C1, NEL (U+0085) included
  0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, // bidi controls
  0x2028, 0x2029, // line and paragraph separators
];

describe('escapeControls', () => {
  test('shows C0, DEL and C1 as \\xHH and the others as \\uHHHH', () => {
    expect(escapeControls('\u001b[2J')).toBe('\\x1b[2J');
    expect(escapeControls('a\r\n\tb\u007f\u0085\u009b')).toBe('a\\x0d\\x0a\\x09b\\x7f\\x85\\x9b');
    expect(escapeControls('abc\u202eexe.yaml')).toBe('abc\\u202eexe.yaml');
    expect(escapeControls('x\u2028y\u2029z\u061c')).toBe('x\\u2028y\\u2029z\\u061c');
    expect(escapeControls('\u001b]52;c;Zm9v\u0007')).toBe('\\x1b]52;c;Zm9v\\x07');
  });

  test.each(UNSAFE.map((code) => [code.toString(16).padStart(4, '0')]))('U+%s never comes out raw', (hex) => {
    const character = String.fromCharCode(parseInt(hex, 16));
    const escaped = escapeControls(`a${character}b`);
    expect(escaped).not.toContain(character);
    expect(escaped).toMatch(/^a\\(x[0-9a-f]{2}|u[0-9a-f]{4})b$/);
  });

  test('keeps everything else, a backslash and non-ASCII text included', () => {
    const text = 'C:\\Users\\me ^\\d+$ Déploiement › 名前 ✔ \u00a0\u200b😀';
    expect(escapeControls(text)).toBe(text);
  });

  test('is idempotent', () => {
    const once = escapeControls('\u001b[31m\u202e\n');
    expect(escapeControls(once)).toBe(once);
  });
});

describe('escapeControlsByLine', () => {
  test('keeps line feeds and escapes the rest', () => {
    expect(escapeControlsByLine('one \u001b[2J\ntwo\r\n')).toBe('one \\x1b[2J\ntwo\\x0d\n');
  });
});
