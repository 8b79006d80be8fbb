import { ShapeError, Tensor, ValueError, matmul, randomUniform, reshape, tensor } from '@strata/tensor';
import { checkGradients, expectClose } from '@strata/tensor/testing';
import { Dense } from '../core/dense';
import { Masking } from '../core/masking';
import { getMask } from '../engine/masks';
import { checkLayerContract } from '../testing/check-layer-contract';
import { TimeDistributed } from './time-distributed';

describe('TimeDistributed', () => {
  it('passes the layer contract (the inner Dense weights)', () => {
    checkLayerContract(() => new TimeDistributed({ layer: new Dense({ units: 3 }) }), { inputShape: [2, 4, 5], weights: 2, wrongRankShape: [2, 5] });
  });

  it('applies the layer to every time step with shared weights, builds it for (batch, ...)', () => {
    const dense = new Dense({ units: 2, useBias: false });
    const td = new TimeDistributed({ layer: dense });
    const x = randomUniform([2, 3, 4, 5], { seed: 2 });
    const y = td.apply(x);
    expect(y.shape).toEqual([2, 3, 4, 2]);
    expect(dense.buildInputShape).toEqual([2, 4, 5]);
    expectClose(y, reshape(matmul(reshape(x, [24, 5]), dense.kernel.value), [2, 3, 4, 2]), 1e-6, 1e-7);
    expect(td.computeOutputShape([null, 3, 4, 5])).toEqual([null, 3, 4, 2]);
  });

  it('passes the input mask through', () => {
    const masked = new Masking().apply(tensor([[[1, 2], [0, 0], [3, 4]]]));
    const y = new TimeDistributed({ layer: new Dense({ units: 1 }) }).apply(masked);
    expect(Array.from(getMask(y)?.data ?? [])).toEqual([1, 0, 1]);
  });

  it('has gradients for the input and the inner weights', () => {
    const dense = new Dense({ units: 2, activation: 'tanh' });
    const td = new TimeDistributed({ layer: dense });
    const x = randomUniform([2, 3, 2], { seed: 5 });
    td.apply(x);
    const [k, b] = dense.weights;
    const f = (xx: Tensor, kk: Tensor, bb: Tensor) => {
      const saved = [k.swapValue(kk), b.swapValue(bb)];
      try {
        return td.apply(xx);
      } finally {
        k.swapValue(saved[0]);
        b.swapValue(saved[1]);
      }
    };
    checkGradients(f, [x, k.value, b.value]);
  });

  it('rejects a layer that is not a Layer, an input below rank 3, and a mask of another (batch, time)', () => {
    expect(() => new TimeDistributed({ layer: 'dense' } as never)).toThrow(ValueError);
    expect(() => new TimeDistributed({ layer: 'dense' } as never)).toThrow(/TimeDistributed: layer must be a Layer instance, received layer='dense'/);
    const td = new TimeDistributed({ layer: new Dense({ units: 2 }) });
    expect(() => td.apply(tensor([[1, 2]]))).toThrow(ShapeError);
    expect(() => td.apply(tensor([[1, 2]]))).toThrow(/expected min_ndim=3, found ndim=2/);
    const mask = tensor([[1, 0]], [1, 2], 'bool');
    expect(() => td.apply(randomUniform([1, 3, 2]), { mask })).toThrow(ValueError);
    expect(() => td.apply(randomUniform([1, 3, 2]), { mask })).toThrow(/the mask must start with the input's \(batch, time\) = \(1, 3\), received mask shape \(1, 2\)/);
  });
});
