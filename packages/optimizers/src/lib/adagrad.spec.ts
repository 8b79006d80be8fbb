import { ValueError } from '@strata/tensor';
import { expectClose } from '@strata/tensor/testing';
import { Adagrad } from './adagrad';
import { trace } from './testing/trace';

describe('Adagrad', () => {
  it('accumulates squared gradients from initialAccumulatorValue (hand golden, two steps)', () => {
    const opt = new Adagrad({ learningRate: 0.1 });
    const steps = trace(opt, [1], [[1], [2]]);
    const first = 1 - 0.1 / Math.sqrt(1.1 + 1e-7);
    expectClose(steps[0], [first], 1e-6);
    expectClose(steps[1], [first - 0.2 / Math.sqrt(5.1 + 1e-7)], 1e-6);
    expectClose(opt.variables()[2].value, [5.1], 1e-6);
  });

  it('rejects bad arguments', () => {
    expect(() => new Adagrad({ initialAccumulatorValue: 'a' as never })).toThrow(ValueError);
    expect(() => new Adagrad({ initialAccumulatorValue: 'a' as never })).toThrow(
      "Adagrad: initial_accumulator_value must be a number, received initial_accumulator_value='a'",
    );
  });
});
