import { Tensor, add, reshape } from '@strata/tensor';
import { Shape } from '../engine/shape';
import { GateAct } from './gate-activations';
import { RecurrentCellArgs, pickConfig } from './cell-args';
import { RecurrentCell } from './recurrent-cell';
import { SequenceRunner } from './rnn-cell';
import { simpleRnnStep } from './simple-rnn-kernel';
import { SequenceGrads } from './sequence-grads';

/** Options of `new SimpleRNNCell(...)`: Keras's arguments in camelCase. */
export type SimpleRNNCellArgs = RecurrentCellArgs;

/** Keras's key order of `SimpleRNNCell.get_config()` (after the base layer keys). */
export const SIMPLE_RNN_CELL_KEYS = [
  'units', 'activation', 'use_bias', 'kernel_initializer', 'recurrent_initializer', 'bias_initializer',
  'kernel_regularizer', 'recurrent_regularizer', 'bias_regularizer', 'kernel_constraint', 'recurrent_constraint',
  'bias_constraint', 'dropout', 'recurrent_dropout', 'seed',
] as const;

/**
 * One step of a fully-connected RNN (`keras.layers.SimpleRNNCell`):
 * `h = activation(x · kernel + bias + hPrev · recurrentKernel)`; the output is `h`.
 * With `dropout`/`recurrentDropout` (training only), `x` and `hPrev` are multiplied by masks
 * drawn once per RNN call.
 *
 * Input `(batch, features)`, state and output `(batch, units)`. Weights `kernel (features, units)`,
 * `recurrent_kernel (units, units)`, `bias (units)`.
 *
 * @example
 * const cell = new SimpleRNNCell({ units: 4 });
 * const [y, [h]] = cell.call(ones([2, 3]), [zeros([2, 4])]); // y === h, shape [2, 4]
 */
export class SimpleRNNCell extends RecurrentCell {
  static override readonly className: string = 'SimpleRNNCell';
  readonly stateSize: number;
  protected readonly gateCount = 1;
  private readonly act: GateAct | null;

  /** `who` names the layer in error messages (`LSTM` builds its cell with its own name). */
  constructor(args: SimpleRNNCellArgs, who = 'SimpleRNNCell') {
    super(args, who);
    this.stateSize = this.units;
    this.act = this.gateAct(this.activation);
  }

  // Keras's SimpleRNNCell applies a mask whenever it has one, even at rate 1 (all dropped).
  protected override dropoutApplies(rate: number, training: boolean): boolean {
    return training && rate > 0;
  }

  override build(inputShape: Shape): void {
    this.buildWeights(inputShape, [this.units]);
  }

  override step(x: Tensor, states: Tensor[], training: boolean): [Tensor, Tensor[]] {
    const [batch, features] = x.shape;
    const seq = reshape(x, [batch, 1, features]);
    if (this.act !== null) {
      const [h] = this.runner(seq, training, this.act).step(0, states);
      return [h, [h]];
    }
    let z = add(this.project(seq, this.inputMasks(training, batch, features)), this.recurrentProjector(this.recurrentMasks(training, batch))(states[0]));
    if (this.bias) z = add(z, this.bias.value);
    const h = this.activation(z);
    return [h, [h]];
  }

  override sequenceRunner(seq: Tensor, training: boolean): SequenceRunner | null {
    return this.act === null ? null : this.runner(seq, training, this.act);
  }

  private runner(seq: Tensor, training: boolean, act: GateAct): SequenceRunner {
    const [batch, , features] = seq.shape;
    const masks = this.recurrentMasks(training, batch);
    const grads = new SequenceGrads({
      proj: this.project(seq, this.inputMasks(training, batch, features)),
      bias: this.bias?.value ?? null,
      kernel: masks ? null : this.recurrentKernel.value,
      batch,
    });
    // Under recurrent dropout the cell makes `(h * mask) · U`; otherwise the kernel makes `h · U`.
    const external = masks ? this.recurrentProjector(masks) : null;
    return { step: (t, [h]) => [simpleRnnStep({ seq: grads, t, hPrev: h, hU: external ? external(h) : null, act })] };
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), ...pickConfig(this.configEntries(), SIMPLE_RNN_CELL_KEYS) };
  }
}
