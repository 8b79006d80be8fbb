import { get as getActivation, serialize as serializeActivation } from '@strata/activations';
import { Constraint, get as getConstraint, serialize as serializeConstraint } from '@strata/constraints';
import { Initializer, get as getInitializer, serialize as serializeInitializer } from '@strata/initializers';
import { Regularizer, get as getRegularizer, serialize as serializeRegularizer } from '@strata/regularizers';
import { KerasObject, Tensor, Variable, add } from '@strata/tensor';
import { DataFormat, normalizeDataFormat } from '../core/data-format';
import { InputSpec } from '../engine/input-spec';
import { Layer } from '../engine/layer';
import { LayerArgs } from '../engine/layer-args';
import { Shape } from '../engine/shape';
import { ConvPaddingArg, checkSpatialRank, convPadding, convTuple, toChannelsFirst, toChannelsLast } from './conv-utils';

/** Arguments shared by every convolution layer (Keras's names in camelCase). */
export interface ConvLayerArgs extends LayerArgs {
  /** Window size: one integer for every spatial axis or one per axis. */
  kernelSize: number | number[];
  /** Step of the window per spatial axis. Default 1. */
  strides?: number | number[];
  /** `'valid'` (default), `'same'`, or for 1-D convolutions `'causal'`; case-insensitive. */
  padding?: string;
  /** `'channels_last'` (default, `(batch, ...spatial, channels)`) or `'channels_first'`. */
  dataFormat?: DataFormat | string | null;
  /** Spacing between kernel taps per spatial axis. Default 1. */
  dilationRate?: number | number[];
  /** Default none (linear). */
  activation?: unknown;
  /** Default true. */
  useBias?: boolean;
  /** Default `'zeros'`. */
  biasInitializer?: unknown;
  biasRegularizer?: unknown;
  biasConstraint?: unknown;
}

/** A weight's initializer, regularizer and constraint, resolved from their identifiers. */
export interface WeightSpec {
  initializer: Initializer;
  regularizer: Regularizer | null;
  constraint: Constraint | null;
}

/** Resolves a weight's identifiers, `initializer` defaulting to `fallback` as in Keras. */
export function weightSpec(initializer: unknown, regularizer: unknown, constraint: unknown, fallback: string): WeightSpec {
  return {
    initializer: getInitializer((initializer ?? fallback) as never) as Initializer,
    regularizer: getRegularizer(regularizer as never),
    constraint: getConstraint(constraint as never) as Constraint | null,
  };
}

/** A weight spec's three config entries (`<prefix>_initializer`, ...), serialized as Keras does. */
export function specConfig(spec: WeightSpec): { initializer: KerasObject; regularizer: KerasObject | null; constraint: KerasObject | null } {
  return {
    initializer: serializeInitializer(spec.initializer),
    regularizer: spec.regularizer ? serializeRegularizer(spec.regularizer) : null,
    constraint: spec.constraint ? serializeConstraint(spec.constraint) : null,
  };
}

/**
 * What every convolution layer shares: window arguments, data format, activation and bias.
 * The computation runs channels_last; channels_first inputs are transposed around it.
 * Subclasses (`BaseConv`, `BaseConvTranspose`, `BaseDepthwiseConv`, `BaseSeparableConv`) add
 * their kernels.
 */
export abstract class BaseConvLayer extends Layer {
  /** Number of spatial axes (1, 2 or 3). */
  readonly rank: number;
  readonly kernelSize: number[];
  readonly strides: number[];
  readonly padding: ConvPaddingArg;
  readonly dataFormat: DataFormat;
  readonly dilationRate: number[];
  readonly activation: (x: Tensor) => Tensor;
  readonly useBias: boolean;
  readonly biasSpec: WeightSpec;
  bias: Variable | null = null;

  constructor(rank: number, args: ConvLayerArgs, allowCausal = false) {
    super(args);
    const who = this.className;
    this.rank = rank;
    this.kernelSize = convTuple(args?.kernelSize, rank, 'kernelSize', who);
    this.strides = convTuple(args.strides ?? 1, rank, 'strides', who);
    this.dilationRate = convTuple(args.dilationRate ?? 1, rank, 'dilationRate', who);
    this.padding = convPadding(args.padding ?? 'valid', who, allowCausal);
    this.dataFormat = normalizeDataFormat(args.dataFormat, who);
    this.activation = getActivation(args.activation as never);
    this.useBias = args.useBias ?? true;
    this.biasSpec = weightSpec(args.biasInitializer, args.biasRegularizer, args.biasConstraint, 'zeros');
    this.inputSpec = new InputSpec({ minNdim: rank + 2 });
  }

  /** Keras's input spec once the channels are known: they must stay the same. */
  protected lockChannels(channels: number): void {
    const axis = this.dataFormat === 'channels_last' ? -1 : 1;
    this.inputSpec = new InputSpec({ minNdim: this.rank + 2, axes: { [axis]: channels } });
  }

  /** Creates the bias of `size` elements when `useBias`. */
  protected addBias(size: number): void {
    if (!this.useBias) return;
    this.bias = this.addWeight({ name: 'bias', shape: [size], ...this.biasSpec });
  }

  /** The input, channels_last, after the checks of shape inference (rank, non-empty output). */
  protected channelsLastInput(x: Tensor): Tensor {
    this.computeOutputShape(x.shape);
    return this.dataFormat === 'channels_first' ? toChannelsLast(x) : x;
  }

  /** Adds the bias to a channels_last result, restores the data format, then applies the activation. */
  protected finish(y: Tensor): Tensor {
    let out = this.bias ? add(y, this.bias.value) : y;
    if (this.dataFormat === 'channels_first') out = toChannelsFirst(out);
    return this.activation(out);
  }

  /** Checks the rank as Keras's shape inference does, naming the layer. */
  protected checkRank(shape: Shape): void {
    checkSpatialRank(shape, this.rank, this.dataFormat, `${this.className} '${this.name}'`);
  }

  /**
   * The serialized activity regularizer, `null` when none. Keras's base config lists it after
   * `dtype` when set, and the convolution config after `bias_regularizer` otherwise.
   */
  protected activityConfig(): KerasObject | null {
    return this.activityRegularizer ? serializeRegularizer(this.activityRegularizer) : null;
  }

  /** The serialized activation (`'linear'` when none). */
  protected activationConfig(): unknown {
    return serializeActivation(this.activation);
  }
}
