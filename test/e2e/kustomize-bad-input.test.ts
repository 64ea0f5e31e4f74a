/**
 * `--kustomize` on kustomizations kubectl cannot build, with the real kubectl, through the
 * committed bundle: a missing file or directory, an unreadable kustomization and a cycle are each
 * one render-error at the entry (or file) that causes it, found before kubectl runs, and the
 * kustomizations that reach them are not rendered. Cycles that no root reaches are reported too.
 */
import { existsSync } from 'node:fs';
import { BUNDLE, describeIf, jsonFindings, kubectlOnPath, lint, PRIVILEGED_POD, tempDir, writeTree } from '../guarantees/helpers';

const kubectl = kubectlOnPath();

/** Runs the bundle on `files` with --kustomize and JSON output. */
function lintTree(prefix: string, files: Record<string, string>, format = 'json'): { status: number | null; stdout: string; stderr: string } {
  const cwd = writeTree(tempDir(prefix), files);
  return lint(['.', '--kustomize', '--format', format], { cwd, entry: BUNDLE });
}

/** Every finding as `rule file:line:column message`. */
function placed(stdout: string): string[] {
  return jsonFindings(stdout).map((f) => `${f.ruleId} ${f.file}:${f.line}:${f.column} ${f.message}`);
}

function summaryOf(stdout: string): { files: number; objects: number; findings: number } {
  return (JSON.parse(stdout) as { summary: { files: number; objects: number; findings: number } }).summary;
}

