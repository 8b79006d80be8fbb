import fc from 'fast-check';
import { Tensor, ValueError, grad, tensor } from '@strata/tensor';
import { checkGradients, expectClose } from '@strata/tensor/testing';
import { logSoftmax, softmax } from './softmax';

const rowsArb = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 6 }))
  .chain(([r, c]) =>
    fc.tuple(
      fc.constant([r, c]),
      fc.array(fc.float({ min: -100, max: 100, noNaN: true }), { minLength: r * c, maxLength: r * c }),
      fc.array(fc.float({ min: -50, max: 50, noNaN: true }), { minLength: r, maxLength: r }),
    ),
  );

const rowsOf = (t: Tensor) => t.toArray() as number[][];

describe('softmax', () => {
  test('golden values, also for huge logits (the max is subtracted first)', () => {
    expectClose(softmax(tensor([[1, 2, 3]])), [[0.09003057317038046, 0.24472847105479764, 0.6652409557748219]]);
    expectClose(softmax(tensor([[1000, 1000, 1000]])), [[1 / 3, 1 / 3, 1 / 3]]);
    expectClose(softmax(tensor([[1e4, -1e4, 0]])), [[1, 0, 0]]);
    expectClose(softmax(tensor([[-Infinity, 0]])), [[0, 1]]);
  });

  test('a NaN poisons its row only', () => {
    const y = rowsOf(softmax(tensor([[NaN, 0], [0, 0]])));
    expect(y[0].every(Number.isNaN)).toBe(true);
    expect(y[1]).toEqual([0.5, 0.5]);
  });

  test('other axes: columns, several axes, all axes', () => {
    const x = tensor([[1, 2], [3, 4]]);
    const e = (a: number, b: number) => Math.exp(a) / (Math.exp(a) + Math.exp(b));
    expectClose(softmax(x, { axis: 0 }), [[e(1, 3), e(2, 4)], [e(3, 1), e(4, 2)]]);
    const z = Math.exp(1) + Math.exp(2) + Math.exp(3) + Math.exp(4);
    const all = [[Math.exp(1) / z, Math.exp(2) / z], [Math.exp(3) / z, Math.exp(4) / z]];
    expectClose(softmax(x, { axis: null }), all);
    expectClose(softmax(x, { axis: [0, 1] }), all);
    const x3 = tensor([[[1, 2], [3, 4]], [[5, 6], [7, 8]]]);
    // axis [0, 2] groups {x[0, i, :], x[1, i, :]} for each i.
    const y3 = softmax(x3, { axis: [0, 2] }).toArray() as number[][][];
    const z0 = [1, 2, 5, 6].reduce((s, v) => s + Math.exp(v), 0);
    expect(y3[1][0][1]).toBeCloseTo(Math.exp(6) / z0, 6);
    expect(y3[0][0][0] + y3[0][0][1] + y3[1][0][0] + y3[1][0][1]).toBeCloseTo(1, 6);
  });

  test('rows sum to 1 and are invariant to adding a constant per row', () => {
    fc.assert(
      fc.property(rowsArb, ([[r, c], vs, shifts]) => {
        const y = rowsOf(softmax(tensor(vs, [r, c])));
        for (const row of y) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
        const shifted = tensor(
          vs.map((v, i) => v + shifts[Math.floor(i / c)]),
          [r, c],
        );
        expectClose(softmax(shifted), y, 1e-4, 1e-6);
      }),
      { seed: 42, numRuns: 50 },
    );
  });

  test('the gradient is y * (dy - sum(dy * y))', () => {
    const x = tensor([[0.5, -1, 2], [3, 0, 0.1]]);
    const dy = tensor([[1, 2, -1], [0.5, 0, 4]]);
    const y = rowsOf(softmax(x));
    const d = rowsOf(dy);
    const expected = y.map((row, r) => {
      const dot = row.reduce((s, v, j) => s + v * d[r][j], 0);
      return row.map((v, j) => v * (d[r][j] - dot));
    });
    expectClose(grad((v) => softmax(v))(x, dy), expected, 1e-5, 1e-7);
  });

  test.each([[-1], [0], [1], [[0, 2]], [null]])('gradients match finite differences along axis %j', (axis) => {
    const x = tensor([[[0.3, -1.2, 2], [1.1, 0.4, -0.6]], [[-0.2, 0.9, 1.5], [0.1, -2, 0.7]]]);
    checkGradients((v) => softmax(v, { axis }), [x]);
  });
});

describe('logSoftmax', () => {
  test('golden values and huge logits', () => {
    expectClose(logSoftmax(tensor([[1, 2, 3]])), [[-2.4076059644443806, -1.4076059644443806, -0.4076059644443806]]);
    expectClose(logSoftmax(tensor([[1e4, -1e4]])), [[0, -2e4]]);
  });

  test('equals log(softmax)', () => {
    fc.assert(
      fc.property(rowsArb, ([[r, c], vs]) => {
        const x = tensor(vs.map((v) => v / 5), [r, c]);
        const expected = rowsOf(softmax(x)).map((row) => row.map(Math.log));
        expectClose(logSoftmax(x), expected, 1e-4, 1e-5);
      }),
      { seed: 42, numRuns: 50 },
    );
  });

  test('the gradient is dy - softmax(x) * sum(dy)', () => {
    const x = tensor([[0.5, -1, 2]]);
    const dy = tensor([[1, 2, -1]]);
    const p = rowsOf(softmax(x))[0];
    expectClose(grad((v) => logSoftmax(v))(x, dy), [[1 - 2 * p[0], 2 - 2 * p[1], -1 - 2 * p[2]]], 1e-5, 1e-7);
  });

  test.each([[-1], [0], [[0, 2]], [null]])('gradients match finite differences along axis %j', (axis) => {
    const x = tensor([[[0.3, -1.2, 2], [1.1, 0.4, -0.6]], [[-0.2, 0.9, 1.5], [0.1, -2, 0.7]]]);
    checkGradients((v) => logSoftmax(v, { axis }), [x]);
  });
});

describe('bad arguments', () => {
  const x = tensor([[1, 2], [3, 4]]);
  test.each([
    ['softmax', () => softmax(x, { axis: 2 }), /softmax: axis must be an integer in \[-2, 1\], received axis=2/],
    ['softmax', () => softmax(x, { axis: 0.5 }), /softmax: axis must be an integer in \[-2, 1\], received axis=0.5/],
    ['softmax', () => softmax(x, { axis: [1, -1] }), /softmax: axis must not repeat an axis, received axis=\[1, -1\]/],
    ['softmax', () => softmax(x, { dim: 1 } as never), /softmax: unknown option, expected one of axis, received dim=1/],
    ['logSoftmax', () => logSoftmax(x, { axis: -3 }), /logSoftmax: axis must be an integer in \[-2, 1\], received axis=-3/],
    ['logSoftmax', () => logSoftmax(x, 1 as never), /logSoftmax: options must be an object, received options=1/],
  ])('%s rejects it', (_name, call, message) => {
    expect(call).toThrow(ValueError);
    expect(call).toThrow(message);
  });
});
