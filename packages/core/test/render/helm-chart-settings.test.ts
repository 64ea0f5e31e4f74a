import { realpathSync } from 'node:fs';
import path from 'node:path';
import { InputError, lint } from '../../src';
import { privilegedContainer } from '../../src/rules/pod-security/privileged-container';
import { makeTree } from '../helpers';

/** An embedder may pass `render.charts` without a configuration: names are checked where helm is run too. */
describe('render.charts given directly', () => {
  function run(setting: { releaseName?: string; namespace?: string }): { calls: string[][]; result: Promise<unknown> } {
    const cwd = realpathSync(makeTree({ 'web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 0.1.0\n', 'web/templates/pod.yaml': 'kind: Pod\n' }));
    const calls: string[][] = [];
    const result = lint({
      paths: ['.'],
      cwd,
      rules: [privilegedContainer],
      render: {
        helm: true,
        charts: [{ path: path.join(cwd, 'web'), values: [path.join(cwd, 'web', 'values.yaml')], ...setting }],
        locate: (name) => (name === 'helm' ? '/bin/helm' : null),
        runner: (_program, args) => {
          calls.push(args.map((arg) => arg.replace(cwd, '<repo>')));
          return Promise.resolve({ exitCode: 0, stdout: '', stderr: '', failure: null });
        },
      },
    });
    return { calls, result };
  }

  test('a release name starting with "-" is an InputError and helm is never run', async () => {
    const { calls, result } = run({ releaseName: '--post-renderer=x' });
    await expect(result).rejects.toThrow(InputError);
    expect(calls).toEqual([]);
  });

  test('a valid entry: release name, --namespace=<ns> bound to its option, the entry values', async () => {
    const { calls, result } = run({ releaseName: 'web', namespace: 'shop' });
    await result;
    expect(calls).toEqual([['template', 'web', '<repo>/web', '--namespace=shop', '--values', '<repo>/web/values.yaml']]);
  });
});
