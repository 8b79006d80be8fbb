import { ShapeError, ValueError, eye, tensor } from '@strata/tensor';
import { checkGradients, expectClose } from '@strata/tensor/testing';
import { OrthogonalRegularizer } from './orthogonal-regularizer';

describe('OrthogonalRegularizer', () => {
  it('is the mean |cosine| over pairs of rows, times factor (hand golden)', () => {
    // Rows [1, 0] and [1, 1]: cosine 1/√2, one pair.
    expectClose(new OrthogonalRegularizer({ factor: 1 }).apply(tensor([[1, 0], [1, 1]])), Math.SQRT1_2);
    // Rows [3, 4], [4, -3], [3, 4]: cosines 0, 1, 0 over 3 pairs → 1/3; factor 0.6 → 0.2.
    expectClose(new OrthogonalRegularizer({ factor: 0.6 }).apply(tensor([[3, 4], [4, -3], [3, 4]])), 0.2);
  });

  it('uses the columns in mode columns', () => {
    // Columns [1, 0] and [1, 1] of the transpose of the first golden.
    expectClose(new OrthogonalRegularizer({ factor: 1, mode: 'columns' }).apply(tensor([[1, 1], [0, 1]])), Math.SQRT1_2);
    // Its rows [1, 1] and [0, 1] have the same cosine; a 3x2 matrix shows modes differ.
    const w = tensor([[1, 0], [0, 1], [1, 1]]);
    expectClose(new OrthogonalRegularizer({ factor: 1, mode: 'columns' }).apply(w), 0.5);
    expectClose(new OrthogonalRegularizer({ factor: 1, mode: 'rows' }).apply(w), (2 * Math.SQRT1_2) / 3);
  });

  it('is zero for orthogonal rows, whatever their lengths', () => {
    expect(new OrthogonalRegularizer().apply(eye(4)).item()).toBe(0);
    expect(new OrthogonalRegularizer().apply(tensor([[2, 0], [0, -5]])).item()).toBe(0);
  });

  it('treats a zero row as orthogonal to everything (normalize caps 1/‖v‖ at 1e7)', () => {
    expectClose(new OrthogonalRegularizer({ factor: 1 }).apply(tensor([[1, 0], [0, 0], [1, 1]])), Math.SQRT1_2 / 3);
  });

  it('is NaN for a single row (0/0), as Keras', () => {
    expect(new OrthogonalRegularizer().apply(tensor([[1, 2, 3]])).item()).toBeNaN();
  });

  it('defaults to factor 0.01, mode rows; writes factor rounded to float32, as Keras', () => {
    expect(new OrthogonalRegularizer().getConfig()).toEqual({ factor: 0.009999999776482582, mode: 'rows' });
    expect(new OrthogonalRegularizer({ factor: 0.5, mode: 'columns' }).getConfig()).toEqual({ factor: 0.5, mode: 'columns' });
    expect(OrthogonalRegularizer.fromConfig({ factor: 0.25, mode: 'columns' }).mode).toBe('columns');
  });

  it('is differentiable in both modes', () => {
    const w = tensor([[0.7, -1.2, 0.4], [-0.3, 2, -0.9], [1.1, 0.5, 0.8], [0.2, -0.6, 1.5]]);
    checkGradients((x) => new OrthogonalRegularizer({ factor: 1 }).apply(x), [w]);
    checkGradients((x) => new OrthogonalRegularizer({ factor: 1, mode: 'columns' }).apply(x), [w]);
  });

  it('rejects inputs that are not matrices', () => {
    const r = new OrthogonalRegularizer();
    expect(() => r.apply(tensor([1, 2, 3]))).toThrow(ShapeError);
    expect(() => r.apply(tensor([[[1, 2]]]))).toThrow(
      'OrthogonalRegularizer: inputs must have rank 2, received inputs.shape=(1, 1, 2)',
    );
  });

  it.each([
    [{ factor: -0.1 }, 'factor must be a non-negative finite number, received factor=-0.1'],
    [{ factor: NaN }, 'factor must be a non-negative finite number, received factor=NaN'],
    [{ factor: null }, 'factor must be a non-negative finite number, received factor=null'],
    [{ mode: 'diagonal' }, "mode must be one of 'rows', 'columns', received mode='diagonal'"],
    [{ mode: 'Rows' }, "mode must be one of 'rows', 'columns', received mode='Rows'"],
  ])('rejects %p', (options, message) => {
    const make = () => new OrthogonalRegularizer(options as never);
    expect(make).toThrow(ValueError);
    expect(make).toThrow(`OrthogonalRegularizer: ${message}`);
  });
});
