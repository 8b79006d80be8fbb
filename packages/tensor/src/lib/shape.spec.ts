import { ShapeError, ValueError } from './errors';
import {
  broadcastShapes,
  broadcastStrides,
  checkShape,
  formatShape,
  normalizeAxes,
  normalizeAxis,
  sameShape,
  sizeOf,
  stridesOf,
} from './shape';

describe('sizeOf and stridesOf', () => {
  it('counts elements (1 for a scalar, 0 with an empty axis)', () => {
    expect(sizeOf([2, 3, 4])).toBe(24);
    expect(sizeOf([])).toBe(1);
    expect(sizeOf([3, 0, 2])).toBe(0);
  });

  it('gives row-major strides in elements', () => {
    expect(stridesOf([2, 3, 4])).toEqual([12, 4, 1]);
    expect(stridesOf([5])).toEqual([1]);
    expect(stridesOf([])).toEqual([]);
  });
});

describe('formatShape', () => {
  it('writes shapes as Keras prints them', () => {
    expect(formatShape([2, 3])).toBe('(2, 3)');
    expect(formatShape([5])).toBe('(5,)');
    expect(formatShape([])).toBe('()');
    expect(formatShape([null, 16])).toBe('(None, 16)');
  });
});

describe('checkShape', () => {
  it('returns a valid shape', () => {
    expect(checkShape([2, 0, 3], 'zeros')).toEqual([2, 0, 3]);
    expect(checkShape([], 'zeros')).toEqual([]);
  });

  it('names the caller, the argument and the value', () => {
    expect(() => checkShape([2, -1], 'zeros')).toThrow(ValueError);
    expect(() => checkShape([2, -1], 'zeros')).toThrow('zeros: shape must be an array of non-negative integers, received shape=[2, -1]');
    expect(() => checkShape([1.5], 'Input', 'batchShape')).toThrow(
      'Input: batchShape must be an array of non-negative integers, received batchShape=[1.5]',
    );
    expect(() => checkShape(3, 'zeros')).toThrow(/received shape=3/);
    expect(() => checkShape(['2'], 'zeros')).toThrow(/received shape=\['2'\]/);
  });
});

describe('normalizeAxis and normalizeAxes', () => {
  it('resolves negative axes as NumPy', () => {
    expect(normalizeAxis(-1, 3, 'sum')).toBe(2);
    expect(normalizeAxis(-3, 3, 'sum')).toBe(0);
    expect(normalizeAxis(1, 3, 'sum')).toBe(1);
  });

  it('rejects axes out of range or not integers', () => {
    expect(() => normalizeAxis(3, 3, 'sum')).toThrow(ValueError);
    expect(() => normalizeAxis(3, 3, 'sum')).toThrow('sum: axis must be an integer in [-3, 2], received axis=3');
    expect(() => normalizeAxis(-4, 3, 'sum')).toThrow(/received axis=-4/);
    expect(() => normalizeAxis(0.5, 3, 'sum')).toThrow(/received axis=0.5/);
  });

  it('gives all axes for undefined or null, and sorted unique axes otherwise', () => {
    expect(normalizeAxes(undefined, 3, 'sum')).toEqual([0, 1, 2]);
    expect(normalizeAxes(null, 2, 'sum')).toEqual([0, 1]);
    expect(normalizeAxes(-1, 3, 'sum')).toEqual([2]);
    expect(normalizeAxes([-1, 0], 3, 'sum')).toEqual([0, 2]);
    expect(normalizeAxes([], 3, 'sum')).toEqual([]);
  });

  it('rejects a repeated axis', () => {
    expect(() => normalizeAxes([1, -2], 3, 'mean')).toThrow(ValueError);
    expect(() => normalizeAxes([1, -2], 3, 'mean')).toThrow('mean: axis must not repeat an axis, received axis=[1, -2]');
  });
});

describe('broadcastShapes', () => {
  it('follows NumPy broadcasting', () => {
    expect(broadcastShapes([2, 3], [3], 'add')).toEqual([2, 3]);
    expect(broadcastShapes([2, 1], [1, 3], 'add')).toEqual([2, 3]);
    expect(broadcastShapes([], [4, 5], 'add')).toEqual([4, 5]);
    expect(broadcastShapes([8, 1, 6, 1], [7, 1, 5], 'add')).toEqual([8, 7, 6, 5]);
    expect(broadcastShapes([0, 1], [1, 3], 'add')).toEqual([0, 3]);
  });

  it('names the op, both shapes and the first clashing axis', () => {
    expect(() => broadcastShapes([2, 3], [4], 'add')).toThrow(ShapeError);
    expect(() => broadcastShapes([2, 3], [4], 'add')).toThrow(
      'add: shapes (2, 3) and (4,) cannot be broadcast together (axis -1: 3 vs 4)',
    );
    expect(() => broadcastShapes([2, 3, 4], [5, 4], 'mul')).toThrow(/^mul: shapes \(2, 3, 4\) and \(5, 4\).*axis -2: 3 vs 5/);
  });
});

describe('broadcastStrides and sameShape', () => {
  it('reads broadcast axes with stride 0', () => {
    expect(broadcastStrides([3, 1], [2, 3, 4])).toEqual([0, 1, 0]);
    expect(broadcastStrides([2, 3], [2, 3])).toEqual([3, 1]);
    expect(broadcastStrides([], [2, 2])).toEqual([0, 0]);
  });

  it('compares shapes', () => {
    expect(sameShape([2, 3], [2, 3])).toBe(true);
    expect(sameShape([2, 3], [3, 2])).toBe(false);
    expect(sameShape([1], [1, 1])).toBe(false);
    expect(sameShape([], [])).toBe(true);
  });
});
