import { ShapeError, randomUniform, tensor } from '@strata/tensor';
import { checkGradients } from '@strata/tensor/testing';
import { getMask, setMask } from '../engine/masks';
import { checkLayerContract } from '../testing/check-layer-contract';
import { GlobalAveragePooling1D } from './global-average-pooling1d';

const X = tensor([[[1, 10], [3, 20], [100, 1000]]]);
const MASK = tensor([[true, true, false]], undefined, 'bool');

describe('GlobalAveragePooling1D', () => {
  it('passes the layer contract (default, keepdims, channels_first)', () => {
    checkLayerContract(() => new GlobalAveragePooling1D(), { inputShape: [2, 5, 3], weights: 0, wrongRankShape: [5, 3] });
    checkLayerContract(() => new GlobalAveragePooling1D({ keepdims: true, dataFormat: 'channels_first' }), { inputShape: [2, 3, 5], weights: 0 });
  });

  it('averages over steps per channel', () => {
    expect(new GlobalAveragePooling1D().apply(tensor([[[1, 10], [3, 20]]])).toArray()).toEqual([[2, 15]]);
    expect(new GlobalAveragePooling1D({ keepdims: true }).apply(tensor([[[1, 10], [3, 20]]])).toArray()).toEqual([[[2, 15]]]);
  });

  it('averages only the unmasked steps, from the mask argument or the mask the input carries', () => {
    const layer = new GlobalAveragePooling1D();
    expect(layer.apply(X, { mask: MASK }).toArray()).toEqual([[2, 15]]);
    const carried = tensor(X.data, X.shape);
    setMask(carried, MASK);
    const y = layer.apply(carried);
    expect(y.toArray()).toEqual([[2, 15]]);
    // The steps are gone, so the output carries no mask (Keras's compute_mask returns None).
    expect(getMask(y)).toBeNull();
  });

  it('reads the mask along the steps axis in channels_first', () => {
    const layer = new GlobalAveragePooling1D({ dataFormat: 'channels_first', keepdims: true });
    const x = tensor([[[1, 3, 100], [10, 20, 1000]]]);
    expect(layer.apply(x, { mask: MASK }).toArray()).toEqual([[[2], [15]]]);
  });

  it('ignores masked steps even when they hold NaN, and gives NaN for a fully masked row (0 / 0), as Keras', () => {
    const layer = new GlobalAveragePooling1D();
    const y = layer.apply(tensor([[[1], [NaN]], [[2], [4]]]), { mask: tensor([[true, false], [false, false]], undefined, 'bool') });
    expect(y.data[0]).toBe(1);
    expect(Number.isNaN(y.data[1])).toBe(true);
  });

  it('has gradients that agree with finite differences, with and without a mask', () => {
    const layer = new GlobalAveragePooling1D();
    const x = randomUniform([2, 3, 2], { seed: 1 });
    checkGradients((xx) => layer.apply(xx), [x]);
    const mask = tensor([[true, false, true], [false, true, true]], undefined, 'bool');
    checkGradients((xx) => layer.apply(xx, { mask }), [x]);
  });

  it('rejects inputs of another rank', () => {
    expect(() => new GlobalAveragePooling1D().apply(tensor([[1, 2]]))).toThrow(ShapeError);
    expect(() => new GlobalAveragePooling1D().apply(tensor([[1, 2]]))).toThrow(/expected ndim=3, found ndim=2/);
  });
});
