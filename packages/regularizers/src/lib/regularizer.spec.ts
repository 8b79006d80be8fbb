import { StrataError, Tensor, ValueError, mul, square, sum, tensor } from '@strata/tensor';
import { Regularizer, validateFloatArg } from './regularizer';

class L2Half extends Regularizer {
  static override readonly className = 'L2Half';
  override apply(w: Tensor): Tensor {
    return mul(0.5, sum(square(w)));
  }
  override getConfig(): Record<string, unknown> {
    return {};
  }
}

describe('Regularizer (base class)', () => {
  it('has a zero scalar penalty, as Keras', () => {
    const p = new Regularizer().apply(tensor([[1, -2], [3, 4]]));
    expect(p.shape).toEqual([]);
    expect(p.dtype).toBe('float32');
    expect(p.item()).toBe(0);
  });

  it('has no config, as Keras (get_config raises NotImplementedError)', () => {
    expect(() => new Regularizer().getConfig()).toThrow(StrataError);
    expect(() => new Regularizer().getConfig()).toThrow(/Regularizer: getConfig\(\) is not implemented/);
    expect(Regularizer.fromConfig({})).toBeInstanceOf(Regularizer);
  });

  it('lets a subclass define a penalty and inherit fromConfig', () => {
    expect(new L2Half().apply(tensor([1, 2])).item()).toBe(2.5);
    expect(L2Half.fromConfig({})).toBeInstanceOf(L2Half);
  });

  it('rejects config keys the class does not write', () => {
    expect(() => L2Half.fromConfig({ l2: 1 })).toThrow(ValueError);
    expect(() => L2Half.fromConfig({ l2: 1 })).toThrow("L2Half: config has unknown keys (expected none), received ['l2']");
  });
});

describe('validateFloatArg', () => {
  it('passes finite non-negative numbers through', () => {
    expect(validateFloatArg(0, 'X', 'a')).toBe(0);
    expect(validateFloatArg(2.5, 'X', 'a')).toBe(2.5);
  });

  it.each([
    [-1, 'a=-1'],
    [NaN, 'a=NaN'],
    [Infinity, 'a=Infinity'],
    [-Infinity, 'a=-Infinity'],
    ['0.1', "a='0.1'"],
    [null, 'a=null'],
    [true, 'a=true'],
  ])('rejects %p', (value, shown) => {
    expect(() => validateFloatArg(value, 'X', 'a')).toThrow(ValueError);
    expect(() => validateFloatArg(value, 'X', 'a')).toThrow(`X: a must be a non-negative finite number, received ${shown}`);
  });
});
