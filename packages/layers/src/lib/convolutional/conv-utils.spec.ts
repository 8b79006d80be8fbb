import { ShapeError, ValueError, randomUniform } from '@strata/tensor';
import fc from 'fast-check';
import { convPadding, convTuple, toChannelsFirst, toChannelsLast, windowOutputLength, windowOutputShape } from './conv-utils';

describe('convolution argument helpers', () => {
  it("expand and check tuples as Keras's standardize_tuple", () => {
    expect(convTuple(3, 2, 'kernelSize', 'Conv2D')).toEqual([3, 3]);
    expect(convTuple([1, 0], 2, 'outputPadding', 'X', true)).toEqual([1, 0]);
    expect(() => convTuple([1, 0], 2, 'strides', 'X')).toThrow(ValueError);
    expect(() => convTuple([1, 0], 2, 'strides', 'X')).toThrow('X: strides must be a positive integer or an array of 2 positive integers, received strides=[1, 0]');
  });

  it('lower-cases padding names and allows causal only where asked', () => {
    expect(convPadding('Same', 'X', false)).toBe('same');
    expect(convPadding('CAUSAL', 'X', true)).toBe('causal');
    expect(() => convPadding(3, 'X', true)).toThrow("X: padding must be one of 'valid', 'same', 'causal', received padding=3");
  });

  it("computes Keras's output lengths by hand-checkable examples", () => {
    expect(windowOutputLength(10, 3, 1, 1, 'valid')).toBe(8);
    expect(windowOutputLength(10, 3, 2, 1, 'valid')).toBe(4);
    expect(windowOutputLength(10, 3, 1, 2, 'valid')).toBe(6);
    expect(windowOutputLength(10, 3, 3, 1, 'same')).toBe(4);
    expect(windowOutputLength(10, 5, 1, 3, 'causal')).toBe(10);
    expect(windowOutputLength(null, 3, 1, 1, 'valid')).toBeNull();
  });

  it('rejects an input of the wrong rank, naming the layout', () => {
    const args = { rank: 2, channels: 4, kernelSize: [2, 2], strides: [1, 1], dilation: [1, 1], padding: 'valid' as const, dataFormat: 'channels_first' as const };
    expect(() => windowOutputShape([null, 3, 8], args, 'L')).toThrow(ShapeError);
    expect(() => windowOutputShape([null, 3, 8], args, 'L')).toThrow('L: expected an input of rank 4 (batch, channels, height, width), received shape (None, 3, 8)');
    expect(windowOutputShape([null, 3, 8, 5], args, 'L')).toEqual([null, 4, 7, 4]);
  });

  it('moves the channels axis last and back without changing values', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 3, maxLength: 5 }), (shape) => {
        const x = randomUniform(shape, { seed: 1 });
        const last = toChannelsLast(x);
        expect(last.shape).toEqual([shape[0], ...shape.slice(2), shape[1]]);
        const back = toChannelsFirst(last);
        expect(back.shape).toEqual(shape);
        expect([...back.data]).toEqual([...x.data]);
      }),
      { seed: 42, numRuns: 50 },
    );
  });
});
