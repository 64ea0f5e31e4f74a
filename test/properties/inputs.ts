/** Arbitrary input texts and files: unicode noise and YAML-ish text built to reach the parser's corners. */
import fc from 'fast-check';
import { distinctDocumentsArb, renderFile, styleArb } from './manifests';

const FRAGMENTS = [
  'apiVersion: v1', 'apiVersion: apps/v1', 'apiVersion: networking.k8s.io/v1', 'kind: Pod', 'kind: Deployment', 'kind: List', 'kind: PodList', 'kind: Service',
  'items:', 'metadata:', 'name: web', 'namespace: prod', 'labels: {app: web}', 'annotations:', 'k8s-lint.io/ignore: "*"', 'k8s-lint.io/ignore: privileged-container',
  'spec:', 'template:', 'containers:', 'initContainers:', '- name: app', 'image: nginx:latest', 'image:', 'securityContext:', 'privileged: true', 'runAsUser: 0',
  'hostPath: {path: /}', 'volumes:', 'ports: [{containerPort: 80, hostPort: 80}]', 'selector:', 'podSelector: {}',
  '---', '...', '--- |', '--- >', '---\n', '\n---\n', '\n...\n',
  '&a ', '&b ', '*a', '*b', '*undefined', '&a [*a]', '<<: *a', '<<: [*a, *b]', '<<:', '<<: {a: 1}', '&x {a: *x}',
  '? ', ': ', '- ', '-', ':', '{', '}', '[', ']', ',', '"', "'", '|', '|-', '>+', '>2', '#', ' # comment', '# k8s-lint-disable-next-line', '# k8s-lint-disable-next-line privileged-container -- why',
  '# Source: chart/templates/x.yaml', '!!str ', '!!int ', '!!map ', '!!seq ', '!!binary ', '!!timestamp ', '!!set ', '!!omap ', '!custom ', '!<tag:yaml.org,2002:str> ', '!!python/object ',
  '%YAML 1.1\n', '%YAML 1.2\n---\n', '%YAML 9.9\n---\n', '%TAG ! tag:example.com,2000:\n---\n', '%FOO bar\n',
  '{{ .Values.image }}', '{{- if .Values.enabled }}', '{{ end }}', 'null', '~', 'yes', 'on', 'NO', '0x1F', '0o17', '010', '1:20:30', '1e400', '.inf', '-.NaN', '12345678901234567890',
  '2001-12-14t21:59:43.10-05:00', '=', '@', '`', '%', '\\', '\\u00e9', '"\\x41\\u263A\\U0001F600"', '"\\', "'it''s'",
  '\t', ' ', '  ', '    ', '\n', '\n', '\n', '\r\n', '\r', '\f', '\v', '\uFEFF', '\u2028', '\u2029', '\u0085', '\u00A0', '\u0000', '\u001b[31m', '\uFFFD', '\uFFFF',
  'é', 'ü', '🚀', '\uD83D', '\uDE80', 'ש', '\u202E', '\u0301',
];

const fragment = fc.constantFrom(...FRAGMENTS);

/** Collections nested `n` deep, in the spellings that each take the parser down a level. */
const deep: fc.Arbitrary<string> = fc.tuple(fc.integer({ min: 1, max: 700 }), fc.integer({ min: 0, max: 8 })).map(([n, shape]) => {
  switch (shape) {
    case 0: return '['.repeat(n);
    case 1: return `${'['.repeat(n)}${']'.repeat(n)}`;
    case 2: return `${'{a: '.repeat(n)}1${'}'.repeat(n)}`;
    case 3: return `${'- '.repeat(n)}x`;
    case 4: return Array.from({ length: n }, (_, i) => `${' '.repeat(i)}a:`).join('\n');
    case 5: return Array.from({ length: n }, (_, i) => `${' '.repeat(i)}-`).join('\n');
    case 6: return `${'? '.repeat(n)}k`;
    case 7: return `${'!!map {'.repeat(n)}${'}'.repeat(n)}`;
    default: return `${'&a ['.repeat(Math.min(n, 300))}*a${']'.repeat(Math.min(n, 300))}`;
  }
});

