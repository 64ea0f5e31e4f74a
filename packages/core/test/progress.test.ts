import { lint } from '../src';
import { makeTree } from './helpers';

describe('lint onProgress', () => {
  test('is called once per file, in order, with the total', async () => {
    const root = makeTree({ 'a.yaml': 'kind: x\n', 'b.yaml': 'kind: y\n', 'c/d.yml': 'kind: z\n' });
    const calls: [number, number][] = [];
    await lint({ paths: ['.'], cwd: root, onProgress: (done, total) => calls.push([done, total]) });
    expect(calls).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });
});
