import { grad, grads, isRecording, noGrad, valueAndGrad, valueAndGrads, variableGrads } from './autodiff';
import { StrataError, ValueError } from './errors';
import { add, mul, sub } from './ops/arithmetic';
import { sum } from './ops/reduce';
import { Tensor, tensor } from './tensor';
import { Variable } from './variable';

const arr = (t: Tensor) => t.toArray();

describe('grad and valueAndGrad', () => {
  it('differentiates a scalar function', () => {
    expect(arr(grad((x) => sum(mul(x, x)))(tensor([1, 2, 3])))).toEqual([2, 4, 6]);
  });

  it('returns the value with the gradient', () => {
    const { value, grad: g } = valueAndGrad((x) => sum(mul(x, x)))(tensor([[1, 2], [3, 4]]));
    expect(value.item()).toBe(30);
    expect(arr(g)).toEqual([[2, 4], [6, 8]]);
  });

  it('differentiates the sum of a non-scalar output, or seeds it with dy', () => {
    const f = (x: Tensor) => mul(x, 3);
    expect(arr(grad(f)(tensor([1, 2])))).toEqual([3, 3]);
    expect(arr(grad(f)(tensor([1, 2]), tensor([1, -2])))).toEqual([3, -6]);
  });

  it('accumulates the gradient of a value used twice', () => {
    expect(arr(grad((x) => sum(add(x, x)))(tensor([5, 6])))).toEqual([2, 2]);
    // y = x^2 feeds both branches: d/dx sum(y + y * x) = 2x + 3x^2.
    const g = grad((x) => {
      const y = mul(x, x);
      return sum(add(y, mul(y, x)));
    })(tensor([1, 2]));
    expect(arr(g)).toEqual([5, 16]);
  });

  it('gives ones for the identity and zeros for a constant', () => {
    expect(arr(grad((x) => x)(tensor([3, 4])))).toEqual([1, 1]);
    const g = grad(() => tensor(7))(tensor([[1, 2]]));
    expect(g.shape).toEqual([1, 2]);
    expect(arr(g)).toEqual([[0, 0]]);
  });

  it('leaves the input tensor untouched', () => {
    const x = tensor([1, 2]);
    grad((t) => sum(mul(t, t)))(x);
    expect(x.tracked).toBe(false);
    expect(x.node).toBeNull();
  });

  it('follows chains deeper than the call stack allows for recursion', () => {
    const g = grad((x) => {
      let y = x;
      for (let i = 0; i < 20_000; i++) y = add(y, 1);
      return sum(y);
    })(tensor([0, 0]));
    expect(arr(g)).toEqual([1, 1]);
  });

  it('rejects a function that does not return a Tensor', () => {
    const f = (() => 3) as unknown as (x: Tensor) => Tensor;
    expect(() => grad(f)(tensor([1]))).toThrow(ValueError);
    expect(() => grad(f)(tensor([1]))).toThrow('valueAndGrads: f must return a Tensor, received 3');
  });
});

describe('grads and valueAndGrads', () => {
  it('differentiates with respect to every argument, reduced to its shape', () => {
    const [ga, gb] = grads((a, b) => sum(mul(a, b)))([tensor([[1, 2], [3, 4]]), tensor([5, 6])]);
    expect(arr(ga)).toEqual([[5, 6], [5, 6]]);
    expect(arr(gb)).toEqual([4, 6]);
  });

  it('returns the value too', () => {
    const { value, grads: g } = valueAndGrads((a, b) => sum(sub(a, b)))([tensor([1, 2]), tensor(10)]);
    expect(value.item()).toBe(-17);
    expect(arr(g[0])).toEqual([1, 1]);
    expect(arr(g[1])).toBe(-2);
  });

  it('gives zeros of the right shape for an unused input', () => {
    const [ga, gb] = grads((a) => sum(a))([tensor([1, 2]), tensor([[1, 2, 3]])]);
    expect(arr(ga)).toEqual([1, 1]);
    expect(arr(gb)).toEqual([[0, 0, 0]]);
  });

  it('treats the same tensor passed twice as two inputs', () => {
    const x = tensor([2, 3]);
    const [g1, g2] = grads((a, b) => sum(mul(a, mul(b, b))))([x, x]);
    expect(arr(g1)).toEqual([4, 9]);
    expect(arr(g2)).toEqual([8, 18]);
  });
});

