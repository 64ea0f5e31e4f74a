import path from 'node:path';
import { lint, parseConfig } from '../../src';
import { kindsUsedIn } from '../../src/custom-rules/objects-index';
import { makeTree } from '../helpers';

describe('kindsUsedIn: the kinds expressions look up, which the objects index holds', () => {
  test.each([
    [['objectsInNamespace.ServiceAccount.exists(s, true)'], { kinds: ['ServiceAccount'], all: false }],
    [["size(objects['ConfigMap']) + size(objects[\"Secret\"])", 'objects . Role'], { kinds: ['ConfigMap', 'Secret', 'Role'], all: false }],
    [['object.spec.objects.Foo', 'myobjects.Foo', 'object.metadata.name'], { kinds: [], all: false }],
    [['objects[object.spec.scaleTargetRef.kind].exists(o, true)'], { kinds: [], all: true }],
    [['objectsInNamespace.all(kind, true)', 'objects.Pod'], { kinds: ['Pod'], all: true }],
    [['size(objects) > 0'], { kinds: [], all: true }],
  ])('%j', (expressions, used) => {
    expect(kindsUsedIn(expressions)).toEqual(used);
  });
});

test('kinds whose names are Object properties (constructor, __proto__) are lists like any other', async () => {
  const config = [
    'customRules:',
    '  - id: custom/odd-kinds',
    '    title: Odd kinds',
    '    match: { kinds: [Pod] }',
    '    validations:',
    "      - expression: \"size(objects.constructor) == 1 && size(objects['__proto__']) == 0 && size(objectsInNamespace.toString) == 0\"",
    '        message: odd kinds seen',
    '',
  ].join('\n');
  const cwd = makeTree({
    '.k8s-lint.yaml': config,
    'pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: { name: p, namespace: a }\n---\napiVersion: example.com/v1\nkind: constructor\nmetadata: { name: c, namespace: a }\n',
  });
  const result = await lint({ paths: ['pod.yaml'], cwd, config: parseConfig(config, path.join(cwd, '.k8s-lint.yaml')), rules: [] });
  // The expression is true: no finding, and no evaluation error either.
  expect(result.findings).toEqual([]);
});
