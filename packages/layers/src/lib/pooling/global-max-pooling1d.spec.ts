import { ShapeError, ValueError, cast, mul, randomPermutation, reshape, tensor } from '@strata/tensor';
import { checkGradients } from '@strata/tensor/testing';
import { input } from '../core/input-layer';
import { checkLayerContract } from '../testing/check-layer-contract';
import { GlobalMaxPooling1D } from './global-max-pooling1d';

const X = tensor([[[1, 5], [3, 2], [0, 4]]]);

describe('GlobalMaxPooling1D', () => {
  it('passes the layer contract (default, keepdims, channels_first)', () => {
    checkLayerContract(() => new GlobalMaxPooling1D(), { inputShape: [2, 5, 3], weights: 0, wrongRankShape: [5, 3] });
    checkLayerContract(() => new GlobalMaxPooling1D({ keepdims: true, dataFormat: 'channels_first' }), { inputShape: [2, 3, 5], weights: 0, wrongRankShape: [2, 3, 5, 1] });
  });

  it('takes the maximum over steps per channel', () => {
    expect(new GlobalMaxPooling1D().apply(X).toArray()).toEqual([[3, 5]]);
    expect(new GlobalMaxPooling1D({ keepdims: true }).apply(X).toArray()).toEqual([[[3, 5]]]);
    expect(new GlobalMaxPooling1D({ dataFormat: 'channels_first' }).apply(X).toArray()).toEqual([[5, 3, 4]]);
  });

  it('computes symbolic shapes', () => {
    expect(new GlobalMaxPooling1D().apply(input({ shape: [null, 7] })).shape).toEqual([null, 7]);
    expect(new GlobalMaxPooling1D({ keepdims: true, dataFormat: 'channels_first' }).computeOutputShape([null, 7, 3])).toEqual([null, 7, 1]);
  });

  it('has gradients that agree with finite differences', () => {
    const x = mul(cast(reshape(randomPermutation(12, { seed: 1 }), [2, 3, 2]), 'float32'), 0.1);
    checkGradients((xx) => new GlobalMaxPooling1D().apply(xx), [x], { eps: 1e-3 });
  });

  it('rejects inputs of another rank and unknown data formats', () => {
    expect(() => new GlobalMaxPooling1D({ name: 'g' }).apply(tensor([[1, 2]]))).toThrow(ShapeError);
    expect(() => new GlobalMaxPooling1D({ name: 'g' }).apply(tensor([[1, 2]]))).toThrow(/Input 0 of layer 'g' is incompatible with the layer: expected ndim=3, found ndim=2/);
    expect(() => new GlobalMaxPooling1D({ dataFormat: 'first' })).toThrow(ValueError);
    expect(() => new GlobalMaxPooling1D({ dataFormat: 'first' })).toThrow("GlobalMaxPooling1D: dataFormat must be 'channels_last' or 'channels_first', received dataFormat='first'");
  });
});