describe('variableGrads', () => {
  it('gives gradients in the order of the variables and restores their values', () => {
    const w = new Variable(tensor([1, 2]), { name: 'w' });
    const b = new Variable(tensor(0.5), { name: 'b' });
    const wBefore = w.value;
    const bBefore = b.value;
    const x = tensor([3, 4]);
    const { value, grads: g } = variableGrads(() => sum(add(mul(w.value, x), b.value)), [b, w]);
    expect(value.item()).toBe(12);
    expect(arr(g[0])).toBe(2);
    expect(arr(g[1])).toEqual([3, 4]);
    expect(w.value).toBe(wBefore);
    expect(b.value).toBe(bBefore);
    expect(w.value.tracked).toBe(false);
  });

  it('gives zeros for a variable f does not use', () => {
    const used = new Variable(tensor([1, 2]));
    const unused = new Variable(tensor([[1], [2]]));
    const { grads: g } = variableGrads(() => sum(mul(used.value, used.value)), [used, unused]);
    expect(arr(g[0])).toEqual([2, 4]);
    expect(arr(g[1])).toEqual([[0], [0]]);
  });

  it('restores the values when f throws', () => {
    const w = new Variable(tensor([1]));
    const before = w.value;
    expect(() =>
      variableGrads(() => {
        throw new StrataError('boom');
      }, [w]),
    ).toThrow('boom');
    expect(w.value).toBe(before);
    expect(isRecording()).toBe(false);
  });
});

describe('noGrad and recording', () => {
  it('treats what noGrad computes as a constant', () => {
    // sum(x * stop(x^2)) has gradient x^2, not 3x^2.
    const g = grad((x) => sum(mul(x, noGrad(() => mul(x, x)))))(tensor([1, 2, 3]));
    expect(arr(g)).toEqual([1, 4, 9]);
  });

  it('nests: recording resumes only when the outermost noGrad returns', () => {
    const states: boolean[] = [];
    grad((x) => {
      states.push(isRecording());
      const c = noGrad(() => {
        const inner = noGrad(() => {
          states.push(isRecording());
          return mul(x, 2);
        });
        states.push(isRecording());
        return add(inner, x);
      });
      states.push(isRecording());
      expect(c.node).toBeNull();
      return sum(mul(c, x));
    })(tensor([1]));
    expect(states).toEqual([true, false, false, true]);
    // c = 3x is a constant, so d/dx sum(c * x) = c.
    expect(arr(grad((x) => sum(mul(noGrad(() => add(noGrad(() => mul(x, 2)), x)), x)))(tensor([1, 2])))).toEqual([3, 6]);
  });

  it('returns the value of f and stops pausing when f throws', () => {
    expect(noGrad(() => 42)).toBe(42);
    grad((x) => {
      expect(() =>
        noGrad(() => {
          throw new StrataError('inner');
        }),
      ).toThrow('inner');
      expect(isRecording()).toBe(true);
      return sum(x);
    })(tensor([1]));
  });

  it('records nothing outside a gradient computation', () => {
    expect(isRecording()).toBe(false);
    const x = tensor([1, 2]);
    const y = mul(add(x, x), x);
    expect(y.node).toBeNull();
    expect(y.tracked).toBe(false);
    grad((t) => sum(mul(t, t)))(x);
    expect(isRecording()).toBe(false);
    expect(add(x, 1).node).toBeNull();
  });

  it('records the graph inside a gradient computation', () => {
    grad((x) => {
      const y = mul(x, 2);
      expect(y.tracked).toBe(true);
      expect(y.node?.inputs[0]).toBe(x);
      const c = add(tensor([1]), tensor([2]));
      expect(c.node).toBeNull();
      return sum(y);
    })(tensor([1]));
  });
});
