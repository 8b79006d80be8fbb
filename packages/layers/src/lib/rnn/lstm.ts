import { ValueError, show } from '@strata/tensor';
import { LSTMCell, LSTMCellArgs } from './lstm-cell';
import { InputSpec } from '../engine/input-spec';
import { cellArgsOf } from './cell-args';
import { RNN, RNNLayerArgs } from './rnn';

/** Options of `new LSTM(...)`: the cell's arguments and the RNN's, in camelCase. */
export interface LSTMArgs extends LSTMCellArgs, RNNLayerArgs {
  /** Keras's cuDNN switch: `'auto'` (default), true or false; accepted and validated, Strata has no cuDNN. */
  useCudnn?: 'auto' | boolean;
}

/** Keras's key order of `LSTM.get_config()` after the RNN flags. */
const KEYS = [
  'units', 'activation', 'recurrent_activation', 'use_bias', 'kernel_initializer', 'recurrent_initializer',
  'bias_initializer', 'unit_forget_bias', 'kernel_regularizer', 'recurrent_regularizer', 'bias_regularizer',
  'activity_regularizer', 'kernel_constraint', 'recurrent_constraint', 'bias_constraint', 'dropout', 'recurrent_dropout', 'seed',
] as const;

function checkCudnn(value: unknown, who: string): 'auto' | boolean {
  if (value === undefined) return 'auto';
  if (value !== 'auto' && value !== true && value !== false) {
    throw new ValueError(`${who}: useCudnn must be 'auto', true or false, received useCudnn=${show(value)}`);
  }
  return value;
}

/**
 * Long short-term memory layer (`keras.layers.LSTM`, Hochreiter 1997): runs an `LSTMCell` over the
 * sequence. The input projection of all steps is one matrix product; each step then adds
 * `h · recurrentKernel` and runs the fused gate kernel (gates i, f, c, o, Keras's layout).
 *
 * Input `(batch, time, features)`; output `(batch, units)`, or `(batch, time, units)` with
 * `returnSequences`; `returnState` adds the final `h` and `c`. Weights `kernel (features, 4u)`,
 * `recurrent_kernel (u, 4u)`, `bias (4u)`.
 *
 * @example
 * const lstm = new LSTM({ units: 4, returnState: true });
 * const [y, h, c] = lstm.applyMulti(zeros([2, 5, 3])); // shapes [2, 4] each
 */
export class LSTM extends RNN {
  static override readonly className: string = 'LSTM';
  declare readonly cell: LSTMCell;
  readonly useCudnn: 'auto' | boolean;

  constructor(args: LSTMArgs) {
    super({ ...args, cell: new LSTMCell({ ...cellArgsOf(args ?? ({} as LSTMArgs)), name: 'lstm_cell' }, 'LSTM') });
    this.inputSpec = new InputSpec({ ndim: 3 });
    this.useCudnn = checkCudnn(args.useCudnn, 'LSTM');
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
