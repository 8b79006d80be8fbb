import { Tensor, zeros } from '@strata/tensor';
import { CallContext, Layer } from '../engine/layer';
import { Shape, isShapeList } from '../engine/shape';

/** A cell's state size: one integer per state tensor (`[units, units]` for an LSTM). */
export type StateSize = number | readonly number[];

/**
 * Keras's cell protocol, what `RNN` needs from a cell: `stateSize`, and `call(input, states,
 * training)` returning `[output, newStates]`. `build(stepInputShape)`, `getInitialState(batch)`
 * and `outputSize` (default: the first state size) are optional. Any object of this shape is a
 * cell; extend `RNNCell` to also get weights, serialization and `layer.apply`.
 */
export interface RNNCellLike {
  readonly stateSize: StateSize;
  readonly outputSize?: number;
  call(input: Tensor, states: Tensor[], training?: boolean): [Tensor, Tensor[]];
  build?(inputShape: Shape): void;
  getInitialState?(batchSize: number): Tensor[];
}

/**
 * @internal The fused fast path of the built-in cells over a whole sequence: the input
 * projection is done once, then `step(t, states)` runs one time index and returns the new states
 * (the cell's output is the first of them).
 */
export interface SequenceRunner {
  step(t: number, states: Tensor[]): Tensor[];
}

/** The state sizes as a list. */
export function stateSizes(cell: RNNCellLike): number[] {
  return typeof cell.stateSize === 'number' ? [cell.stateSize] : [...cell.stateSize];
}

/**
 * The base of recurrent cells (`keras.layers.*Cell`): one time step of a recurrent layer, run by
 * `RNN` over a sequence. A subclass sets `stateSize` and writes `build` and `step`; `call` has
 * both Keras forms: `cell.call(input, states, training)` gives `[output, newStates]`, and
 * `cell.applyMulti([input, ...states])` gives `[output, ...newStates]`.
 *
 * Input `(batch, features)`, states `(batch, stateSize[i])`, output `(batch, outputSize)`.
 *
 * @example
 * class MinimalRNNCell extends RNNCell {
 *   static override readonly className = 'MinimalRNNCell';
 *   readonly stateSize = 4;
 *   kernel!: Variable;
 *   override build(shape: Shape) { this.kernel = this.addWeight({ name: 'kernel', shape: [shape[1]!, 4] }); }
 *   override step(x: Tensor, [h]: Tensor[]): [Tensor, Tensor[]] { const y = add(matmul(x, this.kernel.value), h); return [y, [y]]; }
 * }
 * new RNN({ cell: new MinimalRNNCell() }).apply(x);
 */
export abstract class RNNCell extends Layer {
  abstract readonly stateSize: StateSize;

  /** Size of the output; the first state's size unless a subclass says otherwise. */
  get outputSize(): number {
    return stateSizes(this)[0];
  }

  /** One time step: `[output, newStates]`. */
  abstract step(input: Tensor, states: Tensor[], training: boolean): [Tensor, Tensor[]];

  override call(inputs: Tensor | Tensor[], context: CallContext): Tensor[];
  override call(input: Tensor, states: Tensor[], training?: boolean): [Tensor, Tensor[]];
  override call(a: Tensor | Tensor[], b: CallContext | Tensor[], training = false): Tensor[] | [Tensor, Tensor[]] {
    if (Array.isArray(b)) return this.step(a as Tensor, b, training);
    const [x, ...states] = Array.isArray(a) ? a : [a];
    const [out, next] = this.step(x, states.length ? states : this.getInitialState(x.shape[0]), b.training);
    return [out, ...next];
  }

  /** Zero states, one `(batchSize, size)` tensor per state. */
  getInitialState(batchSize: number): Tensor[] {
    return stateSizes(this).map((d) => zeros([batchSize, d]));
  }

  /** Built from the step input's shape, also when called with `[input, ...states]`. */
  override maybeBuild(inputShape: Shape | Shape[]): void {
    super.maybeBuild(isShapeList(inputShape) ? inputShape[0] : inputShape);
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape[] {
    const shape = isShapeList(inputShape) ? inputShape[0] : inputShape;
    return [[shape[0], this.outputSize], ...stateSizes(this).map((d) => [shape[0], d])];
  }

  /** @internal The fused whole-sequence path, when the cell has one for these settings. */
  sequenceRunner?(sequence: Tensor, training: boolean): SequenceRunner | null;
}
