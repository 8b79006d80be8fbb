import { SimpleRNNCell, SimpleRNNCellArgs } from './simple-rnn-cell';
import { InputSpec } from '../engine/input-spec';
import { cellArgsOf } from './cell-args';
import { RNN, RNNLayerArgs } from './rnn';

/** Options of `new SimpleRNN(...)`: the cell's arguments and the RNN's, in camelCase. */
export interface SimpleRNNArgs extends SimpleRNNCellArgs, RNNLayerArgs {
}

/** Keras's key order of `SimpleRNN.get_config()` after the RNN flags. */
const KEYS = [
  'units', 'activation', 'use_bias', 'kernel_initializer', 'recurrent_initializer', 'bias_initializer',
  'kernel_regularizer', 'recurrent_regularizer', 'bias_regularizer', 'activity_regularizer', 'kernel_constraint',
  'recurrent_constraint', 'bias_constraint', 'dropout', 'recurrent_dropout',
] as const;

/**
 * A fully-connected RNN whose output is fed back as its state (`keras.layers.SimpleRNN`):
 * `h_t = activation(x_t · kernel + h_{t-1} · recurrentKernel + bias)` at each step (`SimpleRNNCell`).
 *
 * Input `(batch, time, features)`; output `(batch, units)`, or `(batch, time, units)` with
 * `returnSequences`; `returnState` adds the final `h`. Weights `kernel`, `recurrent_kernel`, `bias`.
 * Keras's config has no `seed` for this layer, so a seed does not survive a config round trip.
 *
 * @example
 * const rnn = new SimpleRNN({ units: 4, returnSequences: true });
 * rnn.apply(zeros([2, 5, 3])).shape; // [2, 5, 4]
 */
export class SimpleRNN extends RNN {
  static override readonly className: string = 'SimpleRNN';
  declare readonly cell: SimpleRNNCell;

  constructor(args: SimpleRNNArgs) {
    super({ ...args, cell: new SimpleRNNCell({ ...cellArgsOf(args ?? ({} as SimpleRNNArgs)), name: 'simple_rnn_cell' }, 'SimpleRNN') });
    this.inputSpec = new InputSpec({ ndim: 3 });
  }

  get units(): number {
    return this.cell.units;
  }

  get dropout(): number {
    return this.cell.dropout;
  }

  get recurrentDropout(): number {
    return this.cell.recurrentDropout;
  }

  override getConfig(): Record<string, unknown> {
    return this.inlineCellConfig(this.cell.configEntries(), KEYS);
  }
}
