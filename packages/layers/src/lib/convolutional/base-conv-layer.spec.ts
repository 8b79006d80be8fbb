// The arguments every convolution layer shares, checked on each of them.
import { ShapeError, ValueError, conv2d, randomUniform } from '@strata/tensor';
import fc from 'fast-check';
import { Layer } from '../engine/layer';
import { BaseConvLayer } from './base-conv-layer';
import { Conv1D } from './conv1d';
import { Conv1DTranspose } from './conv1d-transpose';
import { Conv2D } from './conv2d';
import { Conv2DTranspose } from './conv2d-transpose';
import { Conv3D } from './conv3d';
import { Conv3DTranspose } from './conv3d-transpose';
import { DepthwiseConv1D } from './depthwise-conv1d';
import { DepthwiseConv2D } from './depthwise-conv2d';
import { SeparableConv1D } from './separable-conv1d';
import { SeparableConv2D } from './separable-conv2d';

type Make = (extra: Record<string, unknown>) => BaseConvLayer;
const LAYERS: [string, number, Make][] = [
  ['Conv1D', 1, (e) => new Conv1D({ filters: 2, kernelSize: 2, ...e })],
  ['Conv2D', 2, (e) => new Conv2D({ filters: 2, kernelSize: 2, ...e })],
  ['Conv3D', 3, (e) => new Conv3D({ filters: 2, kernelSize: 2, ...e })],
  ['Conv1DTranspose', 1, (e) => new Conv1DTranspose({ filters: 2, kernelSize: 2, ...e })],
  ['Conv2DTranspose', 2, (e) => new Conv2DTranspose({ filters: 2, kernelSize: 2, ...e })],
  ['Conv3DTranspose', 3, (e) => new Conv3DTranspose({ filters: 2, kernelSize: 2, ...e })],
  ['DepthwiseConv1D', 1, (e) => new DepthwiseConv1D({ kernelSize: 2, ...e })],
  ['DepthwiseConv2D', 2, (e) => new DepthwiseConv2D({ kernelSize: 2, ...e })],
  ['SeparableConv1D', 1, (e) => new SeparableConv1D({ filters: 2, kernelSize: 2, ...e })],
  ['SeparableConv2D', 2, (e) => new SeparableConv2D({ filters: 2, kernelSize: 2, ...e })],
];

