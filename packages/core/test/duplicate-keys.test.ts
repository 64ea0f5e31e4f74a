/**
 * A document with a duplicate key is a yaml-syntax finding (kustomize refuses it) and is still
 * linted with the last value of each key, at the positions of that last occurrence, so that what
 * it leaks is reported.
 */
import { lint, type Finding } from '../src';
import { locate } from '../src/parse/locate';
import { parseFile } from '../src/parse/parse-file';
import { privilegedContainer } from '../src/rules/pod-security/privileged-container';
import { plaintextSecret } from '../src/rules/secrets/plaintext-secret';
import { yamlSyntax } from '../src/rules/syntax/yaml-syntax';
import { yaml } from './rule-tester';

const rules = [plaintextSecret, privilegedContainer, yamlSyntax] as const;

const brief = (f: Finding): string => `${f.line}:${f.column} ${f.ruleId} ${f.path} ${f.message}`;

async function lintText(text: string): Promise<string[]> {
  const result = await lint({ paths: ['-'], cwd: process.cwd(), stdinText: text, rules });
  return result.findings.map(brief);
}

describe('duplicate keys: a yaml-syntax finding, and the document linted with the last values', () => {
  test('a Secret whose data repeats "password": the last value is reported where it is written', async () => {
    const secret = yaml`
      apiVersion: v1
      kind: Secret
      metadata:
        name: db
      data:
        password: ""
        user: YWRtaW4=
        password: cXVvYnl0ZQ==
    `;
    expect(await lintText(secret)).toEqual([
      '7:3 plaintext-secret data.user key "user" in data of Secret "db" is committed unencrypted',
      '8:3 plaintext-secret data.password key "password" in data of Secret "db" is committed unencrypted',
      '8:3 yaml-syntax  Map keys must be unique: key "password" is repeated',
    ]);
  });

  test('a repeated top-level key (the Secret of kubernetes/examples\' quobyte provisioner) leaves its data reported', async () => {
    const secret = yaml`
      apiVersion: v1
      kind: Secret
      metadata:
        name: quobyte-admin-secret
      type: "kubernetes.io/quobyte"
      data:
        password: cXVvYnl0ZQ==
      type: kubernetes.io/quobyte
    `;
    expect(await lintText(secret)).toEqual([
      '7:3 plaintext-secret data.password key "password" in data of Secret "quobyte-admin-secret" is committed unencrypted',
      '8:1 yaml-syntax  Map keys must be unique: key "type" is repeated',
    ]);
  });

  test('flow style, two duplicates: one yaml-syntax finding (the first), and the last values count', async () => {
    const pod = yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: web, name: web-2 }
      spec:
        containers:
          - name: app
            securityContext: { privileged: false, privileged: true }
    `;
    const result = await lint({ paths: ['-'], cwd: process.cwd(), stdinText: pod, rules });
    expect(result.findings.map(brief)).toEqual([
      '3:24 yaml-syntax  Map keys must be unique: key "name" is repeated',
      '7:45 privileged-container spec.containers[0].securityContext.privileged container "app" is privileged',
    ]);
    expect(result.findings[1]?.object?.name).toBe('web-2');
  });

  test('a duplicate key before another syntax error: one finding, the document is not linted', async () => {
    const secret = yaml`
      apiVersion: v1
      kind: Secret
      metadata: { name: s }
      data:
        token: dG9rZW4=
        token: dG9rZW4=
        broken: [unclosed
    `;
    expect(await lintText(secret)).toEqual(['6:3 yaml-syntax  Map keys must be unique: key "token" is repeated']);
  });
});

describe('duplicate keys when parsing and locating', () => {
  test('the value holds the last of each key, and paths locate that last occurrence', () => {
    const text = yaml`
      a: 1
      b:
        c: first
      a: 2
      b:
        c: last
        c: really last
    `;
    const parsed = parseFile(text);
    expect(parsed.problems).toEqual([{ documentIndex: 0, message: 'Map keys must be unique: key "a" is repeated', line: 4, column: 1, endLine: 4, endColumn: 2 }]);
    const document = parsed.documents[0];
    if (!document) throw new Error('the document was dropped');
    expect(document.value).toEqual({ a: 2, b: { c: 'really last' } });
    expect(locate(document, ['a']).range).toEqual({ line: 4, column: 1, endLine: 4, endColumn: 5 });
    expect(locate(document, ['b', 'c']).range).toEqual({ line: 7, column: 3, endLine: 7, endColumn: 17 });
  });

  test('keys that differ as YAML values but not as text (1 and "1") resolve to the later one', () => {
    const parsed = parseFile('1: one\n"1": two\n');
    expect(parsed.problems).toEqual([]);
    const document = parsed.documents[0];
    if (!document) throw new Error('the document was dropped');
    expect(document.value).toEqual({ 1: 'two' });
    expect(locate(document, ['1']).range).toEqual({ line: 2, column: 1, endLine: 2, endColumn: 9 });
  });

  test('the message quotes the key as JSON and shortens a long one', () => {
    const long = 'k'.repeat(100);
    expect(parseFile(`${long}: 1\n${long}: 2\n`).problems[0]?.message).toBe(`Map keys must be unique: key "${'k'.repeat(60)}…" is repeated`);
    expect(parseFile('"a\\"b\\u0007": 1\n"a\\"b\\u0007": 2\n').problems[0]?.message).toBe('Map keys must be unique: key "a\\"b\\u0007" is repeated');
  });
});
