import { Tensor, Variable, depthwiseConv1d, depthwiseConv2d, matmul, reshape } from '@strata/tensor';
import { Shape, singleShape } from '../engine/shape';
import { BaseConvLayer, ConvLayerArgs, WeightSpec, specConfig, weightSpec } from './base-conv-layer';
import { inputChannels, positiveInt, windowOutputShape } from './conv-utils';

/** Options of `SeparableConv1D` and `SeparableConv2D` (Keras's arguments in camelCase). */
export interface SeparableConvArgs extends ConvLayerArgs {
  /** Positive integer, the number of output channels (of the pointwise step). */
  filters: number;
  /** Depthwise output channels per input channel. Default 1. */
  depthMultiplier?: number;
  /** Default `'glorot_uniform'`. */
  depthwiseInitializer?: unknown;
  /** Default `'glorot_uniform'`. */
  pointwiseInitializer?: unknown;
  depthwiseRegularizer?: unknown;
  pointwiseRegularizer?: unknown;
  depthwiseConstraint?: unknown;
  pointwiseConstraint?: unknown;
}

const OPS = [depthwiseConv1d, depthwiseConv2d];

/**
 * The separable convolution layer (Keras's `BaseSeparableConv`): a depthwise convolution
 * (each channel with its own `depthMultiplier` windows) followed by a pointwise 1×1
 * convolution mixing channels, y = activation(pointwise(depthwise(x)) + bias).
 *
 * Input `(batch, ...spatial, channels)` (or channels_first); output with `filters` channels.
 * Weights: `depthwise_kernel (...kernelSize, channels, depthMultiplier)`,
 * `pointwise_kernel (1, ..., 1, channels · depthMultiplier, filters)`, `bias (filters)`.
 *
 * @example
 * class MySeparable extends BaseSeparableConv { constructor(args: SeparableConvArgs) { super(2, args); } }
 */
export abstract class BaseSeparableConv extends BaseConvLayer {
  readonly filters: number;
  readonly depthMultiplier: number;
  readonly depthwiseSpec: WeightSpec;
  readonly pointwiseSpec: WeightSpec;
  depthwiseKernel!: Variable;
  pointwiseKernel!: Variable;

  constructor(rank: number, args: SeparableConvArgs) {
    super(rank, args);
    this.depthMultiplier = positiveInt(args.depthMultiplier ?? 1, 'depthMultiplier', this.className);
    this.filters = positiveInt(args.filters, 'filters', this.className);
    this.depthwiseSpec = weightSpec(args.depthwiseInitializer, args.depthwiseRegularizer, args.depthwiseConstraint, 'glorot_uniform');
    this.pointwiseSpec = weightSpec(args.pointwiseInitializer, args.pointwiseRegularizer, args.pointwiseConstraint, 'glorot_uniform');
  }

  override build(inputShape: Shape): void {
    const channels = inputChannels(inputShape, this.dataFormat, `${this.className} '${this.name}'`);
    this.lockChannels(channels);
    this.computeOutputShape(inputShape);
    const mid = channels * this.depthMultiplier;
    this.depthwiseKernel = this.addWeight({
      name: 'depthwise_kernel', shape: [...this.kernelSize, channels, this.depthMultiplier], ...this.depthwiseSpec,
    });
    this.pointwiseKernel = this.addWeight({
      name: 'pointwise_kernel', shape: [...new Array<number>(this.rank).fill(1), mid, this.filters], ...this.pointwiseSpec,
    });
    this.addBias(this.filters);
  }

  override call(x: Tensor): Tensor {
    const d = OPS[this.rank - 1](this.channelsLastInput(x), this.depthwiseKernel.value, {
      strides: this.strides, padding: this.padding as 'valid' | 'same', dilationRate: this.dilationRate,
    });
    // A 1×1 convolution is one matmul over every position.
    const mid = d.shape[d.rank - 1];
    const y = matmul(reshape(d, [-1, mid]), reshape(this.pointwiseKernel.value, [mid, this.filters]));
    return this.finish(reshape(y, [...d.shape.slice(0, -1), this.filters]));
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const s = singleShape(inputShape, this.name);
    return windowOutputShape(s, {
      rank: this.rank, channels: this.filters, kernelSize: this.kernelSize, strides: this.strides,
      dilation: this.dilationRate, padding: this.padding, dataFormat: this.dataFormat,
    }, `${this.className} '${this.name}'`);
  }

  override getConfig(): Record<string, unknown> {
    const dw = specConfig(this.depthwiseSpec);
    const pw = specConfig(this.pointwiseSpec);
    const b = specConfig(this.biasSpec);
    return {
      ...super.getConfig(),
      depth_multiplier: this.depthMultiplier,
      filters: this.filters,
      kernel_size: this.kernelSize,
      strides: this.strides,
      padding: this.padding,
      data_format: this.dataFormat,
      dilation_rate: this.dilationRate,
      activation: this.activationConfig(),
      use_bias: this.useBias,
      depthwise_initializer: dw.initializer,
      pointwise_initializer: pw.initializer,
      bias_initializer: b.initializer,
      depthwise_regularizer: dw.regularizer,
      pointwise_regularizer: pw.regularizer,
      bias_regularizer: b.regularizer,
      activity_regularizer: this.activityConfig(),
      depthwise_constraint: dw.constraint,
      pointwise_constraint: pw.constraint,
      bias_constraint: b.constraint,
    };
  }
}
