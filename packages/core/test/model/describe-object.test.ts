import { describeObject, objectPath } from '../../src/model/describe-object';

describe('describeObject and objectPath', () => {
  const web = { kind: 'Deployment', namespace: 'shop', name: 'web' };
  const unnamed = { kind: 'Deployment', namespace: 'shop', name: null };
  const admin = { kind: 'ClusterRole', namespace: null, name: 'admin' };

  test('name an object the way kubectl does, <unnamed> without metadata.name', () => {
    expect([web, unnamed, admin].map(describeObject)).toEqual(['Deployment shop/web', 'Deployment shop/<unnamed>', 'ClusterRole admin']);
  });

  test('give the path form of SARIF logical locations', () => {
    expect([web, unnamed, admin].map(objectPath)).toEqual(['shop/Deployment/web', 'shop/Deployment/<unnamed>', 'ClusterRole/admin']);
  });
});