/** "Billion laughs": each level names the previous one `width` times. */
const aliasBomb: fc.Arbitrary<string> = fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 2, max: 10 })).map(([levels, width]) => {
  const lines = [`l0: &l0 [${Array.from({ length: width }, () => 'lol').join(', ')}]`];
  for (let level = 1; level <= levels; level++) lines.push(`l${level}: &l${level} [${Array.from({ length: width }, () => `*l${level - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
});

const repeated: fc.Arbitrary<string> = fc.tuple(fragment, fc.integer({ min: 2, max: 2000 })).map(([text, times]) => text.repeat(times));

/** Text made of manifest fragments, syntax, whitespace, line breaks and deep nesting. */
export const yamlishText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 12, arbitrary: fragment },
      { weight: 2, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 12 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
      { weight: 1, arbitrary: deep },
      { weight: 1, arbitrary: aliasBomb },
      { weight: 1, arbitrary: repeated },
    ),
    { maxLength: 80 },
  )
  .map((parts) => parts.join(''));

/** A generated manifest, then cut and spliced with fragments: almost valid YAML. */
export const damagedManifest: fc.Arbitrary<string> = fc
  .tuple(distinctDocumentsArb(3), styleArb, fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat({ max: 12 }), fc.oneof(fragment, fc.constant(''))), { minLength: 1, maxLength: 6 }))
  .map(([documents, style, edits]) => {
    let text = renderFile(documents, style);
    for (const [at, remove, insert] of edits) {
      const offset = Math.floor(at * text.length);
      text = `${text.slice(0, offset)}${insert}${text.slice(offset + remove)}`;
    }
    return text;
  });

/** Any UTF-16 string, lone surrogates included. */
const codeUnits: fc.Arbitrary<string> = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)), maxLength: 200 });

/** Any text at all: unicode noise, YAML-ish text, damaged manifests; now and then after a byte order mark or two. */
export const anyText: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('', '', '', '\uFEFF', '\uFEFF\uFEFF'),
    fc.oneof(
      { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
      { weight: 1, arbitrary: codeUnits },
      { weight: 5, arbitrary: yamlishText },
      { weight: 3, arbitrary: damagedManifest },
    ),
  )
  .map(([bom, text]) => bom + text);

/** The bytes of a file: text as UTF-8 or UTF-16 (with its BOM), or raw bytes. */
export const fileBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  { weight: 6, arbitrary: anyText.map((text) => Buffer.from(text, 'utf8')) },
  { weight: 1, arbitrary: anyText.map((text) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])) },
  { weight: 1, arbitrary: anyText.map((text) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()])) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }) },
  // A byte order mark and then anything, of any length.
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom([0xff, 0xfe], [0xfe, 0xff], [0xef, 0xbb, 0xbf]), fc.uint8Array({ maxLength: 41 })).map(([bom, rest]) => Buffer.concat([Buffer.from(bom), rest])) },
  // Valid text with invalid UTF-8 sequences spliced in.
  { weight: 1, arbitrary: fc.tuple(anyText, fc.constantFrom([0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xff], [0x80])).map(([text, bad]) => Buffer.concat([Buffer.from(text, 'utf8'), Buffer.from(bad), Buffer.from(text, 'utf8')])) },
);

/** The text the engine reads from a file's bytes (core's load/decode.ts, restated). */
export function decodedText(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes);
  if (buffer.length >= 2 && ((buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff))) {
    const body = Buffer.from(buffer.subarray(2, buffer.length - (buffer.length % 2)));
    if (buffer[0] === 0xfe) body.swap16();
    return body.toString('utf16le');
  }
  if (buffer.includes(0)) return '';
  return buffer.toString('utf8');
}
