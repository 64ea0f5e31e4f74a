import { selectorMatches } from '../../src/model/selector';

const pod = { app: 'web', tier: 'frontend', empty: '' };

describe('selectorMatches', () => {
  describe('empty and missing selectors', () => {
    test.each([
      ['an empty selector', {}],
      ['empty matchLabels and matchExpressions', { matchLabels: {}, matchExpressions: [] }],
      ['a missing selector (decodes to the empty one)', undefined],
      ['a null selector (decodes to the empty one)', null],
    ])('%s selects every pod, labelled or not', (_name, selector) => {
      expect(selectorMatches(selector, pod)).toBe(true);
      expect(selectorMatches(selector, {})).toBe(true);
    });

    test.each([
      ['a string', 'app=web'],
      ['a list', [{ key: 'app', operator: 'Exists' }]],
      ['a number', 0],
    ])('a selector that is %s is malformed and selects nothing', (_name, selector) => {
      expect(selectorMatches(selector, pod)).toBe(false);
    });
  });

  describe('matchLabels', () => {
    test('selects when every listed label has the listed value; other pod labels do not matter', () => {
      expect(selectorMatches({ matchLabels: { app: 'web' } }, pod)).toBe(true);
      expect(selectorMatches({ matchLabels: { app: 'web', tier: 'frontend' } }, pod)).toBe(true);
    });

    test('does not select when a value differs or a label is missing', () => {
      expect(selectorMatches({ matchLabels: { app: 'api' } }, pod)).toBe(false);
      expect(selectorMatches({ matchLabels: { app: 'web', tier: 'backend' } }, pod)).toBe(false);
      expect(selectorMatches({ matchLabels: { team: 'core' } }, pod)).toBe(false);
      expect(selectorMatches({ matchLabels: { app: 'web' } }, {})).toBe(false);
    });

    test('an empty value requires the label to be present with an empty value', () => {
      expect(selectorMatches({ matchLabels: { empty: '' } }, pod)).toBe(true);
      expect(selectorMatches({ matchLabels: { missing: '' } }, pod)).toBe(false);
    });

    test('label keys with prefixes and inherited object properties', () => {
      expect(selectorMatches({ matchLabels: { 'app.kubernetes.io/name': 'web' } }, { 'app.kubernetes.io/name': 'web' })).toBe(true);
      expect(selectorMatches({ matchLabels: { 'app.kubernetes.io/name': 'web' } }, { app: 'web' })).toBe(false);
      expect(selectorMatches({ matchExpressions: [{ key: 'constructor', operator: 'Exists' }] }, {})).toBe(false);
      expect(selectorMatches({ matchExpressions: [{ key: 'toString', operator: 'DoesNotExist' }] }, {})).toBe(true);
    });

    test('a null value (`app: ~`) does not select pods that lack the label', () => {
      // The API server decodes matchLabels as map[string]string: a null value is "" (or the object
      // is refused); either way a pod without the label is not selected.
      expect(selectorMatches({ matchLabels: { app: null } }, {})).toBe(false);
      expect(selectorMatches({ matchLabels: { team: null } }, pod)).toBe(false);
    });
  });

  describe('matchExpressions', () => {
    const expr = (key: string, operator: string, values?: string[]) => ({ matchExpressions: [values ? { key, operator, values } : { key, operator }] });

    test('In: the label is present with one of the values', () => {
      expect(selectorMatches(expr('app', 'In', ['api', 'web']), pod)).toBe(true);
      expect(selectorMatches(expr('app', 'In', ['api']), pod)).toBe(false);
      expect(selectorMatches(expr('team', 'In', ['core']), pod)).toBe(false);
    });

    test('NotIn: the label is absent or has none of the values', () => {
      expect(selectorMatches(expr('app', 'NotIn', ['api']), pod)).toBe(true);
      expect(selectorMatches(expr('team', 'NotIn', ['core']), pod)).toBe(true);
      expect(selectorMatches(expr('app', 'NotIn', ['api', 'web']), pod)).toBe(false);
    });

    test('Exists: the label is present, whatever its value', () => {
      expect(selectorMatches(expr('app', 'Exists'), pod)).toBe(true);
      expect(selectorMatches(expr('empty', 'Exists'), pod)).toBe(true);
      expect(selectorMatches(expr('team', 'Exists'), pod)).toBe(false);
    });

    test('DoesNotExist: the label is absent', () => {
      expect(selectorMatches(expr('team', 'DoesNotExist'), pod)).toBe(true);
      expect(selectorMatches(expr('app', 'DoesNotExist'), pod)).toBe(false);
      expect(selectorMatches(expr('empty', 'DoesNotExist'), pod)).toBe(false);
    });

    test('all requirements and matchLabels must hold (AND)', () => {
      const selector = {
        matchLabels: { app: 'web' },
        matchExpressions: [
          { key: 'tier', operator: 'In', values: ['frontend', 'edge'] },
          { key: 'legacy', operator: 'DoesNotExist' },
        ],
      };
      expect(selectorMatches(selector, pod)).toBe(true);
      expect(selectorMatches(selector, { ...pod, legacy: 'true' })).toBe(false);
      expect(selectorMatches(selector, { ...pod, app: 'api' })).toBe(false);
      expect(selectorMatches({ ...selector, matchExpressions: [...selector.matchExpressions, { key: 'app', operator: 'NotIn', values: ['web'] }] }, pod)).toBe(false);
    });

    test('unknown operators and requirements without key select nothing', () => {
      expect(selectorMatches(expr('app', 'in', ['web']), pod)).toBe(false);
      expect(selectorMatches(expr('app', 'Equals', ['web']), pod)).toBe(false);
      expect(selectorMatches({ matchExpressions: [{ key: 'app', values: ['web'] }] }, pod)).toBe(false);
      expect(selectorMatches({ matchExpressions: [{ operator: 'Exists' }] }, pod)).toBe(false);
      expect(selectorMatches({ matchExpressions: ['app'] }, pod)).toBe(false);
    });

    // The API server refuses these requirements (LabelSelectorAsSelector / ValidateLabelSelector):
    // In and NotIn need at least one value, Exists and DoesNotExist take none.
    test('In without values is malformed and selects nothing', () => {
      expect(selectorMatches(expr('app', 'In', []), pod)).toBe(false);
      expect(selectorMatches(expr('app', 'In'), pod)).toBe(false);
    });

    test('NotIn without values is malformed and selects nothing', () => {
      expect(selectorMatches(expr('app', 'NotIn', []), pod)).toBe(false);
      expect(selectorMatches(expr('team', 'NotIn'), pod)).toBe(false);
    });

    test('Exists and DoesNotExist with values are malformed and select nothing', () => {
      expect(selectorMatches(expr('app', 'Exists', ['web']), pod)).toBe(false);
      expect(selectorMatches(expr('team', 'DoesNotExist', ['core']), pod)).toBe(false);
    });
  });
});
