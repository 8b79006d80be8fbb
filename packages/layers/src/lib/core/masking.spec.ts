import { ShapeError, ValueError, grad, randomUniform, sum, tensor } from '@strata/tensor';
import { checkGradients, expectClose } from '@strata/tensor/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { getMask } from '../engine/masks';
import { deserialize, serialize } from '../registry';
import { checkLayerContract } from '../testing/check-layer-contract';
import { Masking } from './masking';
import { input } from './input-layer';

interface Fixture {
  masking: {
    default_config: Record<string, unknown>;
    config: Record<string, unknown>;
    input: number[];
    input_shape: number[];
    output: number[];
    mask: boolean[];
  };
}

const fx = (JSON.parse(readFileSync(join(__dirname, '__fixtures__/embedding_masking.json'), 'utf8')) as Fixture).masking;

describe('Masking', () => {
  it('passes the layer contract', () => {
    checkLayerContract(() => new Masking(), { inputShape: [2, 3, 4], weights: 0, wrongRankShape: [] });
    checkLayerContract(() => new Masking({ maskValue: -1 }), { inputShape: [3, 2], weights: 0 });
  });

  it('zeroes and masks the timesteps whose features all equal maskValue, on hand-checkable values', () => {
    const y = new Masking({ maskValue: 0 }).apply(tensor([[[1, 2], [0, 0], [0, 3]]]));
    expect(y.toArray()).toEqual([[[1, 2], [0, 0], [0, 3]]]);
    expect(getMask(y)!.toArray()).toEqual([[true, false, true]]);
    const z = new Masking({ maskValue: 7 }).apply(tensor([[[7, 7], [7, 1]]]));
    // The masked timestep becomes 0, not 7; a partial match is kept untouched.
    expect(z.toArray()).toEqual([[[0, 0], [7, 1]]]);
    expect(getMask(z)!.toArray()).toEqual([[false, true]]);
  });

  it('matches Keras outputs and masks (fixture from Keras)', () => {
    const y = new Masking({ maskValue: 0.5 }).apply(tensor(fx.input, fx.input_shape));
    expectClose(y, tensor(fx.output, fx.input_shape));
    expect(Array.from(getMask(y)!.data, Boolean)).toEqual(fx.mask);
  });

  it('writes the configs Keras writes and reads them back unchanged', () => {
    expect(new Masking({ name: 'masking_default' }).getConfig()).toEqual(fx.default_config);
    expect(new Masking({ name: 'masking_half', maskValue: 0.5 }).getConfig()).toEqual(fx.config);
    for (const config of [fx.default_config, fx.config]) {
      expect(Masking.fromConfig(config).getConfig()).toEqual(config);
      expect(deserialize(JSON.parse(JSON.stringify(serialize(Masking.fromConfig(config))))).getConfig()).toEqual(config);
    }
  });

  it('is built at construction, as Keras, so its JSON has no build_config', () => {
    const layer = new Masking();
    expect(layer.built).toBe(true);
    layer.apply(tensor([[1, 2]]));
    expect(serialize(layer).build_config).toBeUndefined();
  });

  it('passes gradients to the kept timesteps only', () => {
    // At a masked timestep the function jumps, so finite differences do not apply there.
    const x = tensor([[[0.3, -0.2], [0, 0], [0.5, 0]]]);
    expect(grad((v) => sum(new Masking().apply(v)))(x).toArray()).toEqual([[[1, 1], [0, 0], [1, 1]]]);
    const x2 = randomUniform([2, 3, 2], { seed: 5 });
    checkGradients((v) => new Masking({ maskValue: 0.25 }).apply(v), [x2]);
  });

  it('gives a symbolic output of the input shape', () => {
    expect(new Masking().apply(input({ shape: [5, 3] })).shape).toEqual([null, 5, 3]);
  });

  it('rejects a maskValue that is not a number and a scalar input', () => {
    expect(() => new Masking({ maskValue: 'x' as never })).toThrow(ValueError);
    expect(() => new Masking({ maskValue: 'x' as never })).toThrow(/Masking: maskValue must be a number, received maskValue='x'/);
    expect(() => new Masking().apply(tensor(3))).toThrow(ShapeError);
    expect(() => new Masking({ name: 'masking_scalar' }).apply(tensor(3))).toThrow(/layer 'masking_scalar'.*expected min_ndim=1, found ndim=0/);
  });

  it('keeps a row exactly when some feature differs from maskValue (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const y = new Masking({ maskValue: 1 }).apply(tensor([rows]));
        const keep = rows.map((r) => r.some((v) => v !== 1));
        expect(getMask(y)!.toArray()).toEqual([keep]);
        expect(y.toArray()).toEqual([rows.map((r, i) => (keep[i] ? r : [0, 0, 0]))]);
      }),
      { seed: 42, numRuns: 50 },
    );
  });
});
