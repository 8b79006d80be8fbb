import { Tensor, ValueError, minimum, tensor } from '@strata/tensor';
import { Constraint, EPSILON, checkAxis, checkNumber } from './constraint';

class NonPositive extends Constraint {
  static override readonly className = 'NonPositive';
  override apply(w: Tensor): Tensor {
    return minimum(w, 0);
  }
}

describe('Constraint (base class)', () => {
  it('returns the weight unchanged and has an empty config', () => {
    const w = tensor([[1, -2]]);
    expect(new Constraint().apply(w)).toBe(w);
    expect(new Constraint().getConfig()).toEqual({});
    expect(Constraint.fromConfig({})).toBeInstanceOf(Constraint);
  });

  it('lets a subclass project and inherit fromConfig', () => {
    expect(new NonPositive().apply(tensor([-1, 2])).toArray()).toEqual([-1, 0]);
    expect(NonPositive.fromConfig({})).toBeInstanceOf(NonPositive);
  });

  it('rejects config keys the class does not write', () => {
    expect(() => NonPositive.fromConfig({ axis: 0 })).toThrow(ValueError);
    expect(() => NonPositive.fromConfig({ axis: 0 })).toThrow(
      "NonPositive: config has unknown keys (expected none), received ['axis']",
    );
  });

  it("uses Keras's epsilon", () => {
    expect(EPSILON).toBe(1e-7);
  });
});

describe('argument checks', () => {
  it('accepts integer axes, arrays of them and null, and copies arrays', () => {
    expect(checkAxis(0, 'X')).toBe(0);
    expect(checkAxis(-1, 'X')).toBe(-1);
    expect(checkAxis(null, 'X')).toBeNull();
    const axes = [0, 1];
    const got = checkAxis(axes, 'X');
    expect(got).toEqual([0, 1]);
    expect(got).not.toBe(axes);
  });

  it.each([
    [1.5, 'axis=1.5'],
    ['0', "axis='0'"],
    [[0, 'a'], "axis=[0, 'a']"],
    [undefined, 'axis=undefined'],
  ])('rejects axis %p', (axis, shown) => {
    expect(() => checkAxis(axis, 'X')).toThrow(ValueError);
    expect(() => checkAxis(axis, 'X')).toThrow(`X: axis must be an integer, an array of integers or null, received ${shown}`);
  });

  it('accepts any number but NaN', () => {
    expect(checkNumber(-3, 'X', 'v')).toBe(-3);
    expect(checkNumber(Infinity, 'X', 'v')).toBe(Infinity);
    expect(() => checkNumber(NaN, 'X', 'v')).toThrow(ValueError);
    expect(() => checkNumber(NaN, 'X', 'v')).toThrow('X: v must be a number, received v=NaN');
    expect(() => checkNumber('2', 'X', 'v')).toThrow("X: v must be a number, received v='2'");
  });
});
