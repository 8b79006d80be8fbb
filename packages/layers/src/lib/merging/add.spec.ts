import { randomUniform, tensor } from '@strata/tensor';
import { checkGradients } from '@strata/tensor/testing';
import fc from 'fast-check';
import { checkLayerContract } from '../testing/check-layer-contract';
import { Add } from './add';

describe('Add', () => {
  it('passes the layer contract', () => {
    checkLayerContract(() => new Add(), { inputShape: [[2, 3, 4], [2, 3, 4]], weights: 0 });
    checkLayerContract(() => new Add(), { inputShape: [[2, 3, 4], [2, 4], [2, 1, 4]], weights: 0 });
  });

  it('sums its inputs', () => {
    expect(new Add().apply([tensor([[1, 2]]), tensor([[10, 20]]), tensor([[100, 200]])]).toArray()).toEqual([[111, 222]]);
  });

  it('is commutative (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), (seed) => {
        const a = randomUniform([2, 3], { seed });
        const b = randomUniform([2, 3], { seed: seed + 1 });
        expect(Array.from(new Add().apply([a, b]).data)).toEqual(Array.from(new Add().apply([b, a]).data));
      }),
      { seed: 42, numRuns: 50 },
    );
  });

  it('has gradient 1 for each input, summed over broadcast axes', () => {
    const a = randomUniform([2, 3, 2], { seed: 1 });
    const b = randomUniform([2, 2], { seed: 2 });
    checkGradients((x, y) => new Add().apply([x, y]), [a, b]);
  });

  it('writes the Keras config', () => {
    expect(new Add({ name: 'a' }).getConfig()).toEqual({
      name: 'a', trainable: true,
      dtype: { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' }, registered_name: null },
    });
  });
});
