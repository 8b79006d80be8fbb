import { Tensor, ValueError, abs, sub, sum, tensor } from '@strata/tensor';
import { expectClose } from '@strata/tensor/testing';
import { Loss } from './loss';
import { MeanSquaredError } from './mean-squared-error';

class AbsSum extends Loss {
  static override readonly className = 'AbsSum';
  override call(yTrue: Tensor, yPred: Tensor) {
    return sum(abs(sub(yTrue, yPred)), -1);
  }
}

describe('Loss', () => {
  it('runs a subclass as the TSDoc example says', () => {
    expect(new AbsSum().apply([[1, 2]], [[0, 0]]).item()).toBe(3);
  });

  it('names itself after the class unless told otherwise', () => {
    expect(new AbsSum().name).toBe('abs_sum');
    expect(new AbsSum({ name: 'l1' }).name).toBe('l1');
    expect(new MeanSquaredError().name).toBe('mean_squared_error');
    expect(new MeanSquaredError({ name: null }).name).toBe('mean_squared_error');
  });

  it('writes { name, reduction } and reads it back', () => {
    const loss = new AbsSum({ reduction: 'sum', name: 'x' });
    expect(loss.getConfig()).toEqual({ name: 'x', reduction: 'sum' });
    const back = AbsSum.fromConfig(loss.getConfig());
    expect(back).toBeInstanceOf(AbsSum);
    expect(back.getConfig()).toEqual(loss.getConfig());
    // Keras's configs never carry dtype, but its constructor takes one.
    expect(AbsSum.fromConfig({ name: 'x', reduction: 'sum', dtype: 'float32' }).reduction).toBe('sum');
  });

  it('rejects unknown config keys, bad reductions, names and dtypes, naming the value', () => {
    expect(() => AbsSum.fromConfig({ name: 'x', delta: 2 })).toThrow(ValueError);
    expect(() => AbsSum.fromConfig({ name: 'x', delta: 2 })).toThrow(/AbsSum: config has unknown keys .*received \['delta'\]/);
    expect(() => new AbsSum({ reduction: 'auto' })).toThrow(/AbsSum: reduction must be one of .*received reduction='auto'/);
    expect(() => new AbsSum({ name: 3 as unknown as string })).toThrow(/name must be a string, received name=3/);
    expect(() => new AbsSum({ dtype: 'float16' })).toThrow(/only dtype 'float32' is supported, received dtype='float16'/);
  });

  it('accepts arrays, int tensors and a prediction mask', () => {
    const mse = new MeanSquaredError();
    expect(mse.apply(tensor([[1, 2]], undefined, 'int32'), [[1, 4]]).item()).toBe(2);
    // The mask drops the second sample from the mean (Keras's y_pred._keras_mask).
    expectClose(mse.apply([[0], [0]], [[1], [3]], null, [true, false]), 1);
    expectClose(mse.apply([[0], [0]], [[1], [3]], [1, 1], [true, false]), 1);
  });
});
