import { ValueError } from '@strata/tensor';
import { Ones } from './ones';

describe('Ones', () => {
  it('fills with 1 in float32 by default', () => {
    const t = new Ones().apply([2, 2]);
    expect(t.dtype).toBe('float32');
    expect(t.toArray()).toEqual([[1, 1], [1, 1]]);
  });

  it('honours the int32 dtype', () => {
    expect(new Ones().apply([3], 'int32').data).toEqual(new Int32Array([1, 1, 1]));
  });

  it('has an empty config and round-trips', () => {
    expect(new Ones().getConfig()).toEqual({});
    expect(Ones.fromConfig({})).toBeInstanceOf(Ones);
  });

  it('rejects a bad shape', () => {
    expect(() => new Ones().apply([1.5])).toThrow(ValueError);
    expect(() => new Ones().apply([1.5])).toThrow(/Ones: shape must be .*shape=\[1.5\]/);
  });
});
