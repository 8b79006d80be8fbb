import { ShapeError, StrataError, Tensor, formatShape, randomUniform, sameShape } from '@strata/tensor';
import { Layer } from '../engine/layer';
import { formatKerasShape, Shape } from '../engine/shape';
import { SymbolicTensor } from '../engine/symbolic-tensor';
import { deserialize, serialize } from '../registry';
import { InputLayer } from '../core/input-layer';

/** What `checkLayerContract` needs to know about the layer under test. */
export interface LayerContractOptions {
  /** Concrete input shape(s), batch axis included. */
  inputShape: number[] | number[][];
  /** Inputs to use instead of random ones (e.g. int32 token ids). */
  inputs?: Tensor | Tensor[];
  /** Expected counts after build. */
  weights?: number;
  trainableWeights?: number;
  /** A shape of the wrong rank that must be rejected with a `ShapeError` (omit when any rank works). */
  wrongRankShape?: number[];
  /** Extra classes for the config round trip of a plugin that is not registered. */
  customObjects?: Record<string, unknown>;
  /** Run with `training: true` (outputs then need not be deterministic). */
  training?: boolean;
}

function fail(layer: Layer, what: string): never {
  throw new StrataError(`checkLayerContract(${layer.className} '${layer.name}'): ${what}`);
}

function stableConfig(config: Record<string, unknown>): string {
  const { name: _name, ...rest } = config;
  return JSON.stringify(rest);
}

/**
 * The checks every layer, built-in or plugin, must pass: it builds on first call, its
 * `computeOutputShape` equals the real output shape, symbolic and eager calls agree, its config
 * round-trips through `fromConfig` and the registry (Keras JSON), weights have the expected counts
 * and survive `getWeights`/`setWeights` into a fresh copy that computes the same outputs, and an
 * input of the wrong rank is rejected. Throws a `StrataError` describing the first failure.
 *
 * @example
 * checkLayerContract(() => new Dense({ units: 3 }), { inputShape: [2, 4], weights: 2, wrongRankShape: [4] });
 */
export function checkLayerContract(make: () => Layer, options: LayerContractOptions): void {
  const multi = Array.isArray(options.inputShape[0]);
  const shapes = (multi ? options.inputShape : [options.inputShape]) as number[][];
  const given = options.inputs === undefined ? null : Array.isArray(options.inputs) ? options.inputs : [options.inputs];
  const inputs = given ?? shapes.map((s, i) => randomUniform(s, { minval: -1, maxval: 1, seed: 7 + i }));
  const arg = multi ? inputs : inputs[0];
  const training = options.training ?? false;

  const layer = make();
  const outs = layer.applyMulti(arg as Tensor, { training });
  if (!layer.built) fail(layer, 'the layer is not built after its first call');
  const expected = layer.computeOutputShape((multi ? shapes : shapes[0]) as Shape);
  const expectedList = (Array.isArray(expected[0]) ? expected : [expected]) as Shape[];
  if (expectedList.length !== outs.length) fail(layer, `computeOutputShape gives ${expectedList.length} shapes, call returned ${outs.length} outputs`);
  outs.forEach((o, i) => {
    const e = expectedList[i];
    if (e.length !== o.shape.length || e.some((d, k) => d !== null && d !== o.shape[k])) {
      fail(layer, `computeOutputShape gives ${formatKerasShape(e)} but output ${i} has shape ${formatShape(o.shape)}`);
    }
  });

  if (options.weights !== undefined && layer.weights.length !== options.weights) {
    fail(layer, `expected ${options.weights} weights, found ${layer.weights.length}`);
  }
  if (options.trainableWeights !== undefined && layer.trainableWeights.length !== options.trainableWeights) {
    fail(layer, `expected ${options.trainableWeights} trainable weights, found ${layer.trainableWeights.length}`);
  }

  // Symbolic call on a fresh copy: shapes with a null batch must agree with the eager ones.
  const symbolicLayer = make();
  const symIn = shapes.map((s, i) => new InputLayer({ batchShape: [null, ...s.slice(1)], dtype: inputs[i].dtype }).output);
  const symOut = symbolicLayer.applyMulti((multi ? symIn : symIn[0]) as SymbolicTensor);
  symOut.forEach((o, i) => {
    const eager = outs[i].shape;
    if (o.shape.length !== eager.length || o.shape.some((d, k) => k > 0 && d !== null && d !== eager[k])) {
      fail(layer, `symbolic output ${i} has shape ${formatKerasShape(o.shape)}, eager output has ${formatShape(eager)}`);
    }
  });

  // Config round trips: fromConfig, and the registry's Keras JSON.
  const config = layer.getConfig();
  JSON.stringify(config); // must be plain JSON
  const cls = layer.constructor as unknown as { fromConfig(c: Record<string, unknown>): Layer };
  const again = cls.fromConfig(JSON.parse(JSON.stringify(config)));
  if (stableConfig(again.getConfig()) !== stableConfig(config)) {
    fail(layer, `fromConfig(getConfig()) changes the config:\n  ${JSON.stringify(config)}\n  ${JSON.stringify(again.getConfig())}`);
  }
  const json = JSON.parse(JSON.stringify(serialize(layer)));
  const restored = deserialize(json, { customObjects: options.customObjects });
  if (restored.constructor !== layer.constructor) fail(layer, 'deserialize(serialize(layer)) gives another class');

  // Weights copy over and reproduce the outputs.
  restored.maybeBuild((multi ? shapes : shapes[0]) as Shape);
  restored.setWeights(layer.getWeights());
  if (!training) {
    const outs2 = restored.applyMulti(arg as Tensor);
    outs2.forEach((o, i) => {
      const a = outs[i].data;
      for (let k = 0; k < a.length; k++) {
        if (Math.abs(a[k] - o.data[k]) > 1e-5 * (1 + Math.abs(a[k]))) {
          fail(layer, `a copy with the same weights gives a different output ${i} at element ${k}: ${a[k]} vs ${o.data[k]}`);
        }
      }
    });
    if (!sameShape(outs[0].shape, outs2[0].shape)) fail(layer, 'a copy gives another output shape');
  }

  if (options.wrongRankShape) {
    const bad = randomUniform(options.wrongRankShape, { seed: 3 });
    try {
      layer.apply(multi ? [bad, ...inputs.slice(1)] : bad);
    } catch (e) {
      if (!(e instanceof ShapeError)) fail(layer, `a wrong-rank input raised ${(e as Error).name}, expected ShapeError: ${(e as Error).message}`);
      return;
    }
    fail(layer, `an input of shape ${formatShape(options.wrongRankShape)} was accepted`);
  }
}
