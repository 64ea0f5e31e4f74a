import { EMPTY_CONFIG, lint } from '../../src';
import { podTemplatesOf } from '../../src/model/pod';
import type { Resource } from '../../src/model/resource';
import type { Rule } from '../../src/rules/rule';
import { privilegedContainer } from '../../src/rules/pod-security/privileged-container';
import { yaml } from '../rule-tester';

/** The objects of a manifest as the run models them, taken from a rule's context. */
async function resourcesOf(text: string): Promise<readonly Resource[]> {
  let captured: readonly Resource[] = [];
  const capture: Rule = { meta: { ...privilegedContainer.meta, id: 'capture' }, defaultOptions: {}, check: (context) => void (captured = context.resources) };
  await lint({ paths: ['-'], cwd: process.cwd(), stdinText: text, config: { ...EMPTY_CONFIG, rules: { capture: { severity: 'note' } } }, rules: [capture] });
  return captured;
}

const MANIFEST = yaml`
  apiVersion: example.com/v1
  kind: Runner
  metadata:
    name: r
  spec:
    runner:
      metadata:
        labels: { app: r }
      podSpec:
        securityContext: { runAsNonRoot: true }
        containers:
          - name: main
  ---
  apiVersion: example.com/v1
  kind: Worker
  metadata:
    name: w
  spec:
    template:
      spec:
        containers:
          - name: main
`;

describe('podTemplatesOf: kinds declared under workloads:', () => {
  test('a declared pod spec path is read, with the metadata next to it; undeclared shapes are inferred', async () => {
    const resources = await resourcesOf(MANIFEST);
    const pods = podTemplatesOf(resources, [{ apiVersion: 'example.com/v1', kind: 'Runner', podSpecPath: 'spec.runner.podSpec' }]);
    expect(
      pods.map((pod) => ({ kind: pod.resource.kind, origin: pod.origin, specPath: pod.specPath, labels: pod.labels, containers: pod.containers.map((container) => container.path.join('.')) })),
    ).toEqual([
      { kind: 'Runner', origin: 'declared', specPath: ['spec', 'runner', 'podSpec'], labels: { app: 'r' }, containers: ['spec.runner.podSpec.containers.0'] },
      { kind: 'Worker', origin: 'inferred', specPath: ['spec', 'template', 'spec'], labels: {}, containers: ['spec.template.spec.containers.0'] },
    ]);
    expect(pods[0]?.effective(pods[0].containers[0]!, 'runAsNonRoot')).toEqual({ value: true, path: ['spec', 'runner', 'podSpec', 'securityContext', 'runAsNonRoot'] });
  });

  test('a declaration wins over inference, matches the exact apiVersion, and a path holding nothing makes no workload', async () => {
    const resources = await resourcesOf(MANIFEST);
    const declared = [
      { apiVersion: 'example.com/v1', kind: 'Worker', podSpecPath: 'spec.template.spec' },
      { apiVersion: 'example.com/v2', kind: 'Runner', podSpecPath: 'spec.runner.podSpec' },
    ];
    expect(podTemplatesOf(resources, declared).map((pod) => `${pod.resource.kind} ${pod.origin}`)).toEqual(['Worker declared']);
    const elsewhere = [{ apiVersion: 'example.com/v1', kind: 'Worker', podSpecPath: 'spec.nothing.here' }];
    expect(podTemplatesOf(resources, elsewhere).map((pod) => pod.resource.kind)).toEqual([]);
  });
});
