import {
  ShapeError, Tensor, ValueError, matmul, minimum, moveAxis, mul, reshape, rsqrt, show, square, sum,
} from '@strata/tensor';
import { LayerArgs } from '../engine/layer-args';
import { Shape, formatKerasShape } from '../engine/shape';
import { Mask } from '../engine/symbolic-call';
import { Merge, formatShapeList, shapeListOf } from './merge';

/** Options of `new Dot(...)`. */
export interface DotArgs extends LayerArgs {
  /** The axis summed over in both inputs, or `[axisOfInput0, axisOfInput1]`; never the batch axis 0. */
  axes: number | [number, number];
  /** L2-normalize both inputs along their dot axis first (the result is then the cosine similarity). Default false. */
  normalize?: boolean;
}

// Keras's `backend.epsilon()`, the floor of the L2 norm in `normalize`.
const EPSILON = 1e-7;

/** Python's `a % n` for a negative axis, as Keras resolves `axes`. */
const pyMod = (a: number, n: number) => ((a % n) + n) % n;

/**
 * The batchwise dot product of two tensors (`keras.layers.Dot`): for each sample,
 * `y[b, i..., j...] = sum_k x0[b, i..., k, ...] * x1[b, j..., k, ...]` over axis `axes[0]` of
 * `x0` and `axes[1]` of `x1` (Keras's `batch_dot`). With `normalize`, each input is first
 * scaled to unit L2 norm along its dot axis (`x * min(rsqrt(sum(x^2)), 1e7)`).
 *
 * Inputs: `(batch, ...a)` and `(batch, ...b)`, ranks >= 2. Output: `(batch, ...a minus the dot
 * axis, ...b minus the dot axis)`, or `(batch, 1)` when nothing else remains. No weights; no mask.
 *
 * @example
 * new Dot({ axes: 1 }).apply([tensor([[1, 2]]), tensor([[3, 4]])]);                 // [[11]]
 * new Dot({ axes: [1, 2] }).apply([zeros([2, 3, 5]), zeros([2, 10, 3])]).shape;      // [2, 5, 10]
 */
export class Dot extends Merge {
  static override readonly className: string = 'Dot';
  readonly axes: number | [number, number];
  readonly normalize: boolean;

  constructor(args: DotArgs) {
    super(args);
    const axes = args?.axes;
    const okPair = Array.isArray(axes) && axes.length === 2 && axes.every((a) => Number.isInteger(a));
    if (!Number.isInteger(axes) && !okPair) {
      throw new ValueError(`Dot: axes must be an integer or an array of 2 integers, received axes=${show(axes)}`);
    }
    const normalize = args.normalize ?? false;
    if (typeof normalize !== 'boolean') {
      throw new ValueError(`Dot: normalize must be a boolean, received normalize=${show(normalize)}`);
    }
    this.axes = Array.isArray(axes) ? [axes[0], axes[1]] : axes;
    this.normalize = normalize;
  }

  /** The two dot axes for inputs of these ranks (negative axes wrap as Python's `%`, as Keras). */
  private resolveAxes(rank0: number, rank1: number): [number, number] {
    if (Array.isArray(this.axes)) {
      return [this.axes[0] < 0 ? pyMod(this.axes[0], rank0) : this.axes[0], this.axes[1] < 0 ? pyMod(this.axes[1], rank1) : this.axes[1]];
    }
    return this.axes < 0 ? [pyMod(this.axes, rank0), pyMod(this.axes, rank1)] : [this.axes, this.axes];
  }

  /** Checks the pair of input shapes and returns the resolved axes. */
  private checkShapes(inputShape: Shape | Shape[]): [number, number] {
    const shapes = shapeListOf(inputShape, this.who);
    if (shapes.length !== 2) {
      throw new ShapeError(`${this.who}: expected a list of 2 inputs, received input_shape=${formatShapeList(shapes)}`);
    }
    const [s0, s1] = shapes;
    if (s0.length < 2 || s1.length < 2) {
      throw new ShapeError(`${this.who}: inputs must have rank >= 2 (a batch axis and a dot axis), received input_shape=${formatShapeList(shapes)}`);
    }
    if (s0[0] !== null && s1[0] !== null && s0[0] !== s1[0]) {
      throw new ShapeError(`${this.who}: inputs must have the same batch size, received input_shape=${formatShapeList(shapes)}`);
    }
    const axes = this.resolveAxes(s0.length, s1.length);
    if (axes[0] === 0 || axes[1] === 0) {
      throw new ValueError(
        `${this.who}: axes cannot name the batch axis 0, received axes=${show(this.axes)} for input_shape=${formatShapeList(shapes)}`,
      );
    }
    if (axes[0] >= s0.length || axes[1] >= s1.length) {
      throw new ShapeError(`${this.who}: axes out of range for the inputs, received axes=${show(this.axes)} for input_shape=${formatShapeList(shapes)}`);
    }
    // As Keras, an unknown size differs from a known one.
    if (s0[axes[0]] !== s1[axes[1]]) {
      throw new ShapeError(
        `${this.who}: the dot axes must have the same size, received size ${s0[axes[0]] ?? 'None'} (axis ${axes[0]} of ` +
          `${formatKerasShape(s0)}) and ${s1[axes[1]] ?? 'None'} (axis ${axes[1]} of ${formatKerasShape(s1)})`,
      );
    }
    return axes;
  }

  override build(inputShape: Shape | Shape[]): void {
    this.checkShapes(inputShape);
  }

  override call(inputs: Tensor | Tensor[]): Tensor {
    if (!Array.isArray(inputs)) shapeListOf(inputs.shape, this.who);
    const xs = inputs as Tensor[];
    const axes = this.checkShapes(xs.map((x) => x.shape));
    return this.mergeFunction(xs, [], axes);
  }

  protected override mergeFunction(inputs: Tensor[], _masks: (Tensor | null)[], axes?: [number, number]): Tensor {
    let [x, y] = inputs;
    const [a0, a1] = axes ?? this.checkShapes(inputs.map((t) => t.shape));
    if (this.normalize) {
      x = l2Normalize(x, a0);
      y = l2Normalize(y, a1);
    }
    // One batched GEMM: x as (batch, rest, k), y as (batch, k, rest).
    const xm = moveAxis(x, a0, -1);
    const ym = moveAxis(y, a1, 1);
    const b = x.shape[0];
    const k = x.shape[a0];
    const xRest = xm.shape.slice(1, -1);
    const yRest = ym.shape.slice(2);
    const prod = (s: number[]) => s.reduce((p, d) => p * d, 1);
    const out = matmul(reshape(xm, [b, prod(xRest), k]), reshape(ym, [b, k, prod(yRest)]));
    const shape = [b, ...xRest, ...yRest];
    return reshape(out, shape.length === 1 ? [b, 1] : shape);
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const [a0, a1] = this.checkShapes(inputShape);
    const [s0, s1] = inputShape as Shape[];
    const out = [...s0.filter((_, i) => i !== a0), ...s1.filter((_, i) => i !== a1 && i !== 0)];
    return out.length === 1 ? [...out, 1] : out;
  }

  /** Keras's `Dot` drops masks. */
  override computeMask(): Mask {
    return null;
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), axes: Array.isArray(this.axes) ? [...this.axes] : this.axes, normalize: this.normalize };
  }
}

/** Keras's `ops.normalize(x, axis, order=2)`: `x * min(rsqrt(sum(x^2, axis)), 1 / epsilon)`. */
function l2Normalize(x: Tensor, axis: number): Tensor {
  return mul(x, minimum(rsqrt(sum(square(x), axis, true)), 1 / EPSILON));
}
