import { fieldPathOf, parseFieldPath } from '../../src/custom-rules/field-path';

describe('parseFieldPath', () => {
  test.each([
    ['spec.template.spec.containers[0].image', ['spec', 'template', 'spec', 'containers', 0, 'image']],
    ['.spec.replicas', ['spec', 'replicas']],
    ['metadata.labels["app.kubernetes.io/name"]', ['metadata', 'labels', 'app.kubernetes.io/name']],
    ["metadata.labels['owner']", ['metadata', 'labels', 'owner']],
    ['data["a\\"b"]', ['data', 'a"b']],
    ['items[2][3]', ['items', 2, 3]],
  ])('%s', (text, expected) => {
    expect(parseFieldPath(text)).toEqual(expected);
  });

  test.each(['', '.', 'spec.', 'spec..replicas', 'containers[x]', 'containers[0]image', '[0', 'a b', 'spec[-1]'])('not a path: %j', (text) => {
    expect(parseFieldPath(text)).toBeNull();
  });
});

describe('fieldPathOf (what a pathExpression returns)', () => {
  test('text or a list of keys and indexes', () => {
    expect(fieldPathOf('spec.replicas')).toEqual(['spec', 'replicas']);
    expect(fieldPathOf(['spec', 'containers', 1])).toEqual(['spec', 'containers', 1]);
  });

  test.each([[[]], [['spec', -1]], [['spec', 1.5]], [42], [null], [{ a: 1 }]])('not a path: %j', (value) => {
    expect(fieldPathOf(value)).toBeNull();
  });
});
