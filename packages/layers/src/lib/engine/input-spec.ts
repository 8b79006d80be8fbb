import { DType, ShapeError } from '@strata/tensor';
import { Shape, formatKerasShape } from './shape';

/** Options of `new InputSpec(...)`, Keras's argument names in camelCase. */
export interface InputSpecOptions {
  dtype?: DType;
  /** Full expected shape, batch axis included; `null` matches any size. */
  shape?: Shape;
  ndim?: number;
  maxNdim?: number;
  minNdim?: number;
  /** Axis (negative allowed) → required size. */
  axes?: Record<number, number | null>;
  name?: string;
}

/**
 * What a layer accepts as input: rank, dtype and axis sizes. The base `Layer` checks every call
 * against it, so every shape error reads the same way.
 *
 * @example
 * this.inputSpec = new InputSpec({ minNdim: 2, axes: { [-1]: inputDim } });
 */
export class InputSpec {
  readonly dtype?: DType;
  readonly shape?: Shape;
  readonly ndim?: number;
  readonly maxNdim?: number;
  readonly minNdim?: number;
  readonly axes: Record<number, number | null>;
  readonly name?: string;

  constructor(options: InputSpecOptions = {}) {
    this.dtype = options.dtype;
    this.shape = options.shape;
    this.ndim = options.shape ? options.shape.length : options.ndim;
    this.maxNdim = options.maxNdim;
    this.minNdim = options.minNdim;
    this.axes = options.axes ?? {};
    this.name = options.name;
  }
}

/**
 * Throws a `ShapeError` (Keras raises `ValueError`, with the same wording) naming the layer,
 * the input index, what was expected and the full shape received.
 */
export function assertInputCompatibility(
  layerName: string,
  specs: readonly (InputSpec | null)[],
  shapes: readonly Shape[],
  dtypes: readonly DType[],
): void {
  if (specs.length === 0) return;
  if (specs.length !== shapes.length) {
    throw new ShapeError(
      `Layer '${layerName}' expects ${specs.length} input(s), but it received ${shapes.length} input tensors.`,
    );
  }
  specs.forEach((spec, i) => {
    if (!spec) return;
    const shape = shapes[i];
    const ndim = shape.length;
    const head = `Input ${i} of layer '${layerName}' is incompatible with the layer:`;
    const full = `Full shape received: ${formatKerasShape(shape)}`;
    if (spec.ndim !== undefined && ndim !== spec.ndim) {
      throw new ShapeError(`${head} expected ndim=${spec.ndim}, found ndim=${ndim}. ${full}`);
    }
    if (spec.maxNdim !== undefined && ndim > spec.maxNdim) {
      throw new ShapeError(`${head} expected max_ndim=${spec.maxNdim}, found ndim=${ndim}. ${full}`);
    }
    if (spec.minNdim !== undefined && ndim < spec.minNdim) {
      throw new ShapeError(`${head} expected min_ndim=${spec.minNdim}, found ndim=${ndim}. ${full}`);
    }
    if (spec.dtype !== undefined && dtypes[i] !== spec.dtype) {
      throw new ShapeError(`${head} expected dtype=${spec.dtype}, found dtype=${dtypes[i]}`);
    }
    for (const [key, value] of Object.entries(spec.axes)) {
      const axis = Number(key);
      const size = shape[axis < 0 ? ndim + axis : axis];
      if (value !== null && size !== null && size !== undefined && size !== value) {
        throw new ShapeError(
          `${head} expected axis ${axis} of input shape to have value ${value}, but received input with shape ${formatKerasShape(shape)}`,
        );
      }
    }
    if (spec.shape) {
      spec.shape.forEach((want, k) => {
        const got = shape[k];
        if (want !== null && got !== null && want !== got) {
          throw new ShapeError(`${head} expected shape=${formatKerasShape(spec.shape!)}, found shape=${formatKerasShape(shape)}`);
        }
      });
    }
  });
}
