import { ValueError } from '@strata/tensor';
import { expectClose } from '@strata/tensor/testing';
import { Adadelta } from './adadelta';
import { trace } from './testing/trace';

describe('Adadelta', () => {
  it('first step: delta = -sqrt(eps) * g / sqrt((1 - rho) g² + eps) (hand golden)', () => {
    const [step] = trace(new Adadelta({ learningRate: 1 }), [1], [[1]]);
    expectClose(step, [1 - Math.sqrt(1e-7) / Math.sqrt(0.05 + 1e-7)], 1e-6);
  });

  it('rejects bad arguments', () => {
    expect(() => new Adadelta({ rho: 'x' as never })).toThrow(ValueError);
    expect(() => new Adadelta({ rho: 'x' as never })).toThrow("Adadelta: rho must be a number, received rho='x'");
  });
});
