import { DType } from './dtype';
import { ShapeError, ValueError, show } from './errors';
import { formatShape, sameShape } from './shape';
import { Tensor, TensorLike, asTensor, tensor } from './tensor';

let nextId = 0;

/** Options of `new Variable(...)`. */
export interface VariableOptions {
  name?: string;
  trainable?: boolean;
  dtype?: DType;
  /** Projection applied after every optimizer update (a Keras constraint), if any. */
  constraint?: VariableConstraint | null;
  /** Where the variable lives, as Keras's `variable.path` (`'dense/kernel'`); defaults to the name. */
  path?: string;
}

/** What a variable's constraint must offer: Keras constraints from `@strata/constraints` fit. */
export interface VariableConstraint {
  apply(w: Tensor): Tensor;
}

/**
 * A mutable weight: `value` is its current Tensor, `assign` replaces it (same shape).
 * Optimizers take gradients with respect to variables through `variableGrads`.
 *
 * @example
 * const w = new Variable(zeros([2, 2]), { name: 'kernel' });
 * w.assign(ones([2, 2]));
 */
export class Variable {
  readonly name: string;
  /** Keras's `variable.path`, e.g. `'dense/kernel'` (optimizers name their slots after it). */
  readonly path: string;
  trainable: boolean;
  /** A process-unique id, so optimizers can key their slots by variable. */
  readonly id: number;
  /** Applied by optimizers after each update, as Keras does. */
  constraint: VariableConstraint | null;
  private current: Tensor;

  constructor(initial: TensorLike, options: VariableOptions = {}) {
    const t = asTensor(initial, options.dtype);
    this.current = options.dtype && t.dtype !== options.dtype ? tensor(t, undefined, options.dtype) : t;
    this.id = nextId++;
    this.name = options.name ?? `variable_${this.id}`;
    this.path = options.path ?? this.name;
    this.trainable = options.trainable ?? true;
    this.constraint = options.constraint ?? null;
  }

  get value(): Tensor {
    return this.current;
  }

  get shape(): number[] {
    return this.current.shape;
  }

  get dtype(): DType {
    return this.current.dtype;
  }

  /** Replaces the value; the new value must have the variable's shape. */
  assign(value: TensorLike): void {
    const t = asTensor(value, this.dtype);
    if (!sameShape(t.shape, this.current.shape)) {
      throw new ShapeError(
        `Variable '${this.name}': assign expects shape ${formatShape(this.current.shape)}, received shape ${formatShape(t.shape)}`,
      );
    }
    if (t.dtype !== this.dtype) {
      throw new ValueError(`Variable '${this.name}': assign expects dtype ${this.dtype}, received dtype=${show(t.dtype)}`);
    }
    this.current = t.tracked ? new Tensor(t.data, t.shape, t.dtype) : t;
  }

  /** @internal Swaps the value without checks (gradient tracking); returns the previous one. */
  swapValue(t: Tensor): Tensor {
    const prev = this.current;
    this.current = t;
    return prev;
  }
}
