import { get as getActivation, serialize as serializeActivation } from '@strata/activations';
import { Tensor, add, matmul, mul, reshape, slice, split, sub } from '@strata/tensor';
import { Shape } from '../engine/shape';
import { GatedCellArgs, checkImplementation, pickConfig } from './cell-args';
import { GateAct } from './gate-activations';
import { gruGates, gruStep } from './gru-kernel';
import { RecurrentCell } from './recurrent-cell';
import { SequenceRunner } from './rnn-cell';
import { SequenceGrads } from './sequence-grads';

/** Options of `new GRUCell(...)`: Keras's arguments in camelCase. */
export interface GRUCellArgs extends GatedCellArgs {
  /**
   * Apply the reset gate after the recurrent product (`r * (h · U_h + b_h)`, Keras 3's default and
   * cuDNN's) rather than before it (`(r * h) · U_h`, Keras 2's and TensorFlow.js's). With it the bias
   * has two rows, input and recurrent: shape `(2, 3 * units)`. Default true.
   */
  resetAfter?: boolean;
}

/** Keras's key order of `GRUCell.get_config()` (after the base layer keys). */
export const GRU_CELL_KEYS = [
  'units', 'activation', 'recurrent_activation', 'use_bias', 'kernel_initializer', 'recurrent_initializer',
  'bias_initializer', 'kernel_regularizer', 'recurrent_regularizer', 'bias_regularizer', 'kernel_constraint',
  'recurrent_constraint', 'bias_constraint', 'dropout', 'recurrent_dropout', 'reset_after', 'seed',
] as const;

/**
 * One step of a gated recurrent unit (`keras.layers.GRUCell`, Cho et al. 2014). Gates in Keras's
 * order z, r, h: `z = rec(x_z + u_z)`, `r = rec(x_r + u_r)`, `hh = act(x_h + r * u_h)`
 * (`resetAfter`) or `act(x_h + (r * hPrev) · U_h)`, and `h = z * hPrev + (1 - z) * hh`.
 *
 * Input `(batch, features)`, state and output `(batch, units)`. Weights `kernel (features, 3u)`,
 * `recurrent_kernel (u, 3u)`, `bias (2, 3u)` with `resetAfter` (input row, recurrent row), else `(3u)`.
 *
 * @example
 * const cell = new GRUCell({ units: 4 });
 * const [y, [h]] = cell.call(ones([2, 3]), [zeros([2, 4])]); // shapes [2, 4]
 */
export class GRUCell extends RecurrentCell {
  static override readonly className: string = 'GRUCell';
  readonly stateSize: number;
  readonly recurrentActivation: (x: Tensor) => Tensor;
  readonly resetAfter: boolean;
  readonly implementation: 1 | 2;
  protected readonly gateCount = 3;
  private readonly act: GateAct | null;
  private readonly rec: GateAct | null;

  /** `who` names the layer in error messages (`LSTM` builds its cell with its own name). */
  constructor(args: GRUCellArgs, who = 'GRUCell') {
    super(args, who);
    const ra = args.recurrentActivation;
    this.recurrentActivation = getActivation((ra === undefined ? 'sigmoid' : ra) as never);
    this.resetAfter = args.resetAfter ?? true;
    this.implementation = this.recurrentDropout !== 0 ? 1 : checkImplementation(args.implementation, who);
    this.maskCount = this.implementation === 1 ? 3 : 1;
    this.stateSize = this.units;
    this.act = this.gateAct(this.activation);
    this.rec = this.gateAct(this.recurrentActivation);
  }

  override build(inputShape: Shape): void {
    this.buildWeights(inputShape, this.resetAfter ? [2, 3 * this.units] : [3 * this.units]);
  }

  /** The input bias and the recurrent bias (`resetAfter` only) as vectors. */
  private biases(): [Tensor | null, Tensor | null] {
    if (!this.bias) return [null, null];
    const b = this.bias.value;
    if (!this.resetAfter) return [b, null];
    const g = 3 * this.units;
    return [reshape(slice(b, [0, 0], [1, g]), [g]), reshape(slice(b, [1, 0], [1, g]), [g])];
  }

