import { fieldPathOf } from '../../src/admission/field-path';

describe('fieldPathOf: the field a validation reads first', () => {
  it.each([
    ['object.spec.replicas <= 5', 'spec.replicas'],
    ["has(object.metadata.labels) && 'team' in object.metadata.labels", 'metadata.labels'],
    ["object.spec.template.spec.containers.all(c, c.image.startsWith('registry.example.com/'))", 'spec.template.spec.containers'],
    ["'object.spec.quoted' == 'x' || object . spec . paused", 'spec.paused'],
    ["object.metadata.labels['team'] == 'shop'", 'metadata.labels'],
  ])('%s → %s', (expression, path) => {
    expect(fieldPathOf(expression)?.join('.')).toBe(path);
  });

  it.each([['variables.exempt || params.allowed'], ['myobject.spec.replicas > 1'], ["size(object) > 0"], ["'object.spec.replicas'"]])('none in %s', (expression) => {
    expect(fieldPathOf(expression)).toBeNull();
  });
});
