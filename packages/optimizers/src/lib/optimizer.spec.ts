import { DTypeError, ShapeError, StrataError, Tensor, ValueError, Variable, mul, sub, sum, tensor, variableGrads } from '@strata/tensor';
import { expectClose } from '@strata/tensor/testing';
import { Adam } from './adam';
import { Optimizer } from './optimizer';
import { resetOptimizerNames } from './optimizer-options';
import { RMSprop } from './rmsprop';
import { ExponentialDecay } from './schedules/exponential-decay';
import { SGD } from './sgd';

const vec = (values: number[]) => new Variable(tensor(values));
const values = (v: Variable) => Array.from(v.value.data);

describe('Optimizer (base class)', () => {
  it('applies weight decay, then the update, then the constraint, then counts the iteration', () => {
    const seen: number[][] = [];
    const w = new Variable(tensor([1, -2]), {
      constraint: {
        apply: (x: Tensor) => {
          seen.push(Array.from(x.data));
          return tensor([Math.max(x.data[0], 0), Math.max(x.data[1], 0)]);
        },
      },
    });
    const opt = new SGD({ learningRate: 0.5, weightDecay: 0.1 });
    opt.apply([tensor([4, -1])], [w]);
    // Decay: w - w * 0.1 * 0.5 = [0.95, -1.9]; update: - 0.5 * g = [-1.05, -1.4]; then max(., 0).
    expectClose(seen[0], [-1.05, -1.4], 1e-6);
    expect(values(w)).toEqual([0, 0]);
    expect(opt.iterations).toBe(1);
  });

  it('clipnorm clips each gradient to that norm; clipvalue each element; globalClipnorm all together', () => {
    const run = (opt: Optimizer) => {
      const [u, v] = [vec([0, 0]), vec([0])];
      opt.apply([tensor([3, 4]), tensor([12])], [u, v]);
      return [...values(u), ...values(v)];
    };
    expectClose(run(new SGD({ learningRate: 1, clipnorm: 1 })), [-0.6, -0.8, -1], 1e-6);
    expectClose(run(new SGD({ learningRate: 1, clipvalue: 3.5 })), [-3, -3.5, -3.5], 1e-6);
    // Global norm 13: everything scaled by 6.5 / 13.
    expectClose(run(new SGD({ learningRate: 1, globalClipnorm: 6.5 })), [-1.5, -2, -6], 1e-6);
    // Clip options of 0 are off, as in Keras.
    expectClose(run(new SGD({ learningRate: 1, clipnorm: 0 })), [-3, -4, -12], 1e-6);
  });

  it('divides gradients by lossScaleFactor and scaleLoss multiplies by it', () => {
    const w = vec([1]);
    const opt = new SGD({ learningRate: 1, lossScaleFactor: 4 });
    opt.apply([tensor([2])], [w]);
    expect(values(w)).toEqual([0.5]);
    expect(opt.scaleLoss(tensor(3)).item()).toBe(12);
    expect(new SGD().scaleLoss(tensor(3)).item()).toBe(3);
  });

  it('skips variables whose gradient is null; all null is an error', () => {
    const [u, v] = [vec([1]), vec([1])];
    const opt = new SGD({ learningRate: 1 });
    opt.apply([null, tensor([1])], [u, v]);
    expect([values(u), values(v)]).toEqual([[1], [0]]);
    expect(() => opt.apply([null, null], [u, v])).toThrow(ValueError);
    expect(() => opt.apply([null, null], [u, v])).toThrow('SGD: no gradients provided for any variable, received 2 null gradients');
  });

  it('ignores an empty gradient list and reuses the built variables when none are given', () => {
    const w = vec([1]);
    const opt = new SGD({ learningRate: 1 });
    opt.apply([]);
    expect(opt.iterations).toBe(0);
    opt.apply([tensor([1])], [w]);
    opt.apply([tensor([1])]);
    expect([values(w), opt.iterations]).toEqual([[-1], 2]);
    opt.applyGradients([[tensor([1]), w]]);
    expect(values(w)).toEqual([-2]);
  });

  it('rejects bad gradients and variables', () => {
    const [u, v] = [vec([1, 2]), vec([3])];
    const opt = new Adam();
    expect(() => opt.apply([tensor([1])])).toThrow(ValueError);
    expect(() => opt.apply([tensor([1])])).toThrow('Adam: apply without variables needs a built optimizer');
    expect(() => opt.apply([tensor([1, 1])], [u, v])).toThrow(ValueError);
    expect(() => opt.apply([tensor([1, 1])], [u, v])).toThrow('Adam: expected one gradient per variable (2), received 1 gradients');
    expect(() => opt.apply([tensor([1, 1]), tensor([1, 1])], [u, v])).toThrow(ShapeError);
    expect(() => opt.apply([tensor([1, 1]), tensor([1, 1])], [u, v])).toThrow(
      /^Adam: grads\[1\] must have the shape \(1,\) of variable 'variable_\d+', received shape \(2,\)$/,
    );
    expect(() => opt.apply([tensor([1, 1]), [1] as never], [u, v])).toThrow('Adam: grads[1] must be a Tensor, received [1]');
    expect(() => opt.apply(tensor([1]) as never, [u])).toThrow('Adam: grads must be an array of tensors');
    const stranger = new Variable(tensor([0]), { name: 'stranger' });
    expect(() => opt.apply([tensor([1])], [stranger])).toThrow(ValueError);
    expect(() => opt.apply([tensor([1])], [stranger])).toThrow(
      "Adam: can only update the variables it was built with (create a new optimizer for new variables), received unknown variable 'stranger'",
    );
    expect(() => new SGD().apply([tensor([1])], [new Variable(tensor([1], undefined, 'int32'), { name: 'n' })])).toThrow(DTypeError);
    expect(() => new SGD().apply([tensor([1])], [new Variable(tensor([1], undefined, 'int32'), { name: 'n' })])).toThrow(
      "SGD: can only update float32 variables, received variable 'n' of dtype int32",
    );
    expect(() => new SGD().apply([tensor([1])], [{} as never])).toThrow('SGD: variables must be Variables, received variables[0]={}');
  });

  it('validates its options as Keras does', () => {
    const bad: [() => unknown, string][] = [
      [() => new SGD({ clipnorm: 1, clipvalue: 1 }), 'SGD: only one of clipnorm, clipvalue and global_clipnorm can be set, received clipnorm=1, clipvalue=1, global_clipnorm=null'],
      [() => new Adam({ clipnorm: 1, globalClipnorm: 2 }), 'received clipnorm=1, clipvalue=null, global_clipnorm=2'],
      [() => new SGD({ learningRate: '0.1' as never }), "SGD: learning_rate must be a number or a LearningRateSchedule, received learning_rate='0.1'"],
      [() => new SGD({ weightDecay: 'x' as never }), "SGD: weight_decay must be a number, received weight_decay='x'"],
      [() => new SGD({ gradientAccumulationSteps: 1 }), 'SGD: gradient_accumulation_steps must be an integer >= 2, received gradient_accumulation_steps=1'],
      [() => new SGD({ useEma: true, emaMomentum: 1.5 }), 'SGD: ema_momentum must be in the range [0, 1], received ema_momentum=1.5'],
      [() => new SGD({ useEma: true, emaOverwriteFrequency: 2.5 }), 'SGD: ema_overwrite_frequency must be an integer >= 1 or null, received ema_overwrite_frequency=2.5'],
      [() => new SGD({ useEma: 'yes' as never }), "SGD: use_ema must be a boolean, received use_ema='yes'"],
      [() => new SGD({ name: 3 as never }), 'SGD: name must be a string, received name=3'],
      [() => new SGD(null as never), 'SGD: options must be an object, received options=null'],
      [() => new Optimizer(), 'Optimizer: learning_rate must be a number or a LearningRateSchedule, received learning_rate=undefined'],
    ];
    for (const [f, message] of bad) {
      expect(f).toThrow(ValueError);
      expect(f).toThrow(message);
    }
    // Keras checks neither the sign of the learning rate nor EMA options without useEma.
    expect(new SGD({ learningRate: -0.1, emaMomentum: 5 }).learningRate).toBeCloseTo(-0.1, 6);
  });

  it('the base class has no update of its own', () => {
    const w = vec([1]);
    expect(() => new Optimizer({ learningRate: 0.1 }).apply([tensor([1])], [w])).toThrow(StrataError);
    expect(() => new Optimizer({ learningRate: 0.1 }).apply([tensor([1])], [w])).toThrow('Optimizer: updateStep is not implemented');
  });

  it('stores the learning rate as float32, settable unless it is a schedule', () => {
    const opt = new SGD({ learningRate: 0.1 });
    expect(opt.learningRate).toBe(Math.fround(0.1));
    opt.learningRate = 0.05;
    expect(opt.learningRate).toBe(Math.fround(0.05));
    expect(opt.getConfig()['learning_rate']).toBe(Math.fround(0.05));
    const schedule = new ExponentialDecay({ initialLearningRate: 1, decaySteps: 1, decayRate: 0.5 });
    opt.learningRate = schedule;
    expect(opt.variables().map((v) => v.name)).toEqual(['iteration']);
    expect(opt.learningRateSchedule).toBe(schedule);
    expect(() => (opt.learningRate = 0.1)).toThrow(ValueError);
    expect(() => (opt.learningRate = 0.1)).toThrow('SGD: the learning rate is a LearningRateSchedule, so it cannot be set to a number, received learningRate=0.1');
  });

  it('evaluates a schedule at the iteration count before each update', () => {
    const w = vec([0]);
    const opt = new SGD({ learningRate: new ExponentialDecay({ initialLearningRate: 1, decaySteps: 1, decayRate: 0.5 }) });
    const rates: number[] = [];
    for (let i = 0; i < 3; i++) {
      rates.push(opt.learningRate);
      opt.apply([tensor([-1])], [w]);
    }
    expect(rates).toEqual([1, 0.5, 0.25]);
    expect(values(w)).toEqual([1.75]);
  });

  it('keeps its state in Keras order; setWeights restores it so training continues identically', () => {
    const grads = [[0.5, -1], [2, 0.25], [-1, 1], [0.1, 0.2]].map((g) => tensor(g));
    const straight = vec([1, 2]);
    const a = new RMSprop({ learningRate: 0.1, momentum: 0.5, centered: true });
    grads.forEach((g) => a.apply([g], [straight]));

    const resumed = vec([1, 2]);
    const b = new RMSprop({ learningRate: 0.1, momentum: 0.5, centered: true });
    grads.slice(0, 2).forEach((g) => b.apply([g], [resumed]));
    const c = new RMSprop({ learningRate: 0.1, momentum: 0.5, centered: true });
    expect(() => c.setWeights(b.getWeights())).toThrow('RMSprop: setWeights needs a built optimizer; call build(variables) first');
    c.build([resumed]);
    expect(c.variables().map((v) => v.name)).toEqual(['iteration', 'learning_rate', expect.stringMatching(/_velocity$/), expect.stringMatching(/_momentum$/), expect.stringMatching(/_average_gradient$/)]);
    c.setWeights(b.getWeights());
    expect(c.iterations).toBe(2);
    grads.slice(2).forEach((g) => c.apply([g], [resumed]));
    expect(values(resumed)).toEqual(values(straight));
  });

  it('setWeights checks the count and shapes and casts to each variable dtype', () => {
    const opt = new SGD({ momentum: 0.5 });
    opt.build([vec([1, 2])]);
    expect(() => opt.setWeights([tensor(1)])).toThrow(ValueError);
    expect(() => opt.setWeights([tensor(1)])).toThrow('SGD: setWeights expects 3 weights (see variables()), received 1 weights');
    expect(() => opt.setWeights([tensor(1), tensor(1), tensor([1])])).toThrow(ShapeError);
    expect(() => opt.setWeights([tensor(1), tensor(1), tensor([1])])).toThrow(/SGD: weight 2 \('variable_\d+_momentum'\) must have shape \(2,\), received shape \(1,\)/);
    opt.setWeights([tensor(7), tensor(0.5), tensor([1, 2])]);
    expect(opt.variables()[0].dtype).toBe('int32');
    expect([opt.iterations, opt.learningRate]).toEqual([7, 0.5]);
  });

  it('names slots after the variable path when there is one, like Keras', () => {
    const w = new Variable(tensor([1]), { name: 'kernel' });
    Object.defineProperty(w, 'path', { value: 'dense/kernel' });
    const opt = new Adam();
    opt.build([w, new Variable(tensor([1]), { name: 'x:0' })]);
    expect(opt.variables().map((v) => v.name)).toEqual([
      'iteration',
      'learning_rate',
      'dense_kernel_momentum',
      'dense_kernel_velocity',
      'x_0_momentum',
      'x_0_velocity',
    ]);
  });

  it('excludes variables from weight decay by identity or by name pattern', () => {
    const [kernel, bias, other] = [new Variable(tensor([1]), { name: 'kernel' }), new Variable(tensor([1]), { name: 'dense_bias' }), vec([1])];
    const opt = new SGD({ learningRate: 0.5, weightDecay: 0.2 });
    opt.excludeFromWeightDecay({ variables: [other], names: ['bias'] });
    opt.apply([tensor([0]), tensor([0]), tensor([0])], [kernel, bias, other]);
    expect([values(kernel), values(bias), values(other)]).toEqual([[Math.fround(0.9)], [1], [1]]);
  });

  it('keeps moving averages with useEma and finalizeVariableValues writes them back', () => {
    const w = vec([0]);
    const opt = new SGD({ learningRate: 1, useEma: true, emaMomentum: 0.5 });
    opt.apply([tensor([-2])], [w]); // w = 2, average = w on the first step
    opt.apply([tensor([-2])], [w]); // w = 4, average = 0.5 * 2 + 0.5 * 4
    expect(values(opt.variables()[2])).toEqual([3]);
    opt.finalizeVariableValues([w]);
    expect(values(w)).toEqual([3]);
    expect(() => opt.finalizeVariableValues([])).toThrow('SGD: finalizeVariableValues expects the 1 variables the optimizer was built with, received 0');
  });

  it('with gradientAccumulationSteps, updates once per that many calls with the mean gradient', () => {
    const w = vec([0]);
    const opt = new SGD({ learningRate: 1, gradientAccumulationSteps: 3 });
    const seen: number[] = [];
    for (const g of [1, 2, 6, 3]) {
      opt.apply([tensor([g])], [w]);
      seen.push(w.value.data[0]);
    }
    expect(seen).toEqual([0, 0, -3, -3]);
    expect(opt.iterations).toBe(1);
    expect(opt.variables()[0].value.item()).toBe(4);
  });

  it('gives Keras default names: snake_case class name, made unique', () => {
    resetOptimizerNames();
    expect([new Adam().name, new Adam().name, new RMSprop().name, new SGD({ name: 'mine' }).name]).toEqual(['adam', 'adam_1', 'rm_sprop', 'mine']);
  });

  it('rejects unknown config keys and ignores the obsolete decay', () => {
    expect(() => SGD.fromConfig({ learning_rate: 0.1, beta_1: 0.9 })).toThrow(ValueError);
    expect(() => SGD.fromConfig({ learning_rate: 0.1, beta_1: 0.9 })).toThrow(/^SGD: config has unknown keys \(expected name, learning_rate, .*\), received \['beta_1'\]$/);
    expect(SGD.fromConfig({ learning_rate: 0.1, decay: 0.01 }).learningRate).toBe(Math.fround(0.1));
  });

  it('updates without recording gradients', () => {
    const w = vec([1, 2]);
    const opt = new Adam({ learningRate: 0.1 });
    opt.apply([tensor([1, 1])], [w]);
    expect(w.value.tracked).toBe(false);
    expect(opt.variables().every((v) => !v.value.tracked)).toBe(true);
  });

  it('minimizes a quadratic with gradients from variableGrads', () => {
    const target = tensor([3, -1, 0.5]);
    const w = vec([0, 0, 0]);
    const opt = new Adam({ learningRate: 0.1 });
    const loss = () => sum(mul(sub(w.value, target), sub(w.value, target)));
    const first = loss().item();
    for (let i = 0; i < 300; i++) opt.apply(variableGrads(loss, [w]).grads, [w]);
    expect(first).toBeCloseTo(10.25, 5);
    expect(loss().item()).toBeLessThan(1e-4);
    expectClose(w.value, target, 0, 1e-2);
  });
});
