import { get as getActivation, serialize as serializeActivation } from '@strata/activations';
import { Constraint, get as getConstraint, serialize as serializeConstraint } from '@strata/constraints';
import { Initializer, get as getInitializer, serialize as serializeInitializer } from '@strata/initializers';
import { Regularizer, get as getRegularizer, serialize as serializeRegularizer } from '@strata/regularizers';
import {
  SeedGenerator, Tensor, ValueError, Variable, bernoulli, concat, matmul, mul, reshape, show, slice, transpose, zeros,
} from '@strata/tensor';
import { Shape } from '../engine/shape';
import { RecurrentCellArgs, checkRate, checkSeedArg, checkUnits } from './cell-args';
import { GateAct, gateActOf } from './gate-activations';
import { RNNCell } from './rnn-cell';

const ser = <T>(f: (x: T) => unknown, x: T | null): unknown => (x ? f(x) : null);

/**
 * @internal What `SimpleRNNCell`, `LSTMCell` and `GRUCell` share: the three weights, their
 * initializers, regularizers and constraints, and Keras's `DropoutRNNCell` masks (drawn once,
 * cached for every step of a call, cleared by the RNN afterwards).
 */
export abstract class RecurrentCell extends RNNCell {
  readonly units: number;
  readonly activation: (x: Tensor) => Tensor;
  readonly useBias: boolean;
  readonly kernelInitializer: Initializer;
  readonly recurrentInitializer: Initializer;
  readonly biasInitializer: Initializer;
  readonly kernelRegularizer: Regularizer | null;
  readonly recurrentRegularizer: Regularizer | null;
  readonly biasRegularizer: Regularizer | null;
  readonly kernelConstraint: Constraint | null;
  readonly recurrentConstraint: Constraint | null;
  readonly biasConstraint: Constraint | null;
  readonly dropout: number;
  readonly recurrentDropout: number;
  readonly seed: number | null;
  readonly seedGenerator: SeedGenerator;
  kernel!: Variable;
  recurrentKernel!: Variable;
  bias: Variable | null = null;
  /** Keras's `dropout_mask_count`: one mask per gate under implementation 1, else one mask. */
  protected maskCount = 1;
  /** Number of gate blocks in the kernels (1, 3 or 4). */
  protected abstract readonly gateCount: number;
  private dropoutMask: Tensor[] | null = null;
  private recurrentDropoutMask: Tensor[] | null = null;

  constructor(args: RecurrentCellArgs, who: string) {
    super(args);
    this.units = checkUnits(args?.units, who);
    this.activation = getActivation((args.activation === undefined ? 'tanh' : args.activation) as never);
    this.useBias = args.useBias ?? true;
    this.kernelInitializer = getInitializer((args.kernelInitializer ?? 'glorot_uniform') as never);
    this.recurrentInitializer = getInitializer((args.recurrentInitializer ?? 'orthogonal') as never);
    this.biasInitializer = getInitializer((args.biasInitializer ?? 'zeros') as never);
    this.kernelRegularizer = getRegularizer(args.kernelRegularizer as never);
    this.recurrentRegularizer = getRegularizer(args.recurrentRegularizer as never);
    this.biasRegularizer = getRegularizer(args.biasRegularizer as never);
    this.kernelConstraint = getConstraint(args.kernelConstraint as never) as Constraint | null;
    this.recurrentConstraint = getConstraint(args.recurrentConstraint as never) as Constraint | null;
    this.biasConstraint = getConstraint(args.biasConstraint as never) as Constraint | null;
    this.dropout = checkRate(args.dropout, 'dropout', who);
    this.recurrentDropout = checkRate(args.recurrentDropout, 'recurrentDropout', who);
    this.seed = checkSeedArg(args.seed, who);
    this.seedGenerator = new SeedGenerator(this.seed ?? undefined);
  }

  /** Creates `kernel (inputDim, gates*units)`, `recurrent_kernel (units, gates*units)` and `bias`. */
  protected buildWeights(inputShape: Shape, biasShape: number[], biasInitializer: unknown = this.biasInitializer): void {
    const inputDim = inputShape[inputShape.length - 1];
    if (inputDim === null || inputDim === undefined) {
      throw new ValueError(`${this.className} '${this.name}': the last axis of the input must be known, received shape=${show(inputShape)}`);
    }
    const width = this.gateCount * this.units;
    this.kernel = this.addWeight({
      name: 'kernel', shape: [inputDim, width], initializer: this.kernelInitializer,
      regularizer: this.kernelRegularizer, constraint: this.kernelConstraint,
    });
    this.recurrentKernel = this.addWeight({
      name: 'recurrent_kernel', shape: [this.units, width], initializer: this.recurrentInitializer,
      regularizer: this.recurrentRegularizer, constraint: this.recurrentConstraint,
    });
    if (this.useBias) {
      this.bias = this.addWeight({
        name: 'bias', shape: biasShape, initializer: biasInitializer,
        regularizer: this.biasRegularizer, constraint: this.biasConstraint,
      });
    }
  }

  /** Gate code of an activation for the fused kernels (null: use the op-by-op path). */
  protected gateAct(fn: (x: Tensor) => Tensor): GateAct | null {
    return gateActOf(fn);
  }

