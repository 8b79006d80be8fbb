import { checkLayerContract } from '@strata/layers/testing';
import { ShapeError, Tensor, ValueError, randomUniform, reshape, tensor } from '@strata/tensor';
import { checkGradients, expectClose } from '@strata/tensor/testing';
import fc from 'fast-check';
import { SqueezeExcitation } from './squeeze-excitation';

// Not registered here (each spec file has its own registry): the contract's round trip
// through Keras JSON finds the class in customObjects.
const customObjects = { SqueezeExcitation };

/** Two channels, ratio 2: one hidden unit. The weights of the golden example, in Keras's order. */
function fixedLayer(): SqueezeExcitation {
  const layer = new SqueezeExcitation({ ratio: 2 });
  layer.maybeBuild([null, 2, 2]);
  layer.setWeights([tensor([[0.5], [0.25]]), tensor([-1]), tensor([[0, Math.log(3)]]), tensor([0, 0])]);
  return layer;
}

describe('SqueezeExcitation', () => {
  it('passes the layer contract for 1D, 2D and 3D inputs', () => {
    checkLayerContract(() => new SqueezeExcitation({ ratio: 4 }), {
      inputShape: [2, 5, 8], weights: 4, trainableWeights: 4, wrongRankShape: [2, 8], customObjects,
    });
    checkLayerContract(() => new SqueezeExcitation({ ratio: 2 }), { inputShape: [2, 3, 4, 6], weights: 4, wrongRankShape: [2, 1, 2, 3, 4, 6], customObjects });
    checkLayerContract(() => new SqueezeExcitation(), { inputShape: [1, 2, 3, 2, 4], weights: 4, customObjects });
  });

  it('gates each channel by sigmoid(relu(mean · W1 + b1) · W2 + b2)', () => {
    // Sample 1: mean over steps s = [2, 4]; hidden relu(2 * 0.5 + 4 * 0.25 - 1) = 1; gate
    // sigmoid([0, ln 3]) = [1/2, 3/4]. Sample 2: s = [-2, -4], hidden relu(-3) = 0, gate [1/2, 1/2].
    const x = tensor([[[1, 3], [3, 5]], [[-1, -3], [-3, -5]]]);
    const y = fixedLayer().apply(x);
    expect(y.shape).toEqual([2, 2, 2]);
    expectClose(y, tensor([[[0.5, 2.25], [1.5, 3.75]], [[-0.5, -1.5], [-1.5, -2.5]]]));
  });

  it('creates its weights in order, with max(1, floor(channels / ratio)) hidden units', () => {
    const layer = new SqueezeExcitation({ ratio: 4 });
    layer.apply(randomUniform([1, 3, 3, 16], { seed: 1 }));
    expect(layer.weights.map((w) => [w.name, w.shape])).toEqual([
      ['squeeze_kernel', [16, 4]], ['squeeze_bias', [4]], ['excite_kernel', [4, 16]], ['excite_bias', [16]],
    ]);
    expect(layer.countParams()).toBe(16 * 4 + 4 + 4 * 16 + 16);
    // Fewer channels than the ratio: still one unit.
    const narrow = new SqueezeExcitation();
    narrow.apply(randomUniform([1, 4, 3], { seed: 2 }));
    expect(narrow.squeezeKernel.shape).toEqual([3, 1]);
    expect(narrow.getWeights()[1].toArray()).toEqual([0]);
  });

  it('treats every spatial layout alike: a 2D or 3D input gives what its flattened 1D form gives', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 6 }), fc.integer(), (a, b, c, channels, seed) => {
        const layer = new SqueezeExcitation({ ratio: 2 });
        const x = randomUniform([2, a, b, c, channels], { minval: -2, maxval: 2, seed });
        const y5 = layer.apply(x);
        const y4 = layer.apply(reshape(x, [2, a, b * c, channels]));
        const y3 = layer.apply(reshape(x, [2, a * b * c, channels]));
        expectClose(reshape(y5, [2, a * b * c, channels]), y3);
        expectClose(reshape(y4, [2, a * b * c, channels]), y3);
        // A gate in (0, 1) only shrinks the input.
        x.data.forEach((v, i) => expect(Math.abs(y5.data[i])).toBeLessThanOrEqual(Math.abs(v)));
      }),
      { seed: 42, numRuns: 50 },
    );
  });

  it('has gradients that agree with finite differences (input and every weight)', () => {
    const layer = fixedLayer();
    const x = tensor([[[1, 3], [3, 5]], [[-1, -2.5], [-3, 1]]]);
    checkGradients((xi) => layer.apply(xi), [x]);
    const weights = layer.weights;
    // Swapping the variables' values for the probed tensors keeps them on the tape.
    checkGradients(
      (...ws: Tensor[]) => {
        ws.forEach((w, i) => weights[i].swapValue(w));
        return layer.apply(x);
      },
      [tensor([[0.5], [0.25]]), tensor([-0.5]), tensor([[0.3, -0.7]]), tensor([0.1, -0.2])],
    );
  });

  it('writes ratio into the config and reads it back', () => {
    const config = new SqueezeExcitation({ ratio: 8, name: 'se' }).getConfig();
    expect(config).toEqual({ name: 'se', trainable: true, dtype: config['dtype'], ratio: 8 });
    expect(SqueezeExcitation.fromConfig(config).ratio).toBe(8);
    expect(new SqueezeExcitation().ratio).toBe(16);
  });

  it('rejects a ratio that is not a positive integer', () => {
    for (const [ratio, shown] of [[0, '0'], [-2, '-2'], [1.5, '1.5']] as const) {
      expect(() => new SqueezeExcitation({ ratio })).toThrow(ValueError);
      expect(() => new SqueezeExcitation({ ratio })).toThrow(`SqueezeExcitation: ratio must be a positive integer, received ratio=${shown}`);
    }
  });

  it('rejects inputs of rank 2 or 6, an unknown channel axis, and another channel count', () => {
    const layer = new SqueezeExcitation({ ratio: 2 });
    expect(() => layer.apply(tensor([[1, 2]]))).toThrow(ShapeError);
    expect(() => layer.apply(randomUniform([1, 1, 1, 1, 1, 2]))).toThrow(ShapeError);
    expect(() => new SqueezeExcitation().maybeBuild([null, 4, null])).toThrow(ValueError);
    expect(() => new SqueezeExcitation({ name: 'se' }).maybeBuild([null, 4, null])).toThrow(
      "SqueezeExcitation 'se': the channels axis (last) must be known, received shape=[null, 4, null]",
    );
    layer.apply(randomUniform([1, 3, 2]));
    expect(() => layer.apply(randomUniform([1, 3, 4]))).toThrow(ShapeError);
  });
});
