import { ShapeError, tensor } from '@strata/tensor';
import { checkGradients, expectClose } from '@strata/tensor/testing';
import { categoricalHinge, hinge, squaredHinge, toHingeLabels } from './hinge-functions';
import { klDivergence, poisson } from './probabilistic-functions';

describe('hinge loss functions', () => {
  it('map 0/1 labels to -1/1 and leave other labels alone', () => {
    expect(toHingeLabels(tensor([0, 1, 1])).toArray()).toEqual([-1, 1, 1]);
    expect(toHingeLabels(tensor([-1, 1, 0])).toArray()).toEqual([-1, 1, 0]);
  });

  it('give the values of their TSDoc examples', () => {
    expectClose(hinge([[1, 0]], [[0.6, -0.4]]), [0.5]);
    expectClose(hinge([[1, -1]], [[0.6, -0.4]]), [0.5]);
    expectClose(squaredHinge([[1, 0]], [[0.6, -0.4]]), [0.26]);
    expectClose(categoricalHinge([[0, 1, 0]], [[0.2, 0.5, 0.3]]), [0.8]);
    expectClose(categoricalHinge([[0, 1, 0]], [[0.2, 2, 0.3]]), [0]);
  });

  it('have the gradients finite differences give', () => {
    const t = tensor([[1, 0, 1], [0, 1, 0]]);
    const p = tensor([[0.3, -0.2, 2], [0.7, 0.1, -1.5]]);
    for (const fn of [hinge, squaredHinge, categoricalHinge]) checkGradients((x) => fn(t, x), [p], { eps: 1e-3 });
  });

  it('reject shapes that do not broadcast, naming both', () => {
    expect(() => hinge([[1, 0, 1]], [[1, 0]])).toThrow(ShapeError);
    expect(() => categoricalHinge([[1, 0, 1]], [[1, 0]])).toThrow(/yTrue.shape=\(1, 3\), yPred.shape=\(1, 2\)/);
  });
});

describe('probabilistic loss functions', () => {
  it('give the values of their TSDoc examples', () => {
    expectClose(klDivergence([[0.5, 0.5]], [[0.25, 0.75]]), [0.14384104]);
    expectClose(poisson([[1, 0]], [[1, 1]]), [0.99999994]);
  });

  it('clip KL divergence inputs to [1e-7, 1]', () => {
    expectClose(klDivergence([[1, 0]], [[0, 1]]), [Math.log(1 / 1e-7) + 1e-7 * Math.log(1e-7)], 1e-5);
  });

  it('have the gradients finite differences give', () => {
    const t = tensor([[0.2, 0.8], [0.6, 0.4]]);
    const p = tensor([[0.3, 0.7], [0.5, 0.5]]);
    checkGradients((x) => klDivergence(t, x), [p], { eps: 1e-3 });
    checkGradients((x) => poisson(t, x), [p], { eps: 1e-3 });
  });

  it('reject shapes that do not broadcast', () => {
    expect(() => poisson([[1, 0, 1]], [[1, 0]])).toThrow(/poisson: yTrue and yPred must have broadcastable shapes/);
  });
});
