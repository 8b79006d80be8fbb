import { DType, ShapeError, Tensor, ValueError, reshape, show } from '@strata/tensor';
import { Layer } from '../engine/layer';
import { LayerArgs } from '../engine/layer-args';
import { Shape, formatKerasShape, singleShape } from '../engine/shape';

/** Options of `new Reshape(...)`. */
export interface ReshapeArgs extends LayerArgs {
  /** Shape of one output sample (no batch axis); one entry may be -1 and is inferred. */
  targetShape: number[];
}

/**
 * Reshapes each sample to `targetShape` (`keras.layers.Reshape`); the batch axis is kept and one
 * `-1` entry is inferred from the sample size.
 *
 * Input `(batch, ...)` with the same number of values per sample; output `(batch, ...targetShape)`.
 *
 * @example
 * new Reshape({ targetShape: [3, -1] }).apply(zeros([2, 12])).shape; // [2, 3, 4]
 */
export class Reshape extends Layer {
  static override readonly className: string = 'Reshape';
  readonly targetShape: number[];

  constructor(args: ReshapeArgs) {
    super(args);
    const target = args?.targetShape;
    const who = this.className;
    if (!Array.isArray(target) || target.some((d) => typeof d !== 'number' || !Number.isInteger(d))) {
      throw new ValueError(`${who}: targetShape must be an array of integers, received targetShape=${show(target)}`);
    }
    if (target.some((d) => d < -1)) {
      throw new ValueError(
        `${who}: each entry of targetShape must be a non-negative integer, or -1 for a single unknown size, received targetShape=${show(target)}`,
      );
    }
    if (target.filter((d) => d === -1).length > 1) {
      throw new ValueError(`${who}: targetShape may hold at most one unknown size (-1), received targetShape=${show(target)}`);
    }
    this.targetShape = [...target];
    this.built = true;
  }

  /** `targetShape` with its -1 resolved for this sample shape (`null` when a size is unknown). */
  private resolve(sample: Shape, inputShape: Shape): Shape {
    const target = this.targetShape;
    if (sample.some((d) => d === null)) return target.map((d) => (d === -1 ? null : d));
    const size = (sample as number[]).reduce((p, d) => p * d, 1);
    const known = target.reduce((p, d) => (d === -1 ? p : p * d), 1);
    const hasUnknown = target.includes(-1);
    if (hasUnknown ? known === 0 || size % known !== 0 : size !== known) {
      throw new ShapeError(
        `Reshape '${this.name}': targetShape must hold the ${size} values of each sample of an input of shape ` +
          `${formatKerasShape(inputShape)}, received targetShape=${show(target)}`,
      );
    }
    return target.map((d) => (d === -1 ? size / known : d));
  }

  override call(x: Tensor): Tensor {
    const resolved = this.resolve(x.shape.slice(1), x.shape) as number[];
    return reshape(x, [x.shape[0], ...resolved]);
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const s = singleShape(inputShape, this.name);
    return [s[0], ...this.resolve(s.slice(1), s)];
  }

  /** Only the shape changes: the input dtype passes through. */
  override computeOutputDType(inputDTypes: DType[]): DType {
    return inputDTypes[0] ?? this.dtype;
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), target_shape: this.targetShape };
  }
}