  /** Whether a dropout rate applies in this call (Keras's LSTM and GRU test `0 < rate < 1`). */
  protected dropoutApplies(rate: number, training: boolean): boolean {
    return training && rate > 0 && rate < 1;
  }

  private makeMasks(batch: number, size: number, rate: number): Tensor[] {
    const keep = 1 - rate;
    return Array.from({ length: this.maskCount }, () =>
      keep <= 0 ? zeros([batch, size]) : mul(bernoulli([batch, size], { p: keep, seed: this.seedGenerator }), 1 / keep),
    );
  }

  /** The input dropout masks of the current call (`(batch, features)` each, scaled by `1 / (1 - rate)`); null when off. */
  protected inputMasks(training: boolean, batch: number, features: number): Tensor[] | null {
    if (!this.dropoutApplies(this.dropout, training)) return null;
    return (this.dropoutMask ??= this.makeMasks(batch, features, this.dropout));
  }

  /** The recurrent dropout masks of the current call (`(batch, units)` each); null when off. */
  protected recurrentMasks(training: boolean, batch: number): Tensor[] | null {
    if (!this.dropoutApplies(this.recurrentDropout, training)) return null;
    return (this.recurrentDropoutMask ??= this.makeMasks(batch, this.units, this.recurrentDropout));
  }

  /** Keras's `get_dropout_mask(step_input)`: the cached input masks, drawn on first use. */
  getDropoutMask(stepInput: Tensor): Tensor[] | null {
    return this.dropout > 0 ? (this.dropoutMask ??= this.makeMasks(stepInput.shape[0], stepInput.shape[1], this.dropout)) : null;
  }

  /** Keras's `get_recurrent_dropout_mask(state)`. */
  getRecurrentDropoutMask(state: Tensor): Tensor[] | null {
    return this.recurrentDropout > 0
      ? (this.recurrentDropoutMask ??= this.makeMasks(state.shape[0], this.units, this.recurrentDropout))
      : null;
  }

  /** Forgets the cached input masks (the RNN does it after each call, as Keras). */
  resetDropoutMask(): void {
    this.dropoutMask = null;
  }

  resetRecurrentDropoutMask(): void {
    this.recurrentDropoutMask = null;
  }

  /** Columns `[g*units, (g+1)*units)` of a kernel: gate `g`'s block. */
  protected gateBlock(w: Tensor, g: number, count = 1): Tensor {
    return slice(w, [0, g * this.units], [w.shape[0], count * this.units]);
  }

  /**
   * The input projection of a whole sequence `(batch, time, features)`, time-major so that each
   * step's rows are contiguous: `(time*batch, gates*units)`, row `t*batch + b`, `x · kernel` in ONE
   * product (one per gate under per-gate dropout masks). The bias is added by the step kernels.
   */
  protected project(seq: Tensor, masks: Tensor[] | null): Tensor {
    const [batch, time, features] = seq.shape;
    const rows = (x: Tensor) => (time === 1 ? reshape(x, [batch, features]) : reshape(transpose(x, [1, 0, 2]), [time * batch, features]));
    const masked = (m: Tensor) => rows(mul(seq, reshape(m, [batch, 1, features])));
    const k = this.kernel.value;
    if (masks && masks.length > 1) return concat(masks.map((m, g) => matmul(masked(m), this.gateBlock(k, g))), 1);
    return matmul(masks ? masked(masks[0]) : rows(seq), k);
  }

  /** `h · recurrentKernel[:, columns]` for a step, with the recurrent dropout masks of gates `first..`. */
  protected recurrentProjector(masks: Tensor[] | null, firstGate = 0, gates = this.gateCount): (h: Tensor) => Tensor {
    const u = this.recurrentKernel.value;
    const whole = firstGate === 0 && gates === this.gateCount ? u : this.gateBlock(u, firstGate, gates);
    if (!masks) return (h) => matmul(h, whole);
    if (masks.length === 1) return (h) => matmul(mul(h, masks[0]), whole);
    const blocks = Array.from({ length: gates }, (_, g) => this.gateBlock(u, firstGate + g));
    const product = (h: Tensor, g: number) => matmul(mul(h, masks[firstGate + g]), blocks[g]);
    return (h) => (gates === 1 ? product(h, 0) : concat(blocks.map((_, g) => product(h, g)), 1));
  }

  /** Every config entry of the cell, keyed by Keras's names; `pickConfig` orders them as Keras writes them. */
  configEntries(): Record<string, unknown> {
    return {
      units: this.units,
      activation: serializeActivation(this.activation),
      use_bias: this.useBias,
      kernel_initializer: serializeInitializer(this.kernelInitializer),
      recurrent_initializer: serializeInitializer(this.recurrentInitializer),
      bias_initializer: serializeInitializer(this.biasInitializer),
      kernel_regularizer: ser(serializeRegularizer, this.kernelRegularizer),
      recurrent_regularizer: ser(serializeRegularizer, this.recurrentRegularizer),
      bias_regularizer: ser(serializeRegularizer, this.biasRegularizer),
      kernel_constraint: ser(serializeConstraint, this.kernelConstraint),
      recurrent_constraint: ser(serializeConstraint, this.recurrentConstraint),
      bias_constraint: ser(serializeConstraint, this.biasConstraint),
      dropout: this.dropout,
      recurrent_dropout: this.recurrentDropout,
      seed: this.seed,
    };
  }
}
