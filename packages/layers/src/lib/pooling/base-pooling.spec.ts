// The arguments every windowed pooling layer shares, checked on each of them.
import { ShapeError, ValueError, randomUniform } from '@strata/tensor';
import fc from 'fast-check';
import { input } from '../core/input-layer';
import { AveragePooling1D } from './average-pooling1d';
import { AveragePooling2D } from './average-pooling2d';
import { AveragePooling3D } from './average-pooling3d';
import { BasePooling } from './base-pooling';
import { MaxPooling1D } from './max-pooling1d';
import { MaxPooling2D } from './max-pooling2d';
import { MaxPooling3D } from './max-pooling3d';

type Make = (args: Record<string, unknown>) => BasePooling;
const LAYERS: [string, number, Make][] = [
  ['MaxPooling1D', 1, (a) => new MaxPooling1D(a)],
  ['MaxPooling2D', 2, (a) => new MaxPooling2D(a)],
  ['MaxPooling3D', 3, (a) => new MaxPooling3D(a)],
  ['AveragePooling1D', 1, (a) => new AveragePooling1D({ poolSize: 2, ...a })],
  ['AveragePooling2D', 2, (a) => new AveragePooling2D({ poolSize: 2, ...a })],
  ['AveragePooling3D', 3, (a) => new AveragePooling3D({ poolSize: 2, ...a })],
];

describe.each(LAYERS)('%s shared arguments', (name, rank, make) => {
  it('defaults strides to poolSize and writes both expanded', () => {
    const layer = make({ poolSize: 3 });
    expect(layer.poolSize).toEqual(new Array(rank).fill(3));
    expect(layer.strides).toEqual(new Array(rank).fill(3));
    expect(layer.getConfig()).toMatchObject({ pool_size: layer.poolSize, strides: layer.strides, padding: 'valid', data_format: 'channels_last' });
    expect(make({ strides: null }).strides).toEqual(new Array(rank).fill(2));
  });

  it('is built at construction and has no weights, as Keras', () => {
    const layer = make({});
    expect(layer.built).toBe(true);
    expect(layer.weights).toEqual([]);
  });

  it('rejects a poolSize or strides that are not positive integers of the right count', () => {
    expect(() => make({ poolSize: 0 })).toThrow(ValueError);
    expect(() => make({ poolSize: 0 })).toThrow(`${name}: poolSize must be a positive integer or an array of ${rank} positive integers, received poolSize=0`);
    expect(() => make({ poolSize: new Array(rank + 1).fill(2) })).toThrow(/poolSize must be a positive integer/);
    expect(() => make({ strides: 0 })).toThrow(ValueError);
    expect(() => make({ strides: 0 })).toThrow(`${name}: strides must be a positive integer or an array of ${rank} positive integers, received strides=0`);
  });

  it("rejects paddings other than 'valid' and 'same' (Keras's pooling ops take only these lower-case names)", () => {
    for (const bad of ['SAME', 'causal', 'full']) {
      expect(() => make({ padding: bad })).toThrow(ValueError);
      expect(() => make({ padding: bad })).toThrow(`${name}: padding must be 'valid' or 'same', received padding='${bad}'`);
    }
  });

  it('rejects an unknown data format', () => {
    expect(() => make({ dataFormat: 'nchw' })).toThrow(ValueError);
    expect(() => make({ dataFormat: 'nchw' })).toThrow(/dataFormat must be 'channels_last' or 'channels_first', received dataFormat='nchw'/);
  });

  it('accepts only inputs of rank spatial + 2', () => {
    const layer = make({});
    for (const r of [rank + 1, rank + 3]) {
      const x = randomUniform(new Array(r).fill(4), { seed: 1 });
      expect(() => layer.apply(x)).toThrow(ShapeError);
      expect(() => layer.apply(x)).toThrow(new RegExp(`expected ndim=${rank + 2}, found ndim=${r}`));
    }
  });

  it('rejects an input smaller than the window with valid padding', () => {
    const layer = make({ poolSize: 3, name: 'p' });
    const shape = [1, ...new Array(rank - 1).fill(4), 2, 1];
    expect(() => layer.computeOutputShape([null, ...shape.slice(1)])).toThrow(ShapeError);
    expect(() => layer.computeOutputShape([null, ...shape.slice(1)])).toThrow(new RegExp(`${name} 'p': computed output size would be zero or negative`));
    expect(() => layer.apply(randomUniform(shape, { seed: 1 }))).toThrow(ShapeError);
    expect(make({ poolSize: 3, padding: 'same' }).apply(randomUniform(shape, { seed: 1 })).shape).toEqual([1, ...new Array(rank - 1).fill(2), 1, 1]);
  });

  it('computeOutputShape agrees with the output for random geometries, both data formats', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.constantFrom('valid', 'same'),
        fc.integer({ min: 3, max: 6 }), fc.boolean(),
        (p, s, padding, len, first) => {
          const layer = make({ poolSize: p, strides: s, padding, dataFormat: first ? 'channels_first' : 'channels_last' });
          const shape = first ? [2, 3, ...new Array(rank).fill(len)] : [2, ...new Array(rank).fill(len), 3];
          const y = layer.apply(randomUniform(shape, { seed: 4 }));
          expect(layer.computeOutputShape([null, ...shape.slice(1)])).toEqual([null, ...y.shape.slice(1)]);
        },
      ),
      { seed: 42, numRuns: 30 },
    );
  });

  it('keeps unknown sizes unknown on symbolic inputs', () => {
    const y = make({}).apply(input({ shape: [...new Array(rank - 1).fill(4), null, 3] }));
    expect(y.shape).toEqual([null, ...new Array(rank - 1).fill(2), null, 3]);
  });
});
