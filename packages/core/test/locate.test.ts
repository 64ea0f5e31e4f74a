import { parseFile } from '../src/parse/parse-file';
import { locate } from '../src/parse/locate';
import type { FieldPath } from '../src/types';
import { yaml } from './rule-tester';

function rangeOf(text: string, path: FieldPath, documentIndex = 0) {
  const parsed = parseFile(text);
  const document = parsed.documents.find((d) => d.index === documentIndex);
  if (!document) throw new Error(`no document ${documentIndex}`);
  return locate(document, path);
}

const deployment = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
  spec:
    template:
      spec:
        containers:
          - name: app
            image: "nginx:1.27"
            securityContext:
              privileged: true
          - image: redis
            ports: [{ containerPort: 6379 }]
`;

describe('locate: the single path → source range mapping', () => {
  test('a scalar field spans its key through its value', () => {
    expect(rangeOf(deployment, ['spec', 'template', 'spec', 'containers', 0, 'image'])).toEqual({
      range: { line: 10, column: 11, endLine: 10, endColumn: 30 },
      depth: 6,
    });
  });

  test('a block mapping value is located at its key only', () => {
    expect(rangeOf(deployment, ['spec', 'template', 'spec', 'containers', 0, 'securityContext']).range).toEqual({
      line: 11, column: 11, endLine: 11, endColumn: 26,
    });
  });

  test('a missing field falls back to the nearest existing ancestor', () => {
    const located = rangeOf(deployment, ['spec', 'template', 'spec', 'containers', 0, 'securityContext', 'readOnlyRootFilesystem']);
    expect(located.depth).toBe(6);
    expect(located.range).toMatchObject({ line: 11, column: 11 });
  });

  test('a sequence entry is located at its first key; a missing container field at that entry', () => {
    expect(rangeOf(deployment, ['spec', 'template', 'spec', 'containers', 1, 'securityContext']).range).toEqual({
      line: 13, column: 11, endLine: 13, endColumn: 23,
    });
  });

  test('flow collections are located inside the flow', () => {
    expect(rangeOf(deployment, ['spec', 'template', 'spec', 'containers', 1, 'ports', 0, 'containerPort']).range).toEqual({
      line: 14, column: 21, endLine: 14, endColumn: 40,
    });
  });

  test('the empty path is the document itself, at its first key', () => {
    expect(rangeOf(deployment, []).range).toMatchObject({ line: 1, column: 1 });
  });

  test('keys reached through an alias and a merge key point at the anchored definition', () => {
    const text = yaml`
      base: &base
        runAsUser: 1000
        runAsNonRoot: true
      pod:
        <<: *base
        fsGroup: 2000
      copy: *base
    `;
    expect(rangeOf(text, ['pod', 'runAsUser']).range).toMatchObject({ line: 2, column: 3 });
    expect(rangeOf(text, ['pod', 'fsGroup']).range).toMatchObject({ line: 6, column: 3 });
    expect(rangeOf(text, ['copy', 'runAsNonRoot']).range).toMatchObject({ line: 3, column: 3 });
  });

  test('CRLF line endings do not shift columns', () => {
    const text = 'a: 1\r\nb:\r\n  c: true\r\n';
    expect(rangeOf(text, ['b', 'c']).range).toEqual({ line: 3, column: 3, endLine: 3, endColumn: 10 });
  });

  test('positions are per document in a multi-document file', () => {
    const text = 'a: 1\n---\nb: 2\nc: 3\n';
    expect(rangeOf(text, ['c'], 1).range).toMatchObject({ line: 4, column: 1 });
  });

  test('a broken document does not shift the lines of the documents after it', () => {
    // The parser's LineCounter never saw the line break after `*a b` (it recovers from the error
    // by swallowing it), so every finding below was reported one line too high.
    const text = '*a b\n -\n---\napiVersion: v1\nkind: Pod\nspec:\n  hostPID: true\n';
    expect(parseFile(text).problems).toEqual([{ documentIndex: 0, message: 'Unexpected scalar at node end', line: 1, column: 4, endLine: 2, endColumn: 3 }]);
    expect(rangeOf(text, ['spec', 'hostPID'], 1).range).toEqual({ line: 7, column: 3, endLine: 7, endColumn: 16 });
  });

  test('a syntax error at the end of the text is located inside the text', () => {
    // The parser places some errors one past the last character; the range used to end there.
    expect(parseFile('a: [1, 2').problems).toEqual([{ documentIndex: 0, message: 'Flow sequence in block collection must be sufficiently indented and end with a ]', line: 1, column: 9, endLine: 1, endColumn: 9 }]);
    expect(parseFile('\uFEFF{').problems).toEqual([{ documentIndex: 0, message: 'Flow map must end with a }', line: 1, column: 3, endLine: 1, endColumn: 3 }]);
  });
});
