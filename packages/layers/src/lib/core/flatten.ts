import { DType, Tensor, reshape, transpose } from '@strata/tensor';
import { Layer } from '../engine/layer';
import { InputSpec } from '../engine/input-spec';
import { LayerArgs } from '../engine/layer-args';
import { Shape, singleShape } from '../engine/shape';
import { DataFormat, normalizeDataFormat } from './data-format';

/** Options of `new Flatten(...)`. */
export interface FlattenArgs extends LayerArgs {
  /**
   * Axis order of the inputs; default `'channels_last'`. With `'channels_first'` the channels
   * axis is moved last before flattening, so the result matches a channels_last model's.
   */
  dataFormat?: DataFormat;
}

/**
 * Flattens each sample to a vector (`keras.layers.Flatten`); the batch axis is kept.
 * A rank-1 input `(batch,)` becomes `(batch, 1)`.
 *
 * Input `(batch, d1, ..., dk)`; output `(batch, d1 * ... * dk)`.
 *
 * @example
 * new Flatten().apply(zeros([2, 3, 4])).shape; // [2, 12]
 */
export class Flatten extends Layer {
  static override readonly className: string = 'Flatten';
  readonly dataFormat: DataFormat;

  constructor(args: FlattenArgs = {}) {
    super(args);
    this.dataFormat = normalizeDataFormat(args.dataFormat, this.className);
    this.inputSpec = new InputSpec({ minNdim: 1 });
  }

  override call(x: Tensor): Tensor {
    const rank = x.rank;
    if (this.dataFormat === 'channels_first' && rank > 1) {
      x = transpose(x, [0, ...Array.from({ length: rank - 2 }, (_, i) => i + 2), 1]);
    }
    const flat = x.shape.slice(1).reduce((p, d) => p * d, 1);
    return reshape(x, [x.shape[0], flat]);
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const s = singleShape(inputShape, this.name);
    const rest = s.slice(1);
    const flat = rest.some((d) => d === null) ? null : (rest as number[]).reduce((p, d) => p * d, 1);
    return [s[0], flat];
  }

  /** Only the axes move: the input dtype passes through. */
  override computeOutputDType(inputDTypes: DType[]): DType {
    return inputDTypes[0] ?? this.dtype;
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), data_format: this.dataFormat };
  }
}
