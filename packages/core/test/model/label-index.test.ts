import { LabelIndex } from '../../src/model/label-index';
import { selectorMatches } from '../../src/model/selector';
import type { JsonRecord } from '../../src/values';

const PODS: JsonRecord[] = [
  { app: 'web', tier: 'front' },
  { app: 'web', tier: 'back' },
  { app: 'api' },
  { app: 'api', canary: 'true' },
  { other: 'x' },
  {},
  { app: null, tier: 5 },
  { app: 1 },
];

const SELECTORS: unknown[] = [
  undefined,
  null,
  {},
  { matchLabels: {} },
  { matchLabels: { app: 'web' } },
  { matchLabels: { app: 'web', tier: 'back' } },
  { matchLabels: { app: 'nothing' } },
  { matchLabels: { app: null } },
  { matchLabels: { app: 1 } },
  { matchLabels: { app: ['web'] } },
  { matchLabels: 5 },
  { matchExpressions: [{ key: 'app', operator: 'In', values: ['web', 'api'] }] },
  { matchExpressions: [{ key: 'canary', operator: 'Exists' }] },
  { matchExpressions: [{ key: 'canary', operator: 'DoesNotExist' }] },
  { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['web'] }] },
  { matchExpressions: [{ key: 'app', operator: 'Bogus', values: ['web'] }] },
  { matchLabels: { app: 'api' }, matchExpressions: [{ key: 'canary', operator: 'In', values: ['true'] }] },
  'a string',
  [],
];

describe('LabelIndex', () => {
  const index = new LabelIndex<JsonRecord>();
  for (const pod of PODS) index.add(pod, pod);

  test.each(SELECTORS.map((selector) => [JSON.stringify(selector) ?? 'undefined', selector]))('candidates of %s hold every match', (_name, selector) => {
    const exact = PODS.filter((pod) => selectorMatches(selector, pod));
    expect(index.candidates(selector).filter((pod) => selectorMatches(selector, pod))).toEqual(exact);
  });

  test('a selector naming a label narrows to the pods that have it', () => {
    expect(index.candidates({ matchLabels: { app: 'web', tier: 'back' } })).toHaveLength(1);
    expect(index.candidates({ matchLabels: { app: 'api' } })).toEqual([PODS[2], PODS[3]]);
    expect(index.candidates({ matchExpressions: [{ key: 'canary', operator: 'Exists' }] })).toEqual([PODS[3]]);
    expect(index.candidatesForMap({ app: 'nothing' })).toEqual([]);
    // Only negative requirements: nothing to narrow by.
    expect(index.candidates({ matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['web'] }] })).toHaveLength(PODS.length);
  });
});
