import { Tensor, Variable, depthwiseConv1d, depthwiseConv2d } from '@strata/tensor';
import { Shape, singleShape } from '../engine/shape';
import { BaseConvLayer, ConvLayerArgs, WeightSpec, specConfig, weightSpec } from './base-conv-layer';
import { inputChannels, positiveInt, windowOutputShape } from './conv-utils';

/** Options of `DepthwiseConv1D` and `DepthwiseConv2D` (Keras's arguments in camelCase). */
export interface DepthwiseConvArgs extends ConvLayerArgs {
  /** Output channels per input channel. Default 1. */
  depthMultiplier?: number;
  /** Default `'glorot_uniform'`. */
  depthwiseInitializer?: unknown;
  depthwiseRegularizer?: unknown;
  depthwiseConstraint?: unknown;
}

const OPS = [depthwiseConv1d, depthwiseConv2d];

/**
 * The depthwise convolution layer (Keras's `BaseDepthwiseConv`): each input channel c is
 * convolved with its own `depthMultiplier` windows,
 * y[..., c·M + m] = activation(Σ_k x[..., c] · kernel[k, c, m] + bias[c·M + m]).
 *
 * Input `(batch, ...spatial, channels)` (or channels_first); output with `channels · depthMultiplier`
 * channels. Weights: `kernel (...kernelSize, channels, depthMultiplier)` (Keras names it `kernel`),
 * `bias (channels · depthMultiplier)`.
 *
 * @example
 * class MyDepthwise extends BaseDepthwiseConv { constructor(args: DepthwiseConvArgs) { super(2, args); } }
 */
export abstract class BaseDepthwiseConv extends BaseConvLayer {
  readonly depthMultiplier: number;
  readonly depthwiseSpec: WeightSpec;
  kernel!: Variable;

  constructor(rank: number, args: DepthwiseConvArgs) {
    super(rank, args);
    this.depthMultiplier = positiveInt(args.depthMultiplier ?? 1, 'depthMultiplier', this.className);
    this.depthwiseSpec = weightSpec(args.depthwiseInitializer, args.depthwiseRegularizer, args.depthwiseConstraint, 'glorot_uniform');
  }

  override build(inputShape: Shape): void {
    const channels = inputChannels(inputShape, this.dataFormat, `${this.className} '${this.name}'`);
    this.lockChannels(channels);
    this.computeOutputShape(inputShape);
    this.kernel = this.addWeight({ name: 'kernel', shape: [...this.kernelSize, channels, this.depthMultiplier], ...this.depthwiseSpec });
    this.addBias(channels * this.depthMultiplier);
  }

  override call(x: Tensor): Tensor {
    const y = OPS[this.rank - 1](this.channelsLastInput(x), this.kernel.value, {
      strides: this.strides, padding: this.padding as 'valid' | 'same', dilationRate: this.dilationRate,
    });
    return this.finish(y);
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const s = singleShape(inputShape, this.name);
    this.checkRank(s);
    const c = this.dataFormat === 'channels_last' ? s[s.length - 1] : s[1];
    return windowOutputShape(s, {
      rank: this.rank, channels: c === null ? null : c * this.depthMultiplier, kernelSize: this.kernelSize,
      strides: this.strides, dilation: this.dilationRate, padding: this.padding, dataFormat: this.dataFormat,
    }, `${this.className} '${this.name}'`);
  }

  override getConfig(): Record<string, unknown> {
    const k = specConfig(this.depthwiseSpec);
    const b = specConfig(this.biasSpec);
    return {
      ...super.getConfig(),
      depth_multiplier: this.depthMultiplier,
      kernel_size: this.kernelSize,
      strides: this.strides,
      padding: this.padding,
      data_format: this.dataFormat,
      dilation_rate: this.dilationRate,
      activation: this.activationConfig(),
      use_bias: this.useBias,
      depthwise_initializer: k.initializer,
      bias_initializer: b.initializer,
      depthwise_regularizer: k.regularizer,
      bias_regularizer: b.regularizer,
      activity_regularizer: this.activityConfig(),
      depthwise_constraint: k.constraint,
      bias_constraint: b.constraint,
    };
  }
}
