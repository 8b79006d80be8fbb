import { ValueError } from '@strata/tensor';
import { Constant } from './constant';

describe('Constant', () => {
  it('fills with the value', () => {
    expect(new Constant({ value: 10 }).apply([2, 2]).toArray()).toEqual([[10, 10], [10, 10]]);
    expect(new Constant({ value: -2.5 }).apply([3]).toArray()).toEqual([-2.5, -2.5, -2.5]);
  });

  it('defaults to 0', () => {
    expect(new Constant().apply([2]).toArray()).toEqual([0, 0]);
  });

  it('casts the value to the dtype as Keras: int32 truncates, bool is value != 0', () => {
    expect(new Constant({ value: 2.7 }).apply([2], 'int32').data).toEqual(new Int32Array([2, 2]));
    expect(new Constant({ value: -2.7 }).apply([1], 'int32').data).toEqual(new Int32Array([-2]));
    expect(new Constant({ value: 3 }).apply([1], 'bool').data).toEqual(new Uint8Array([1]));
  });

  it('writes { value } and round-trips', () => {
    const c = new Constant({ value: 3 });
    expect(c.getConfig()).toEqual({ value: 3 });
    expect(Constant.fromConfig(c.getConfig()).value).toBe(3);
  });

  it('rejects a non-numeric value', () => {
    expect(() => new Constant({ value: '3' as unknown as number })).toThrow(ValueError);
    expect(() => new Constant({ value: '3' as unknown as number })).toThrow(/Constant: value must be a finite number, received value='3'/);
  });
});
