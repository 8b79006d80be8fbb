import { get as getActivation, serialize as serializeActivation } from '@strata/activations';
import { Initializer } from '@strata/initializers';
import { DType, Tensor, add, concat, mul, ones, reshape, split } from '@strata/tensor';
import { Shape } from '../engine/shape';
import { GatedCellArgs, checkImplementation, pickConfig } from './cell-args';
import { GateAct } from './gate-activations';
import { lstmStep } from './lstm-kernel';
import { RecurrentCell } from './recurrent-cell';
import { SequenceRunner } from './rnn-cell';
import { SequenceGrads } from './sequence-grads';

/** Options of `new LSTMCell(...)`: Keras's arguments in camelCase. */
export interface LSTMCellArgs extends GatedCellArgs {
  /** Add 1 to the forget gate's bias at initialization (Jozefowicz et al., 2015). Default true. */
  unitForgetBias?: boolean;
}

/** Keras's key order of `LSTMCell.get_config()` (after the base layer keys). */
export const LSTM_CELL_KEYS = [
  'units', 'activation', 'recurrent_activation', 'use_bias', 'unit_forget_bias', 'kernel_initializer',
  'recurrent_initializer', 'bias_initializer', 'kernel_regularizer', 'recurrent_regularizer', 'bias_regularizer',
  'kernel_constraint', 'recurrent_constraint', 'bias_constraint', 'dropout', 'recurrent_dropout', 'seed',
] as const;

/**
 * One step of a long short-term memory network (`keras.layers.LSTMCell`, Hochreiter 1997). With
 * `z = x · kernel + hPrev · recurrentKernel + bias` split into gates i, f, c, o (Keras's order):
 * `c = rec(z_f) * cPrev + rec(z_i) * act(z_c)`, `h = rec(z_o) * act(c)`; output `h`, states `[h, c]`.
 *
 * Input `(batch, features)`, states and output `(batch, units)`. Weights `kernel (features, 4u)`,
 * `recurrent_kernel (u, 4u)`, `bias (4u)`, laid out exactly as Keras's, so weights copied from
 * Keras give Keras's outputs.
 *
 * @example
 * const cell = new LSTMCell({ units: 4 });
 * const [y, [h, c]] = cell.call(ones([2, 3]), cell.getInitialState(2)); // shapes [2, 4]
 */
export class LSTMCell extends RecurrentCell {
  static override readonly className: string = 'LSTMCell';
  readonly stateSize: number[];
  readonly recurrentActivation: (x: Tensor) => Tensor;
  readonly unitForgetBias: boolean;
  readonly implementation: 1 | 2;
  protected readonly gateCount = 4;
  private readonly act: GateAct | null;
  private readonly rec: GateAct | null;

  /** `who` names the layer in error messages (`LSTM` builds its cell with its own name). */
  constructor(args: LSTMCellArgs, who = 'LSTMCell') {
    super(args, who);
    const ra = args.recurrentActivation;
    this.recurrentActivation = getActivation((ra === undefined ? 'sigmoid' : ra) as never);
    this.unitForgetBias = args.unitForgetBias ?? true;
    // As Keras: recurrent dropout forces implementation 1 (a mask per gate).
    this.implementation = this.recurrentDropout !== 0 ? 1 : checkImplementation(args.implementation, who);
    this.maskCount = this.implementation === 1 ? 4 : 1;
    this.stateSize = [this.units, this.units];
    this.act = this.gateAct(this.activation);
    this.rec = this.gateAct(this.recurrentActivation);
  }

  override build(inputShape: Shape): void {
    const u = this.units;
    const base = this.biasInitializer;
    // Keras draws the i, then (c, o) blocks from the bias initializer and sets the forget block to ones.
    const forgetBias = {
      apply: (_shape: readonly number[], dtype?: DType) => concat([base.apply([u], dtype), ones([u]), base.apply([2 * u], dtype)], 0),
      getConfig: () => base.getConfig(),
    };
    this.buildWeights(inputShape, [4 * u], this.unitForgetBias ? (forgetBias as unknown as Initializer) : base);
  }

  override step(x: Tensor, states: Tensor[], training: boolean): [Tensor, Tensor[]] {
    const [batch, features] = x.shape;
    const seq = reshape(x, [batch, 1, features]);
    if (this.act !== null && this.rec !== null) {
      const [h, c] = this.runner(seq, training, this.act, this.rec).step(0, states);
      return [h, [h, c]];
    }
    let z = add(this.project(seq, this.inputMasks(training, batch, features)), this.recurrentProjector(this.recurrentMasks(training, batch))(states[0]));
    if (this.bias) z = add(z, this.bias.value);
    const [zi, zf, zc, zo] = split(z, 4, 1);
    const rec = this.recurrentActivation;
    const c = add(mul(rec(zf), states[1]), mul(rec(zi), this.activation(zc)));
    const h = mul(rec(zo), this.activation(c));
    return [h, [h, c]];
  }

  override sequenceRunner(seq: Tensor, training: boolean): SequenceRunner | null {
    return this.act === null || this.rec === null ? null : this.runner(seq, training, this.act, this.rec);
  }

  private runner(seq: Tensor, training: boolean, act: GateAct, rec: GateAct): SequenceRunner {
    const [batch, , features] = seq.shape;
    const masks = this.recurrentMasks(training, batch);
    const grads = new SequenceGrads({
      proj: this.project(seq, this.inputMasks(training, batch, features)),
      bias: this.bias?.value ?? null,
      kernel: masks ? null : this.recurrentKernel.value,
      batch,
    });
    // Under recurrent dropout the cell makes `(h * mask_g) · U_g` per gate; otherwise the kernel makes `h · U`.
    const external = masks ? this.recurrentProjector(masks) : null;
    return { step: (t, [h, c]) => lstmStep({ seq: grads, t, hPrev: h, cPrev: c, hU: external ? external(h) : null, act, rec }) };
  }

  override configEntries(): Record<string, unknown> {
    return {
      ...super.configEntries(),
      recurrent_activation: serializeActivation(this.recurrentActivation),
      unit_forget_bias: this.unitForgetBias,
    };
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), ...pickConfig(this.configEntries(), LSTM_CELL_KEYS) };
  }
}
