import { ValueError } from '@strata/tensor';
import { Identity } from './identity';

describe('Identity', () => {
  it('makes the identity matrix', () => {
    expect(new Identity().apply([3, 3]).toArray()).toEqual([[1, 0, 0], [0, 1, 0], [0, 0, 1]]);
  });

  it('scales by gain and allows non-square shapes like eye', () => {
    expect(new Identity({ gain: 2 }).apply([2, 3]).toArray()).toEqual([[2, 0, 0], [0, 2, 0]]);
    expect(new Identity({ gain: 0.5 }).apply([3, 2]).toArray()).toEqual([[0.5, 0], [0, 0.5], [0, 0]]);
  });

  it('writes {} as Keras for the default gain, and keeps a non-default gain', () => {
    expect(new Identity().getConfig()).toEqual({});
    expect(new Identity({ gain: 2 }).getConfig()).toEqual({ gain: 2 });
    expect(Identity.fromConfig({ gain: 2 }).gain).toBe(2);
    expect(Identity.fromConfig({}).gain).toBe(1);
  });

  it.each([[[3]], [[2, 2, 2]], [[]]])('rejects shape %j (2D only)', (shape) => {
    expect(() => new Identity().apply(shape)).toThrow(ValueError);
    expect(() => new Identity().apply(shape)).toThrow(
      new RegExp(`Identity: shape must be 2D .*received shape=\\[${shape.join(', ')}\\] of rank ${shape.length}`),
    );
  });

  it('rejects a non-numeric gain', () => {
    expect(() => new Identity({ gain: NaN })).toThrow(ValueError);
    expect(() => new Identity({ gain: NaN })).toThrow(/Identity: gain must be a finite number, received gain=NaN/);
  });
});
