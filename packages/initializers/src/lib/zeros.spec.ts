import { ValueError } from '@strata/tensor';
import { Zeros } from './zeros';

describe('Zeros', () => {
  it('fills with 0 in float32 by default', () => {
    const t = new Zeros().apply([2, 3]);
    expect(t.dtype).toBe('float32');
    expect(t.toArray()).toEqual([[0, 0, 0], [0, 0, 0]]);
  });

  it('honours int32 and bool dtypes and scalar shapes', () => {
    expect(new Zeros().apply([2], 'int32').data).toEqual(new Int32Array([0, 0]));
    expect(new Zeros().apply([1], 'bool').dtype).toBe('bool');
    expect(new Zeros().apply([]).shape).toEqual([]);
  });

  it('has an empty config and round-trips', () => {
    expect(new Zeros().getConfig()).toEqual({});
    expect(Zeros.fromConfig({})).toBeInstanceOf(Zeros);
  });

  it('rejects a bad shape', () => {
    expect(() => new Zeros().apply([2, -1])).toThrow(ValueError);
    expect(() => new Zeros().apply([2, -1])).toThrow(/Zeros: shape must be .*shape=\[2, -1\]/);
  });
});
