import { operationsOf, pathInOperations } from '../../src/render/json6902-patches';
import { imageEntryPath, imageName, isContainerImage } from '../../src/render/kustomize-images';
import { blockShift } from '../../src/render/patch-texts';
import { sameValue } from '../../src/render/same-value';

const RENDERED = { spec: { template: { spec: { hostNetwork: true, containers: [{ name: 'web', image: 'nginx', securityContext: { privileged: true } }] } } } };

describe('pathInOperations: the JSON 6902 operation that set a rendered field', () => {
  const operations = operationsOf([
    { op: 'add', path: '/spec/template/spec/hostNetwork', value: false },
    { op: 'replace', path: '/spec/template/spec/containers/0/securityContext', value: { privileged: true } },
    { op: 'add', path: '/spec/template/spec/hostNetwork', value: true },
    { op: 'remove', path: '/spec/template/spec/hostPID' },
  ]);

  test('the last operation whose value is the rendered one, at the part of its value that holds the field', () => {
    expect(pathInOperations(operations ?? [], RENDERED, ['spec', 'template', 'spec', 'hostNetwork'])).toEqual([2, 'value']);
    expect(pathInOperations(operations ?? [], RENDERED, ['spec', 'template', 'spec', 'containers', 0, 'securityContext', 'privileged'])).toEqual([1, 'value', 'privileged']);
  });

  test('a removed field that is missing: at the remove entry; a field no operation reaches: null', () => {
    expect(pathInOperations(operations ?? [], RENDERED, ['spec', 'template', 'spec', 'hostPID'])).toEqual([3]);
    expect(pathInOperations(operations ?? [], RENDERED, ['spec', 'template', 'spec', 'containers', 0, 'image'])).toBeNull();
  });

  test('`-` (append) stands for the index the element got; escaped tokens are unescaped', () => {
    const appended = operationsOf([{ op: 'add', path: '/spec/template/spec/containers/-', value: { name: 'web', image: 'nginx', securityContext: { privileged: true } } }]);
    expect(pathInOperations(appended ?? [], RENDERED, ['spec', 'template', 'spec', 'containers', 0, 'image'])).toEqual([0, 'value', 'image']);
    const escaped = operationsOf([{ op: 'add', path: '/metadata/annotations/a~1b~0c', value: 'x' }]);
    expect(pathInOperations(escaped ?? [], { metadata: { annotations: { 'a/b~c': 'x' } } }, ['metadata', 'annotations', 'a/b~c'])).toEqual([0, 'value']);
  });

  test('a strategic-merge fragment or an empty list is not a list of operations', () => {
    expect(operationsOf({ apiVersion: 'apps/v1', kind: 'Deployment' })).toBeNull();
    expect(operationsOf([])).toBeNull();
    expect(operationsOf([{ op: 'add', path: 'no-slash', value: 1 }])).toBeNull();
  });
});

describe('blockShift: where an inline patch written as a literal block sits in its kustomization', () => {
  const file = ['patches:', '  - patch: |-', '      - op: add', '', '        path: /x', '        value: 1', ''].join('\n');

  test('the line after the key, every line indented alike (blank lines included)', () => {
    expect(blockShift(file, 2, '- op: add\n\n  path: /x\n  value: 1')).toEqual({ lines: 2, columns: 6 });
  });

  test('text that is not written there line for line (quoted, folded, changed) is not placed', () => {
    expect(blockShift(file, 2, '- op: add\n  path: /y\n  value: 1')).toBeNull();
    expect(blockShift('patches:\n  - patch: "- op: add"\n', 2, '- op: add')).toBeNull();
  });
});

describe('images entries', () => {
  test('a container image field, in pods and templates', () => {
    expect(isContainerImage(['spec', 'containers', 0, 'image'])).toBe(true);
    expect(isContainerImage(['spec', 'template', 'spec', 'initContainers', 1, 'image'])).toBe(true);
    expect(isContainerImage(['spec', 'image'])).toBe(false);
  });

  test('image names without tag or digest, a registry port kept', () => {
    expect(imageName('registry:5000/app:1.0')).toBe('registry:5000/app');
    expect(imageName('nginx@sha256:abc')).toBe('nginx');
    expect(imageName('nginx')).toBe('nginx');
  });

  test('the entry that turned the written image into the rendered one, at the field that did it', () => {
    const images = [{ name: 'busybox', newTag: '1' }, { name: 'nginx', newName: 'mirror/nginx', newTag: 'latest' }, { name: 'redis', digest: 'sha256:abc' }];
    expect(imageEntryPath(images, 'nginx:1.27', 'mirror/nginx:latest')).toEqual(['images', 1, 'newTag']);
    expect(imageEntryPath(images, 'redis:7', 'redis@sha256:abc')).toEqual(['images', 2, 'digest']);
    expect(imageEntryPath(images, 'postgres:16', 'postgres:latest')).toBeNull();
  });
});

describe('sameValue', () => {
  test('key order does not count (kustomize sorts keys); list order and types do', () => {
    expect(sameValue({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toBe(true);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue({ a: '1' }, { a: 1 })).toBe(false);
    expect(sameValue({ a: undefined }, { b: undefined })).toBe(false);
  });
});