describeIf(kubectl !== null, 'k8s-lint --kustomize on bad kustomizations (real kubectl, committed bundle)', 'kubectl is not on the PATH')(() => {
  test('a base listing a missing file: one render-error at base/kustomization.yaml 2:5, the overlay not rendered (no kubectl error at 1:1)', () => {
    expect(existsSync(BUNDLE)).toBe(true);
    const run = lintTree('bad-input-missing', {
      // Line 2 is `  - missing.yaml`: the entry's value starts at column 5.
      'base/kustomization.yaml': 'resources:\n  - missing.yaml\n',
      'overlay/kustomization.yaml': 'resources:\n  - ../base\n',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    expect(placed(run.stdout)).toEqual(['render-error base/kustomization.yaml:2:5 resources entry "missing.yaml": no such file or directory in base: not rendered']);
    expect(summaryOf(run.stdout)).toMatchObject({ objects: 0, findings: 1 });
  });

  test('two overlays reaching the same broken base: the render-error once; a clean sibling is still rendered', () => {
    const run = lintTree('bad-input-shared', {
      'base/kustomization.yaml': 'resources:\n  - pod.yaml\n  - gone.yaml\n',
      'base/pod.yaml': PRIVILEGED_POD,
      'prod/kustomization.yaml': 'resources:\n  - ../base\n',
      'staging/kustomization.yaml': 'namespace: staging\nresources:\n  - ../base\n',
      'clean/kustomization.yaml': 'resources:\n  - pod.yaml\n',
      'clean/pod.yaml': PRIVILEGED_POD,
    });
    expect(run.status).toBe(1);
    const findings = placed(run.stdout);
    // Line 3 of base/kustomization.yaml is `  - gone.yaml`.
    expect(findings.filter((f) => f.startsWith('render-error'))).toEqual(['render-error base/kustomization.yaml:3:5 resources entry "gone.yaml": no such file or directory in base: not rendered']);
    // Line 10 of the pod is `        privileged: true`; only the clean root renders it.
    expect(findings.filter((f) => f.startsWith('privileged-container'))).toEqual(['privileged-container clean/pod.yaml:10:9 container "a" is privileged']);
  });

  test('each field that names a file, at its entry; a component directory that is missing; a directory without a kustomization', () => {
    const run = lintTree('bad-input-fields', {
      'app/kustomization.yaml': [
        'resources:',
        '  - ../nokustomization',
        'components:',
        '  - ../components/gone',
        'configMapGenerator:',
        '  - name: settings',
        '    files:',
        '      - key=absent.txt',
        '    envs:',
        '      - absent.env',
        'patches:',
        '  - path: absent-patch.yaml',
        'patchesStrategicMerge:',
        '  - absent-strategic.yaml',
        '',
      ].join('\n'),
      'nokustomization/pod.yaml': PRIVILEGED_POD,
    });
    expect(run.status).toBe(1);
    const wanted = placed(run.stdout).filter((f) => f.startsWith('render-error') || f.startsWith('privileged-container'));
    expect(wanted).toEqual([
      'render-error app/kustomization.yaml:2:5 resources entry "../nokustomization": no kustomization.yaml, kustomization.yml or Kustomization in nokustomization: not rendered',
      'render-error app/kustomization.yaml:4:5 components entry "../components/gone": no such file or directory in app: not rendered',
      // The path of a `key=path` file source is what is quoted.
      'render-error app/kustomization.yaml:8:9 configMapGenerator[0].files entry "absent.txt": no such file or directory in app: not rendered',
      'render-error app/kustomization.yaml:10:9 configMapGenerator[0].envs entry "absent.env": no such file or directory in app: not rendered',
      'render-error app/kustomization.yaml:12:5 patches[0].path "absent-patch.yaml": no such file or directory in app: not rendered',
      'render-error app/kustomization.yaml:14:5 patchesStrategicMerge entry "absent-strategic.yaml": no such file or directory in app: not rendered',
      // Not reached through the kustomization that failed, so linted as the plain file it is.
      'privileged-container nokustomization/pod.yaml:10:9 container "a" is privileged',
    ]);
  });

  test('a base whose kustomization does not parse: a render-error at its YAML error line; an empty one at its 1:1', () => {
    const run = lintTree('bad-input-unparsed', {
      // Line 3 is indented unlike line 1: a YAML error there.
      'base/kustomization.yaml': 'resources:\n  - pod.yaml\n  namePrefix: [\n',
      'base/pod.yaml': PRIVILEGED_POD,
      'empty/kustomization.yaml': '# nothing here yet\n',
      'overlay/kustomization.yaml': 'resources:\n  - ../base\n  - ../empty\n',
    });
    expect(run.status).toBe(1);
    expect(placed(run.stdout)).toEqual([
      'render-error base/kustomization.yaml:3:1 kustomization cannot be checked before rendering (YAML error: All mapping items must start at the same column): not rendered',
      'render-error empty/kustomization.yaml:1:1 kustomization is empty (kustomize refuses an empty one): not rendered',
    ]);
  });

  test('two overlays that list each other (no root): one render-error at the entry that closes the cycle, exit 1, never "No problems"', () => {
    const files = { 'ov/kustomization.yaml': 'resources:\n  - ../ov2\n', 'ov2/kustomization.yaml': 'resources:\n  - ../ov\n' };
    const run = lintTree('bad-input-cycle', files);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    // The walk starts at the first directory in order (ov): ov2's entry `../ov` (line 2, column 5) closes it.
    expect(placed(run.stdout)).toEqual(['render-error ov2/kustomization.yaml:2:5 resources entry "../ov": kustomization cycle ov → ov2 → ov: not rendered']);
    const stylish = lintTree('bad-input-cycle-stylish', files, 'stylish');
    expect(stylish.status).toBe(1);
    expect(stylish.stdout).not.toContain('No problems');
    expect(stylish.stdout).toContain('  2:5  error    render-error\n       resources entry "../ov": kustomization cycle ov → ov2 → ov: not rendered\n');
  });

  test('a root that reaches a cycle is not rendered; the cycle is named from where it starts', () => {
    const run = lintTree('bad-input-cycle-root', {
      'app/kustomization.yaml': 'resources:\n  - pod.yaml\n  - ../ov\n',
      'app/pod.yaml': PRIVILEGED_POD,
      'ov/kustomization.yaml': 'resources:\n  - ../ov2\n',
      'ov2/kustomization.yaml': 'namespace: x\nresources:\n  - ../ov\n',
    });
    expect(run.status).toBe(1);
    // Line 3 of ov2 is `  - ../ov`. app is not rendered: no finding on its privileged pod.
    expect(placed(run.stdout)).toEqual(['render-error ov2/kustomization.yaml:3:5 resources entry "../ov": kustomization cycle ov → ov2 → ov: not rendered']);
  });

  test('two roots entering one cycle at different places: one render-error, where the first root found it; neither rendered', () => {
    const run = lintTree('bad-input-cycle-two-roots', {
      'r1/kustomization.yaml': 'resources:\n  - pod.yaml\n  - ../ov\n',
      'r1/pod.yaml': PRIVILEGED_POD,
      'r2/kustomization.yaml': 'resources:\n  - pod.yaml\n  - ../ov2\n',
      'r2/pod.yaml': PRIVILEGED_POD,
      'ov/kustomization.yaml': 'resources:\n  - ../ov2\n',
      'ov2/kustomization.yaml': 'resources:\n  - ../ov\n',
    });
    expect(run.status).toBe(1);
    expect(placed(run.stdout)).toEqual(['render-error ov2/kustomization.yaml:2:5 resources entry "../ov": kustomization cycle ov → ov2 → ov: not rendered']);
  });

  test('a kustomization that lists itself, and one that lists the directory above it (kustomize refuses both as cycles)', () => {
    const run = lintTree('bad-input-self', {
      // `.` is NaN to YAML 1.1 but a path to kustomize.
      'self/kustomization.yaml': 'resources:\n  - .\n',
      'a/kustomization.yaml': 'resources:\n  - pod.yaml\n',
      'a/pod.yaml': PRIVILEGED_POD,
      'a/b/kustomization.yaml': 'resources:\n  - ..\n',
    });
    expect(run.status).toBe(1);
    expect(placed(run.stdout)).toEqual([
      'render-error a/b/kustomization.yaml:2:5 resources entry "..": kustomization cycle a/b → a (a contains a/b): not rendered',
      'render-error self/kustomization.yaml:2:5 resources entry ".": kustomization cycle self → self: not rendered',
    ]);
  });
});
