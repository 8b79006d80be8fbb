import fc from 'fast-check';
import { ValueError, Variable } from '@strata/tensor';
import { Adadelta } from './adadelta';
import { Adagrad } from './adagrad';
import { Adam } from './adam';
import { AdamW } from './adam-w';
import { Adamax } from './adamax';
import { Lion } from './lion';
import { Nadam } from './nadam';
import { Optimizer } from './optimizer';
import { OptimizerOptions } from './optimizer-options';
import { deserialize, get, names, register, serialize } from './registry';
import { RMSprop } from './rmsprop';
import { CosineDecay } from './schedules/cosine-decay';
import { SGD } from './sgd';

class SignSGD extends Optimizer {
  static override readonly className = 'SignSGD';
  constructor(options: OptimizerOptions = {}) {
    super({ ...options, learningRate: options.learningRate ?? 0.01 });
  }
  protected override updateStep(g: Float32Array, variable: Variable, lr: number): void {
    this.write(variable, this.read(variable).map((w, i) => w - lr * Math.sign(g[i])));
  }
}

describe('optimizers registry', () => {
  it.each([
    ['sgd', SGD],
    ['SGD', SGD],
    ['adam', Adam],
    ['Adam', Adam],
    ['adamw', AdamW],
    ['AdamW', AdamW],
    ['rmsprop', RMSprop],
    ['RMSprop', RMSprop],
    ['adagrad', Adagrad],
    ['adadelta', Adadelta],
    ['adamax', Adamax],
    ['nadam', Nadam],
    ['lion', Lion],
  ])('get(%p) gives a default instance', (name, cls) => {
    expect(get(name)?.constructor).toBe(cls);
  });

  it('get passes instances through, reads configs (class names case-insensitive), maps null to null', () => {
    const opt = new SGD();
    expect(get(opt)).toBe(opt);
    const adam = get({ class_name: 'adam', config: { learning_rate: 0.01, amsgrad: true } }) as Adam;
    expect([adam.constructor, adam.learningRate, adam.amsgrad]).toEqual([Adam, Math.fround(0.01), true]);
    expect(get(null)).toBeNull();
    expect(get(undefined)).toBeNull();
  });

  it('names() lists Keras lowercase class names; an unknown name lists them', () => {
    expect(names()).toEqual(['adadelta', 'adagrad', 'adam', 'adamax', 'adamw', 'lion', 'nadam', 'optimizer', 'rmsprop', 'sgd']);
    expect(() => get('adafactor')).toThrow(ValueError);
    expect(() => get('adafactor')).toThrow(
      "Unknown optimizer: received 'adafactor'. Valid names: adadelta, adagrad, adam, adamax, adamw, lion, nadam, optimizer, rmsprop, sgd.",
    );
    expect(() => get(3 as never)).toThrow(/Could not interpret optimizer identifier: received 3/);
  });

  it('serializes a schedule inside the optimizer config, as Keras', () => {
    const opt = new SGD({ name: 'sgd', learningRate: new CosineDecay({ initialLearningRate: 0.1, decaySteps: 100 }) });
    const serialized = serialize(opt);
    expect(serialized.config?.['learning_rate']).toEqual({
      module: 'keras.optimizers.schedules',
      class_name: 'CosineDecay',
      config: { initial_learning_rate: 0.1, decay_steps: 100, alpha: 0, name: 'CosineDecay', warmup_target: null, warmup_steps: 0 },
      registered_name: null,
    });
    const back = deserialize(serialized);
    expect(back.learningRateSchedule).toBeInstanceOf(CosineDecay);
    expect(serialize(back)).toEqual(serialized);
  });

  it('round-trips every optimizer through serialize/deserialize (fast-check)', () => {
    const unit = fc.double({ min: 0, max: 1, noNaN: true });
    const positive = fc.double({ min: 1e-8, max: 1, noNaN: true });
    const base = fc.record({
      learningRate: positive,
      weightDecay: fc.option(positive),
      clip: fc.constantFrom('clipnorm', 'clipvalue', 'globalClipnorm', null),
      clipAt: positive,
      useEma: fc.boolean(),
      emaMomentum: unit,
      gradientAccumulationSteps: fc.option(fc.integer({ min: 2, max: 8 })),
    });
    const classes = fc.oneof(
      fc.record({ momentum: unit, nesterov: fc.boolean() }).map((o) => [SGD, o] as const),
      fc.record({ beta1: unit, beta2: unit, epsilon: positive, amsgrad: fc.boolean() }).map((o) => [Adam, o] as const),
      fc.record({ beta1: unit, beta2: unit, epsilon: positive, amsgrad: fc.boolean() }).map((o) => [AdamW, o] as const),
      fc.record({ rho: unit, momentum: unit, epsilon: positive, centered: fc.boolean() }).map((o) => [RMSprop, o] as const),
      fc.record({ initialAccumulatorValue: positive, epsilon: positive }).map((o) => [Adagrad, o] as const),
      fc.record({ rho: unit, epsilon: positive }).map((o) => [Adadelta, o] as const),
      fc.record({ beta1: unit, beta2: unit, epsilon: positive }).map((o) => [Adamax, o] as const),
      fc.record({ beta1: unit, beta2: unit, epsilon: positive }).map((o) => [Nadam, o] as const),
      fc.record({ beta1: positive, beta2: unit }).map((o) => [Lion, o] as const),
    );
    fc.assert(
      fc.property(base, classes, ({ clip, clipAt, weightDecay, ...common }, [Cls, own]) => {
        const options = { ...common, ...own, ...(clip ? { [clip]: clipAt } : {}), name: 'opt' } as Record<string, unknown>;
        if (Cls !== AdamW || weightDecay !== null) options['weightDecay'] = weightDecay;
        const opt = new (Cls as new (o: Record<string, unknown>) => Optimizer)(options);
        const serialized = JSON.parse(JSON.stringify(serialize(opt)));
        expect(serialize(deserialize(serialized))).toEqual(serialize(opt));
      }),
      { seed: 42, numRuns: 50 },
    );
  });

  it('registers plugin optimizers under Keras 3 registered names', () => {
    expect(register(SignSGD, 'my-pkg')).toBe('my-pkg>SignSGD');
    const serialized = serialize(new SignSGD({ name: 's', learningRate: 0.5 }));
    expect(serialized.registered_name).toBe('my-pkg>SignSGD');
    const back = deserialize(serialized);
    expect(back).toBeInstanceOf(SignSGD);
    const w = new Variable([1, 1]);
    back.apply([new Variable([3, -0.1]).value], [w]);
    expect(Array.from(w.value.data)).toEqual([0.5, 1.5]);
  });
});