  override step(x: Tensor, states: Tensor[], training: boolean): [Tensor, Tensor[]] {
    const [batch, features] = x.shape;
    const seq = reshape(x, [batch, 1, features]);
    if (this.act !== null && this.rec !== null) {
      const [h] = this.runner(seq, training, this.act, this.rec).step(0, states);
      return [h, [h]];
    }
    const h = this.stepOps(seq, states[0], training);
    return [h, [h]];
  }

  /** Keras's formulas op by op, for activations the fused kernels do not know. */
  private stepOps(seq: Tensor, hPrev: Tensor, training: boolean): Tensor {
    const [batch, , features] = seq.shape;
    const [inputBias, recurrentBias] = this.biases();
    let proj = this.project(seq, this.inputMasks(training, batch, features));
    if (inputBias) proj = add(proj, inputBias);
    const [xz, xr, xh] = split(proj, 3, 1);
    const masks = this.recurrentMasks(training, batch);
    const rec = this.recurrentActivation;
    let hh: Tensor;
    let z: Tensor;
    if (this.resetAfter) {
      let inner = this.recurrentProjector(masks)(hPrev);
      if (recurrentBias) inner = add(inner, recurrentBias);
      const [uz, ur, uh] = split(inner, 3, 1);
      z = rec(add(xz, uz));
      hh = this.activation(add(xh, mul(rec(add(xr, ur)), uh)));
    } else {
      const [uz, ur] = split(this.recurrentProjector(masks, 0, 2)(hPrev), 2, 1);
      z = rec(add(xz, uz));
      const hForReset = masks && masks.length > 1 ? mul(hPrev, masks[2]) : hPrev;
      hh = this.activation(add(xh, matmul(mul(rec(add(xr, ur)), hForReset), this.gateBlock(this.recurrentKernel.value, 2))));
    }
    return add(mul(z, hPrev), mul(sub(1, z), hh));
  }

  override sequenceRunner(seq: Tensor, training: boolean): SequenceRunner | null {
    return this.act === null || this.rec === null ? null : this.runner(seq, training, this.act, this.rec);
  }

  private runner(seq: Tensor, training: boolean, act: GateAct, rec: GateAct): SequenceRunner {
    const [batch, , features] = seq.shape;
    const proj = this.project(seq, this.inputMasks(training, batch, features));
    const bias = this.bias?.value ?? null;
    const masks = this.recurrentMasks(training, batch);
    if (this.resetAfter) {
      const kernel = masks ? null : this.recurrentKernel.value;
      const grads = new SequenceGrads({ proj, bias, kernel, batch }, true);
      // Under recurrent dropout the cell makes `(h * mask_g) · U_g` per gate; otherwise the kernel makes `h · U`.
      const external = masks ? this.recurrentProjector(masks) : null;
      return { step: (t, [hPrev]) => [gruStep({ seq: grads, t, hPrev, hU: external ? external(hPrev) : null, act, rec })] };
    }
    // Keras 2's formulation: a second product inside the step, on the reset state; both products
    // are ops of their own, around the two halves of the fused step.
    const grads = new SequenceGrads({ proj, bias, kernel: null, batch });
    const zr = this.recurrentProjector(masks, 0, 2);
    const uh = this.gateBlock(this.recurrentKernel.value, 2);
    return {
      step: (t, [hPrev]) => {
        const hForReset = masks && masks.length > 1 ? mul(hPrev, masks[2]) : hPrev;
        const gates = gruGates({ seq: grads, t, hUzr: zr(hPrev), hPrev, hForReset, act, rec });
        return [gates.finish(matmul(gates.rh, uh))];
      },
    };
  }

  override configEntries(): Record<string, unknown> {
    return {
      ...super.configEntries(),
      recurrent_activation: serializeActivation(this.recurrentActivation),
      reset_after: this.resetAfter,
    };
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), ...pickConfig(this.configEntries(), GRU_CELL_KEYS) };
  }
}
