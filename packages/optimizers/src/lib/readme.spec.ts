// The README's example, run as written, with what its comments promise checked.
import { Variable, square, sub, sum, tensor, variableGrads } from '@strata/tensor';
import { expectClose } from '@strata/tensor/testing';
import { Adam, AdamW, CosineDecay, RMSprop, SGD, deserialize, get, serialize } from '../index';

describe('README example', () => {
  it('runs and does what the comments say', () => {
    const w = new Variable(tensor([0, 0]), { name: 'w' });
    const target = tensor([3, -1]);
    const loss = () => sum(square(sub(w.value, target)));

    const opt = new Adam({ learningRate: 0.1 });
    for (let i = 0; i < 200; i++) opt.apply(variableGrads(loss, [w]).grads, [w]); // w ≈ [3, -1]
    expectClose(w.value, target, 0, 0.05);

    opt.learningRate = 0.01;
    expect(opt.learningRate).toBe(Math.fround(0.01));
    expect(opt.iterations).toBe(200);
    expect(opt.variables().map((v) => v.name)).toEqual(['iteration', 'learning_rate', 'w_momentum', 'w_velocity']);

    const sgd = new SGD({
      learningRate: new CosineDecay({ initialLearningRate: 0.1, decaySteps: 1000, warmupTarget: 0.5, warmupSteps: 100 }),
      momentum: 0.9,
      clipnorm: 1,
    });
    const s = serialize(sgd);
    expect([s.module, s.class_name, s.registered_name]).toEqual(['keras.optimizers', 'SGD', null]);
    expect(s.config?.['name']).toMatch(/^sgd(_\d+)?$/);
    expect((s.config?.['learning_rate'] as { module: string; class_name: string })).toMatchObject({
      module: 'keras.optimizers.schedules',
      class_name: 'CosineDecay',
    });
    const r = deserialize({ class_name: 'RMSprop', config: { learning_rate: 0.01, centered: true } });
    expect(r).toBeInstanceOf(RMSprop);
    expect((r as RMSprop).centered).toBe(true);
    expect(get('adamw')).toBeInstanceOf(AdamW);
  });
});