describe.each(LAYERS)('%s shared arguments', (name, rank, make) => {
  it('expands integers to one value per spatial axis and lower-cases padding, as Keras', () => {
    const layer = make({ strides: 1, padding: 'SAME', dataFormat: 'Channels_First' });
    expect(layer.kernelSize).toEqual(new Array(rank).fill(2));
    expect(layer.strides).toEqual(new Array(rank).fill(1));
    expect(layer.dilationRate).toEqual(new Array(rank).fill(1));
    expect(layer.padding).toBe('same');
    expect(layer.dataFormat).toBe('channels_first');
    expect(layer.getConfig()['kernel_size']).toEqual(new Array(rank).fill(2));
  });

  it('rejects a kernelSize with a zero, a wrong length or a non-integer', () => {
    for (const bad of [0, new Array(rank + 1).fill(2), 1.5, [...new Array(rank - 1).fill(2), 0], 'x']) {
      expect(() => make({ kernelSize: bad })).toThrow(ValueError);
      expect(() => make({ kernelSize: bad })).toThrow(
        new RegExp(`^${name}: kernelSize must be a positive integer or an array of ${rank} positive integers, received kernelSize=`),
      );
    }
  });

  it('rejects zero or negative strides and dilation rates', () => {
    expect(() => make({ strides: 0 })).toThrow(ValueError);
    expect(() => make({ strides: 0 })).toThrow(`${name}: strides must be a positive integer or an array of ${rank} positive integers, received strides=0`);
    expect(() => make({ dilationRate: -1 })).toThrow(ValueError);
    expect(() => make({ dilationRate: -1 })).toThrow(/dilationRate must be a positive integer .*received dilationRate=-1/);
  });

  it('rejects an unknown padding, and causal padding unless the layer is Conv1D', () => {
    expect(() => make({ padding: 'full' })).toThrow(ValueError);
    expect(() => make({ padding: 'full' })).toThrow(/padding must be one of 'valid', 'same'.*, received padding='full'/);
    if (name === 'Conv1D') expect(make({ padding: 'causal' }).padding).toBe('causal');
    else expect(() => make({ padding: 'causal' })).toThrow(`${name}: padding must be one of 'valid', 'same', received padding='causal'`);
  });

  it('rejects an unknown data format', () => {
    expect(() => make({ dataFormat: 'channels_middle' })).toThrow(ValueError);
    expect(() => make({ dataFormat: 'channels_middle' })).toThrow(/dataFormat must be 'channels_last' or 'channels_first', received dataFormat='channels_middle'/);
  });

  it('rejects inputs of a lower rank with the input spec message, and of a higher rank by name', () => {
    const layer = make({}) as Layer;
    expect(() => layer.apply(randomUniform(new Array(rank + 1).fill(3), { seed: 1 }))).toThrow(ShapeError);
    expect(() => layer.apply(randomUniform(new Array(rank + 1).fill(3), { seed: 1 }))).toThrow(
      new RegExp(`expected min_ndim=${rank + 2}, found ndim=${rank + 1}`),
    );
    const high = new Array(rank + 3).fill(3);
    expect(() => layer.apply(randomUniform(high, { seed: 1 }))).toThrow(ShapeError);
    expect(() => layer.apply(randomUniform(high, { seed: 1 }))).toThrow(new RegExp(`expected an input of rank ${rank + 2}`));
  });

  it('rejects a change of channels after building', () => {
    const layer = make({}) as Layer;
    layer.apply(randomUniform([1, ...new Array(rank).fill(4), 2], { seed: 2 }));
    const other = randomUniform([1, ...new Array(rank).fill(4), 3], { seed: 2 });
    expect(() => layer.apply(other)).toThrow(ShapeError);
    expect(() => layer.apply(other)).toThrow(/expected axis -1 of input shape to have value 2/);
  });

  it('needs the channels axis to be known to build', () => {
    const layer = make({}) as Layer;
    expect(() => layer.maybeBuild([null, ...new Array(rank).fill(4), null])).toThrow(ShapeError);
    expect(() => layer.maybeBuild([null, ...new Array(rank).fill(4), null])).toThrow(/the channels axis of the input must be known/);
  });
});

describe('convolution output lengths', () => {
  it("computeOutputShape agrees with the op's output for random 2-D geometries", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 2 }), fc.constantFrom('valid', 'same'), fc.integer({ min: 5, max: 9 }),
        (k, s, d0, d1, padding, len) => {
          // Keras forbids strides > 1 with dilation > 1: use the dilation only with unit strides.
          const dilation = s > 1 ? [1, 1] : [d0, d1];
          const layer = new Conv2D({ filters: 1, kernelSize: [k, 2], strides: [s, 1], dilationRate: dilation, padding });
          const x = randomUniform([1, len, 3, 1], { seed: 5 });
          if (padding === 'valid' && (k - 1) * dilation[0] + 1 > len) {
            expect(() => layer.computeOutputShape([null, len, 3, 1])).toThrow(ShapeError);
            return;
          }
          const expected = conv2d(x, randomUniform([k, 2, 1, 1], { seed: 6 }), { strides: [s, 1], dilationRate: dilation, padding }).shape;
          expect(layer.computeOutputShape([null, len, 3, 1])).toEqual([null, ...expected.slice(1)]);
          expect(layer.apply(x).shape).toEqual(expected);
        },
      ),
      { seed: 42, numRuns: 50 },
    );
  });
});
