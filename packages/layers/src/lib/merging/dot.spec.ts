import { ShapeError, ValueError, randomUniform, tensor, zeros } from '@strata/tensor';
import { checkGradients, expectClose } from '@strata/tensor/testing';
import fc from 'fast-check';
import { input } from '../core/input-layer';
import { getMask, setMask } from '../engine/masks';
import { checkLayerContract } from '../testing/check-layer-contract';
import { Dot } from './dot';

describe('Dot', () => {
  it('passes the layer contract', () => {
    checkLayerContract(() => new Dot({ axes: 1 }), { inputShape: [[2, 3], [2, 3]], weights: 0, wrongRankShape: [2] });
    checkLayerContract(() => new Dot({ axes: [1, 2], normalize: true }), { inputShape: [[2, 3, 5], [2, 4, 3]], weights: 0 });
  });

  it('takes per-sample dot products of vectors, keeping a (batch, 1) shape', () => {
    expect(new Dot({ axes: 1 }).apply([tensor([[1, 2], [3, 4]]), tensor([[5, 6], [7, 8]])]).toArray()).toEqual([[17], [53]]);
  });

  it('contracts the chosen axes of higher-rank inputs', () => {
    const x = tensor([[[1, 2], [3, 4], [5, 6]]]); // (1, 3, 2)
    const y = tensor([[[1, 0, 1], [0, 1, 1]]]); // (1, 2, 3)
    // axes [1, 2]: y0[b, i, j] = sum_k x[b, k, i] * y[b, j, k]
    expect(new Dot({ axes: [1, 2] }).apply([x, y]).toArray()).toEqual([[[6, 8], [8, 10]]]);
    expect(new Dot({ axes: [1, 2] }).computeOutputShape([[null, 3, 2], [null, 2, 3]])).toEqual([null, 2, 2]);
    expect(new Dot({ axes: -1 }).apply([input({ shape: [3, 4] }), input({ shape: [5, 4] })]).shape).toEqual([null, 3, 5]);
  });

  it('with normalize gives the cosine similarity', () => {
    const y = new Dot({ axes: 1, normalize: true }).apply([tensor([[3, 4], [1, 0]]), tensor([[4, 3], [0, 0]])]);
    // A zero vector stays zero (its inverse norm is capped at 1 / epsilon).
    expectClose(y, tensor([[24 / 25], [0]]), 1e-6, 1e-7);
  });

  it('drops masks', () => {
    const a = zeros([1, 2, 2]);
    setMask(a, tensor([[true, false]], undefined, 'bool'));
    const b = zeros([1, 2, 2]);
    setMask(b, tensor([[true, true]], undefined, 'bool'));
    expect(getMask(new Dot({ axes: 2 }).apply([a, b]))).toBeNull();
  });

  it('has matmul gradients, also through normalize', () => {
    const a = randomUniform([2, 3, 4], { minval: 0.2, maxval: 1, seed: 1 });
    const b = randomUniform([2, 5, 4], { minval: 0.2, maxval: 1, seed: 2 });
    checkGradients((x, y) => new Dot({ axes: 2 }).apply([x, y]), [a, b]);
    checkGradients((x, y) => new Dot({ axes: 2, normalize: true }).apply([x, y]), [a, b]);
  });

  it('agrees with a reference loop for random axes (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 2 }), fc.integer({ min: 0, max: 1e6 }), (a0, a1, seed) => {
        // x (2, 3, 4) and y (2, 4, 3): pick axes whose sizes match.
        const x = randomUniform([2, 3, 4], { seed });
        const y = randomUniform([2, 4, 3], { seed: seed + 1 });
        if (x.shape[a0] !== y.shape[a1]) return;
        const out = new Dot({ axes: [a0, a1] }).apply([x, y]);
        const xv = x.toArray() as number[][][];
        const yv = y.toArray() as number[][][];
        const k = x.shape[a0];
        const xi = (b: number, i: number, kk: number) => (a0 === 1 ? xv[b][kk][i] : xv[b][i][kk]);
        const yj = (b: number, j: number, kk: number) => (a1 === 1 ? yv[b][kk][j] : yv[b][j][kk]);
        const want = [0, 1].map((b) =>
          Array.from({ length: 12 / k }, (_, i) => Array.from({ length: 12 / k }, (_, j) => {
            let s = 0;
            for (let kk = 0; kk < k; kk++) s += xi(b, i, kk) * yj(b, j, kk);
            return s;
          })),
        );
        expectClose(out, tensor(want), 1e-5, 1e-6);
      }),
      { seed: 42, numRuns: 50 },
    );
  });

  it('writes the Keras config', () => {
    expect(new Dot({ axes: [1, 2], name: 'd' }).getConfig()).toMatchObject({ name: 'd', axes: [1, 2], normalize: false });
    expect(new Dot({ axes: 1, normalize: true }).getConfig()).toMatchObject({ axes: 1, normalize: true });
  });

  it.each([
    [undefined, 'undefined'], [1.5, '1\\.5'], [[1], '\\[1\\]'], [[1, 2, 3], '\\[1, 2, 3\\]'], ['1', "'1'"],
  ])('rejects axes=%p', (axes, shown) => {
    expect(() => new Dot({ axes: axes as never })).toThrow(ValueError);
    expect(() => new Dot({ axes: axes as never })).toThrow(new RegExp(`^Dot: axes must be an integer or an array of 2 integers, received axes=${shown}$`));
  });

  it('rejects a normalize that is not a boolean', () => {
    expect(() => new Dot({ axes: 1, normalize: 1 as never })).toThrow(ValueError);
    expect(() => new Dot({ axes: 1, normalize: 1 as never })).toThrow('Dot: normalize must be a boolean, received normalize=1');
  });

  it('rejects the batch axis', () => {
    expect(() => new Dot({ axes: 0, name: 'd' }).apply([zeros([2, 3]), zeros([2, 3])])).toThrow(ValueError);
    expect(() => new Dot({ axes: -2, name: 'd' }).apply([zeros([2, 3]), zeros([2, 3])])).toThrow(
      "Dot 'd': axes cannot name the batch axis 0, received axes=-2 for input_shape=[(2, 3), (2, 3)]",
    );
  });

  it('rejects dot axes of different sizes, naming both shapes', () => {
    expect(() => new Dot({ axes: 1, name: 'd' }).apply([zeros([2, 3]), zeros([2, 4])])).toThrow(ShapeError);
    expect(() => new Dot({ axes: [1, 2], name: 'd' }).apply([zeros([2, 3]), zeros([2, 3, 4])])).toThrow(
      "Dot 'd': the dot axes must have the same size, received size 3 (axis 1 of (2, 3)) and 4 (axis 2 of (2, 3, 4))",
    );
  });

  it('rejects other than 2 inputs, rank-1 inputs, axes out of range and different batch sizes', () => {
    const d = () => new Dot({ axes: 1, name: 'd' });
    expect(() => d().apply([zeros([2, 3])])).toThrow("Dot 'd': expected a list of 2 inputs, received input_shape=[(2, 3)]");
    expect(() => d().apply([zeros([2]), zeros([2])])).toThrow(
      "Dot 'd': inputs must have rank >= 2 (a batch axis and a dot axis), received input_shape=[(2,), (2,)]",
    );
    expect(() => new Dot({ axes: 2, name: 'd' }).apply([zeros([2, 3]), zeros([2, 3])])).toThrow(
      "Dot 'd': axes out of range for the inputs, received axes=2 for input_shape=[(2, 3), (2, 3)]",
    );
    expect(() => d().apply([zeros([2, 3]), zeros([3, 3])])).toThrow(
      "Dot 'd': inputs must have the same batch size, received input_shape=[(2, 3), (3, 3)]",
    );
    expect(() => d().apply(zeros([2, 3]))).toThrow(ShapeError);
  });
});
