import { InputError, lint, type Finding, type RenderOptions } from '../../src';
import { HELM_MISSING_MESSAGE } from '../../src/render/helm';
import { privilegedContainer } from '../../src/rules/pod-security/privileged-container';
import { makeTree } from '../helpers';

const PRIVILEGED_POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      image: nginx:1\n      securityContext:\n        privileged: true\n';
const KUSTOMIZE_NOTICE = '--kustomize: neither kubectl nor kustomize is on the PATH; kustomizations are linted as plain files';

const brief = (f: Finding): string => `${f.file}:${f.line}:${f.column} ${f.ruleId}`;

/** Lints with no program on the PATH, collecting the notices. */
async function lintWithoutPrograms(files: Record<string, string>, paths: string[], render: RenderOptions): Promise<{ notices: string[]; findings: string[] }> {
  const cwd = makeTree(files);
  const notices: string[] = [];
  const result = await lint({ paths, cwd, rules: [privilegedContainer], render: { ...render, locate: () => null, onNotice: (message) => notices.push(message) } });
  return { notices, findings: result.findings.map(brief) };
}

describe('the notice about a missing program', () => {
  test('--helm and --kustomize with neither a chart nor a kustomization: no notice, files linted', async () => {
    const run = await lintWithoutPrograms({ 'plain/pod.yaml': PRIVILEGED_POD }, ['plain'], { helm: true, kustomize: true });
    expect(run).toEqual({ notices: [], findings: ['plain/pod.yaml:10:9 privileged-container'] });
  });

  test('a chart and no helm: an InputError saying what to install, not a notice', async () => {
    const chart = { 'Chart.yaml': 'apiVersion: v2\nname: c\nversion: 0.1.0\n', 'templates/pod.yaml': PRIVILEGED_POD };
    const files = Object.fromEntries(['one', 'two'].flatMap((name) => Object.entries(chart).map(([file, text]) => [`${name}/${file}`, text])));
    await expect(lintWithoutPrograms(files, ['.'], { helm: true, kustomize: true })).rejects.toThrow(new InputError(HELM_MISSING_MESSAGE));
  });

  test('a kustomization but no chart: only the kustomize notice, its files linted as plain files', async () => {
    const files = { 'k/kustomization.yaml': 'resources:\n  - pod.yaml\n', 'k/pod.yaml': PRIVILEGED_POD, 'plain/pod.yaml': PRIVILEGED_POD };
    const run = await lintWithoutPrograms(files, ['k', 'plain'], { helm: true, kustomize: true });
    expect(run).toEqual({ notices: [KUSTOMIZE_NOTICE], findings: ['k/pod.yaml:10:9 privileged-container', 'plain/pod.yaml:10:9 privileged-container'] });
  });

  test('a chart named as a file is not rendered, so it needs no helm and gets no notice', async () => {
    const files = { 'c/Chart.yaml': 'apiVersion: v2\nname: c\nversion: 0.1.0\n', 'c/templates/pod.yaml': PRIVILEGED_POD };
    const run = await lintWithoutPrograms(files, ['c/templates/pod.yaml'], { helm: true });
    expect(run).toEqual({ notices: [], findings: ['c/templates/pod.yaml:10:9 privileged-container'] });
  });
});
