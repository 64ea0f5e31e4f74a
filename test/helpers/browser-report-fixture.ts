/**
 * The repository the HTML report tests lint: errors, warnings, notes and a suppressed finding
 * in two files, hostile markup in an object name, an image (quoted by a message) and a
 * file name, and secret values that the page must not show.
 */
export const HOSTILE = '<img src=x onerror=alert(1)>';
export const HOSTILE_IMAGE = '<img src=x onerror=alert(2)>';
export const SECRET = 'Zq7HtmlReportSecret-4f9k2';

export const HTML_FIXTURE: Record<string, string> = {
  'apps/pod.yaml': [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    `  name: "${HOSTILE}"`,
    '  namespace: shop',
    'spec:',
    '  containers:',
    '    - name: web',
    '      image: nginx:latest',
    '      securityContext:',
    '        privileged: true',
    '      env:',
    '        - name: DB_PASSWORD',
    `          value: ${SECRET}`,
    '',
  ].join('\n'),
  [`${HOSTILE}.yaml`]: [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: quoted',
    '  namespace: shop',
    'spec:',
    '  containers:',
    '    - name: a',
    `      image: "${HOSTILE_IMAGE}"`,
    '      securityContext:',
    '        # k8s-lint-disable-next-line privileged-container',
    '        privileged: true',
    '',
  ].join('\n'),
  // Notes too: this rule is a warning by default.
  '.k8s-lint.yaml': 'rules:\n  missing-resource-limits: note\n',
};
