/**
 * Issue 15, item 8, through the committed bundle: a Secret with a duplicate key is a yaml-syntax
 * finding and its plaintext values are still reported, at the last occurrence of the key.
 */
import { BUNDLE, lint, tempDir, writeTree } from '../guarantees/helpers';
import type { JsonReport } from '../helpers/json-report';

const SECRET = `apiVersion: v1
kind: Secret
metadata:
  name: db
  namespace: shop
type: Opaque
stringData:
  username: admin
  password: changeme
  password: hunter2-prod
`;

describe('a document with a duplicate key', () => {
  test('is a yaml-syntax finding naming the key, and its Secret values are still reported where the last value is', () => {
    const cwd = writeTree(tempDir('duplicate-keys'), { 'secret.yaml': SECRET });
    const run = lint(['.', '-f', 'json'], { cwd, entry: BUNDLE });
    expect(run.status).toBe(1);
    expect(run.stdout).not.toContain('hunter2');
    const report = JSON.parse(run.stdout) as JsonReport;
    const findings = report.findings.map(({ ruleId, line, column, endLine, endColumn, path, message }) => ({ ruleId, at: `${line}:${column}-${endLine}:${endColumn}`, path, message }));
    expect(findings).toEqual([
      { ruleId: 'plaintext-secret', at: '8:3-8:18', path: 'stringData.username', message: 'key "username" in stringData of Secret "db" is committed unencrypted' },
      { ruleId: 'plaintext-secret', at: '10:3-10:25', path: 'stringData.password', message: 'key "password" in stringData of Secret "db" is committed unencrypted' },
      { ruleId: 'yaml-syntax', at: '10:3-10:4', path: '', message: 'Map keys must be unique: key "password" is repeated' },
    ]);
    expect(report.summary).toMatchObject({ files: 1, objects: 1, errors: 3 });
  });
});
