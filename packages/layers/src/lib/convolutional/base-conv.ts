import { ShapeError, Tensor, ValueError, Variable, conv1d, conv2d, conv3d } from '@strata/tensor';
import { Shape, formatKerasShape, singleShape } from '../engine/shape';
import { BaseConvLayer, ConvLayerArgs, WeightSpec, specConfig, weightSpec } from './base-conv-layer';
import { checkStridesDilation, inputChannels, positiveInt, windowOutputShape } from './conv-utils';

/** Options of `Conv1D`, `Conv2D`, `Conv3D` (Keras's arguments in camelCase). */
export interface ConvArgs extends ConvLayerArgs {
  /** Positive integer, the number of output channels. */
  filters: number;
  /** Channel groups: input channels and `filters` are split into `groups` blocks convolved separately. Default 1. */
  groups?: number;
  /** Default `'glorot_uniform'`. */
  kernelInitializer?: unknown;
  kernelRegularizer?: unknown;
  kernelConstraint?: unknown;
}

const OPS = [conv1d, conv2d, conv3d];

/**
 * The N-D convolution layer (Keras's `BaseConv`): `output = activation(conv(input, kernel) + bias)`,
 * a cross-correlation of the input with `filters` learned windows.
 *
 * Input `(batch, ...spatial, channels)` (channels_last) or `(batch, channels, ...spatial)`;
 * output the same layout with `filters` channels and spatial sizes from Keras's rule
 * ('valid' floor((in - d·(k - 1) - 1) / s) + 1, 'same'/'causal' ceil(in / s)).
 * Weights: `kernel (...kernelSize, channels / groups, filters)`, `bias (filters)`.
 *
 * @example
 * class MyConv extends BaseConv { constructor(args: ConvArgs) { super(2, args); } }
 */
export abstract class BaseConv extends BaseConvLayer {
  readonly filters: number;
  readonly groups: number;
  readonly kernelSpec: WeightSpec;
  kernel!: Variable;

  constructor(rank: number, args: ConvArgs) {
    super(rank, args, rank === 1);
    const who = this.className;
    this.filters = positiveInt(args.filters, 'filters', who);
    this.groups = positiveInt(args.groups ?? 1, 'groups', who);
    if (this.filters % this.groups !== 0) {
      throw new ValueError(
        `${who}: filters must be divisible by groups, received filters=${this.filters} and groups=${this.groups}`,
      );
    }
    checkStridesDilation(this.strides, this.dilationRate, who);
    this.kernelSpec = weightSpec(args.kernelInitializer, args.kernelRegularizer, args.kernelConstraint, 'glorot_uniform');
  }

  override build(inputShape: Shape): void {
    const who = `${this.className} '${this.name}'`;
    const channels = inputChannels(inputShape, this.dataFormat, who);
    if (channels % this.groups !== 0) {
      throw new ShapeError(
        `${who}: the input channels must be divisible by groups (groups=${this.groups}), received input shape ${formatKerasShape(inputShape)}`,
      );
    }
    this.lockChannels(channels);
    // Keras checks the output is non-empty before creating weights.
    this.computeOutputShape(inputShape);
    this.kernel = this.addWeight({ name: 'kernel', shape: [...this.kernelSize, channels / this.groups, this.filters], ...this.kernelSpec });
    this.addBias(this.filters);
  }

  override call(x: Tensor): Tensor {
    const y = OPS[this.rank - 1](this.channelsLastInput(x), this.kernel.value, {
      strides: this.strides, padding: this.padding, dilationRate: this.dilationRate, groups: this.groups,
    });
    return this.finish(y);
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const s = singleShape(inputShape, this.name);
    return windowOutputShape(s, {
      rank: this.rank, channels: this.filters, kernelSize: this.kernelSize, strides: this.strides,
      dilation: this.dilationRate, padding: this.padding, dataFormat: this.dataFormat,
    }, `${this.className} '${this.name}'`);
  }

  override getConfig(): Record<string, unknown> {
    const k = specConfig(this.kernelSpec);
    const b = specConfig(this.biasSpec);
    return {
      ...super.getConfig(),
      filters: this.filters,
      kernel_size: this.kernelSize,
      strides: this.strides,
      padding: this.padding,
      data_format: this.dataFormat,
      dilation_rate: this.dilationRate,
      groups: this.groups,
      activation: this.activationConfig(),
      use_bias: this.useBias,
      kernel_initializer: k.initializer,
      bias_initializer: b.initializer,
      kernel_regularizer: k.regularizer,
      bias_regularizer: b.regularizer,
      activity_regularizer: this.activityConfig(),
      kernel_constraint: k.constraint,
      bias_constraint: b.constraint,
    };
  }
}
