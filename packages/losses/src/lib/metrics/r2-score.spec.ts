import { ShapeError, ValueError } from '@strata/tensor';
import { R2Score } from './r2-score';

describe('R2Score', () => {
  it('computes its TSDoc example: 1 - SS_res / SS_tot', () => {
    const m = new R2Score();
    m.updateState([[1], [4], [3]], [[2], [4], [4]]);
    // mean 8/3, SS_tot = 14/3, SS_res = 2.
    expect(m.result()).toBeCloseTo(1 - 2 / (14 / 3), 5);
  });

  it('aggregates per-output scores', () => {
    const y = [[1, 10], [2, 30], [3, 20]];
    const p = [[1, 12], [2.5, 28], [2, 21]];
    const per = new R2Score({ classAggregation: null });
    per.updateState(y, p);
    const [a, b] = per.result() as number[];
    expect(a).toBeCloseTo(1 - 1.25 / 2, 5);
    expect(b).toBeCloseTo(1 - 9 / 200, 5);
    const uniform = new R2Score();
    uniform.updateState(y, p);
    expect(uniform.result()).toBeCloseTo((a + b) / 2, 5);
    const weighted = new R2Score({ classAggregation: 'variance_weighted_average' });
    weighted.updateState(y, p);
    expect(weighted.result()).toBeCloseTo((2 * a + 200 * b) / 202, 5);
  });

  it('adjusts for regressors, and counts constant targets as 0', () => {
    const m = new R2Score({ numRegressors: 1 });
    m.updateState([[1], [4], [3], [5]], [[2], [4], [4], [5]]);
    const plain = new R2Score();
    plain.updateState([[1], [4], [3], [5]], [[2], [4], [4], [5]]);
    expect(m.result()).toBeCloseTo(1 - (1 - (plain.result() as number)) * (3 / 2), 5);
    const constant = new R2Score();
    constant.updateState([[2], [2]], [[1], [3]]);
    expect(constant.result()).toBe(0);
  });

  it('weights samples, resets and round-trips its config', () => {
    const m = new R2Score({ name: 'r2' });
    m.updateState([[1], [4], [3], [100]], [[2], [4], [4], [0]], [1, 1, 1, 0]);
    expect(m.result()).toBeCloseTo(1 - 2 / (14 / 3), 5);
    m.resetState();
    expect(m.getConfig()).toEqual({ name: 'r2', dtype: 'float32', class_aggregation: 'uniform_average', num_regressors: 0 });
    expect(R2Score.fromConfig(m.getConfig()).getConfig()).toEqual(m.getConfig());
  });

  it('rejects bad arguments and shapes, naming them', () => {
    expect(() => new R2Score({ classAggregation: 'mean' as never })).toThrow(ValueError);
    expect(() => new R2Score({ classAggregation: 'mean' as never })).toThrow(/received classAggregation='mean'/);
    expect(() => new R2Score({ numRegressors: -1 })).toThrow(/numRegressors must be an integer >= 0, received numRegressors=-1/);
    expect(() => new R2Score().updateState([1, 2], [1, 2])).toThrow(ShapeError);
    expect(() => new R2Score().updateState([[1, 2]], [[1, 2, 3]])).toThrow(/yTrue.shape=\(1, 2\), yPred.shape=\(1, 3\)/);
  });
});
