import { Tensor, ValueError, Variable, conv1dTranspose, conv2dTranspose, conv3dTranspose, show } from '@strata/tensor';
import { Shape, singleShape } from '../engine/shape';
import { BaseConvLayer, ConvLayerArgs, WeightSpec, specConfig, weightSpec } from './base-conv-layer';
import { checkStridesDilation, convTuple, inputChannels, positiveInt, spatialOf, withChannels } from './conv-utils';

/** Options of `Conv1DTranspose`, `Conv2DTranspose`, `Conv3DTranspose` (Keras's arguments in camelCase). */
export interface ConvTransposeArgs extends ConvLayerArgs {
  /** Positive integer, the number of output channels. */
  filters: number;
  /**
   * Extra output length per spatial axis, each strictly below its stride. Default `null`: inferred
   * ('valid' gives (in - 1)·s + max(k_eff, s), 'same' gives in·s).
   */
  outputPadding?: number | number[] | null;
  /** Default `'glorot_uniform'`. */
  kernelInitializer?: unknown;
  kernelRegularizer?: unknown;
  kernelConstraint?: unknown;
}

const OPS = [conv1dTranspose, conv2dTranspose, conv3dTranspose];

/**
 * Keras's `deconv_output_length` (JAX backend): with k_eff = (k - 1)·d + 1,
 * 'valid' (in - 1)·s + k_eff + outputPadding (default max(k_eff, s) - k_eff),
 * 'same' in·s, or (in - 1)·s + k_eff mod 2 + outputPadding when it is given.
 */
export function deconvOutputLength(inLen: number | null, k: number, s: number, d: number, padding: 'valid' | 'same', outPad: number | null): number | null {
  if (inLen === null) return null;
  const kEff = (k - 1) * d + 1;
  if (padding === 'valid') return (inLen - 1) * s + kEff + (outPad ?? Math.max(kEff, s) - kEff);
  return outPad === null ? inLen * s : (inLen - 1) * s + (kEff % 2) + outPad;
}

/**
 * The N-D transposed convolution layer (Keras's `BaseConvTranspose`): the gradient of a
 * convolution with respect to its input, used to upsample; `output = activation(convTranspose(input, kernel) + bias)`.
 *
 * Input `(batch, ...spatial, channels)` (or channels_first); output the same layout with
 * `filters` channels and lengths from `deconvOutputLength`.
 * Weights: `kernel (...kernelSize, filters, channels)`, `bias (filters)`.
 *
 * @example
 * class MyDeconv extends BaseConvTranspose { constructor(args: ConvTransposeArgs) { super(2, args); } }
 */
export abstract class BaseConvTranspose extends BaseConvLayer {
  readonly filters: number;
  readonly outputPadding: number[] | null;
  readonly kernelSpec: WeightSpec;
  kernel!: Variable;

  constructor(rank: number, args: ConvTransposeArgs) {
    super(rank, args);
    const who = this.className;
    this.filters = positiveInt(args.filters, 'filters', who);
    this.outputPadding =
      args.outputPadding === undefined || args.outputPadding === null
        ? null
        : convTuple(args.outputPadding, rank, 'outputPadding', who, true);
    if (this.outputPadding && this.outputPadding.some((p, i) => p >= this.strides[i])) {
      throw new ValueError(
        `${who}: outputPadding must be strictly less than strides on every axis, received outputPadding=${show(this.outputPadding)} and strides=${show(this.strides)}`,
      );
    }
    checkStridesDilation(this.strides, this.dilationRate, who);
    this.kernelSpec = weightSpec(args.kernelInitializer, args.kernelRegularizer, args.kernelConstraint, 'glorot_uniform');
  }

  override build(inputShape: Shape): void {
    const who = `${this.className} '${this.name}'`;
    this.checkRank(inputShape);
    const channels = inputChannels(inputShape, this.dataFormat, who);
    this.lockChannels(channels);
    this.kernel = this.addWeight({ name: 'kernel', shape: [...this.kernelSize, this.filters, channels], ...this.kernelSpec });
    this.addBias(this.filters);
  }

  override call(x: Tensor): Tensor {
    const y = OPS[this.rank - 1](this.channelsLastInput(x), this.kernel.value, {
      strides: this.strides,
      padding: this.padding as 'valid' | 'same',
      dilationRate: this.dilationRate,
      outputPadding: this.outputPadding ?? undefined,
    });
    return this.finish(y);
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const s = singleShape(inputShape, this.name);
    this.checkRank(s);
    const out = spatialOf(s, this.dataFormat).map((len, i) =>
      deconvOutputLength(len, this.kernelSize[i], this.strides[i], this.dilationRate[i], this.padding as 'valid' | 'same', this.outputPadding ? this.outputPadding[i] : null),
    );
    return withChannels(s[0], out, this.filters, this.dataFormat);
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
      output_padding: this.outputPadding,
      data_format: this.dataFormat,
      dilation_rate: this.dilationRate,
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
