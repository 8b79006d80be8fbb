import { Variable, mul, sub, sum, tensor, variableGrads } from '@strata/tensor';
import { Adadelta } from './adadelta';
import { Adagrad } from './adagrad';
import { Adam } from './adam';
import { AdamW } from './adam-w';
import { Adamax } from './adamax';
import { Lion } from './lion';
import { Nadam } from './nadam';
import { Optimizer } from './optimizer';
import { RMSprop } from './rmsprop';
import { ExponentialDecay } from './schedules/exponential-decay';
import { SGD } from './sgd';

// Every optimizer drives f(w) = sum((w - target)²) close to 0 in a few hundred steps.
const cases: [string, () => Optimizer][] = [
  ['SGD', () => new SGD({ learningRate: 0.1 })],
  ['SGD nesterov', () => new SGD({ learningRate: 0.05, momentum: 0.9, nesterov: true })],
  ['SGD schedule', () => new SGD({ learningRate: new ExponentialDecay({ initialLearningRate: 0.2, decaySteps: 100, decayRate: 0.5 }) })],
  ['Adam', () => new Adam({ learningRate: 0.05 })],
  ['AdamW', () => new AdamW({ learningRate: 0.05, weightDecay: 1e-4 })],
  ['RMSprop', () => new RMSprop({ learningRate: 0.01, centered: true })],
  ['Adagrad', () => new Adagrad({ learningRate: 0.5 })],
  ['Adadelta', () => new Adadelta({ learningRate: 50 })],
  ['Adamax', () => new Adamax({ learningRate: 0.05 })],
  ['Nadam', () => new Nadam({ learningRate: 0.05 })],
  ['Lion', () => new Lion({ learningRate: new ExponentialDecay({ initialLearningRate: 0.05, decaySteps: 100, decayRate: 0.5 }) })],
];

describe('optimizers minimize a quadratic', () => {
  it.each(cases)('%s', (_, make) => {
    const target = tensor([3, -1, 0.5]);
    const w = new Variable(tensor([0, 0, 0]));
    const loss = () => sum(mul(sub(w.value, target), sub(w.value, target)));
    const opt = make();
    for (let i = 0; i < 400; i++) opt.apply(variableGrads(loss, [w]).grads, [w]);
    expect(loss().item()).toBeLessThan(1e-3);
  });
});
