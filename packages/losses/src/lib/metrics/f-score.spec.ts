import { ShapeError, ValueError } from '@strata/tensor';
import { F1Score } from './f1-score';
import { FBetaScore } from './fbeta-score';

const yTrue = [[1, 1, 1], [1, 0, 0], [1, 1, 0]];
const yPred = [[0.2, 0.6, 0.7], [0.2, 0.6, 0.6], [0.6, 0.8, 0]];

describe('FBetaScore and F1Score', () => {
  it('compute their TSDoc examples (Keras docstring values)', () => {
    const f1 = new F1Score({ threshold: 0.5 });
    f1.updateState(yTrue, yPred);
    (f1.result() as number[]).forEach((v, i) => expect(v).toBeCloseTo([0.5, 0.8, 2 / 3][i], 5));
    const fb = new FBetaScore({ beta: 2, threshold: 0.5 });
    fb.updateState(yTrue, yPred);
    (fb.result() as number[]).forEach((v, i) => expect(v).toBeCloseTo([0.3846154, 0.9090909, 0.8333333][i], 5));
  });

  it('average per class, globally or by support', () => {
    const at = (average: 'micro' | 'macro' | 'weighted') => {
      const m = new F1Score({ average, threshold: 0.5 });
      m.updateState(yTrue, yPred);
      return m.result() as number;
    };
    expect(at('macro')).toBeCloseTo((0.5 + 0.8 + 2 / 3) / 3, 5);
    expect(at('weighted')).toBeCloseTo((3 * 0.5 + 2 * 0.8 + 1 * (2 / 3)) / 6, 5);
    // micro: tp 4, fp 2, fn 2 over all classes, so precision = recall = 2/3.
    expect(at('micro')).toBeCloseTo(2 / 3, 5);
  });

  it('marks the row maximum without a threshold, and nothing for an all-zero row', () => {
    const m = new F1Score({ average: 'micro' });
    m.updateState([[0, 1], [1, 0]], [[0.4, 0.6], [0, 0]]);
    expect(m.result()).toBeCloseTo(2 / 3, 5);
  });

  it('weights samples and resets', () => {
    const m = new F1Score({ average: 'micro', threshold: 0.5 });
    m.updateState([[1, 0], [0, 1]], [[0.9, 0.1], [0.9, 0.1]], [1, 0]);
    expect(m.result()).toBeCloseTo(1, 5);
    m.resetState();
    m.updateState([[0, 1]], [[0.9, 0.1]]);
    expect(m.result()).toBeCloseTo(0, 5);
  });

  it('write the configs Keras writes', () => {
    expect(new F1Score().getConfig()).toEqual({ name: 'f1_score', dtype: 'float32', average: null, threshold: null });
    const fb = new FBetaScore({ beta: 0.5, average: 'weighted', threshold: 0.3 });
    expect(fb.getConfig()).toEqual({ name: 'fbeta_score', dtype: 'float32', average: 'weighted', beta: 0.5, threshold: 0.3 });
    expect(FBetaScore.fromConfig(fb.getConfig()).getConfig()).toEqual(fb.getConfig());
    expect(F1Score.fromConfig({ average: 'macro' }).getConfig()['average']).toBe('macro');
  });

  it('reject bad arguments and shapes, naming them', () => {
    expect(() => new FBetaScore({ average: 'samples' as never })).toThrow(ValueError);
    expect(() => new FBetaScore({ average: 'samples' as never })).toThrow(/average must be null, 'micro', 'macro' or 'weighted', received average='samples'/);
    expect(() => new FBetaScore({ beta: 0 })).toThrow(/beta must be a number > 0, received beta=0/);
    expect(() => new FBetaScore({ threshold: 1.5 })).toThrow(/0 < threshold <= 1, received threshold=1.5/);
    expect(() => F1Score.fromConfig({ beta: 2 })).toThrow(/F1Score: beta is fixed to 1/);
    expect(() => new F1Score().updateState([1, 0], [0.5, 0.5])).toThrow(ShapeError);
    expect(() => new F1Score().updateState([1, 0], [0.5, 0.5])).toThrow(/yTrue.shape=\(2,\), yPred.shape=\(2,\)/);
    const m = new F1Score();
    m.updateState([[1, 0]], [[0.5, 0.5]]);
    expect(() => m.updateState([[1, 0, 0]], [[0.5, 0.5, 0]])).toThrow(/expected 2 classes/);
    expect(() => m.updateState([[1, 0]], [[0.5, 0.5]], [1, 2])).toThrow(/sampleWeight must have shape \[batch\]/);
  });
});
