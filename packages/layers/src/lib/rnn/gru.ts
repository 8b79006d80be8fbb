import { ValueError, show } from '@strata/tensor';
import { GRUCell, GRUCellArgs } from './gru-cell';
import { InputSpec } from '../engine/input-spec';
import { cellArgsOf } from './cell-args';
import { RNN, RNNLayerArgs } from './rnn';

/** Options of `new GRU(...)`: the cell's arguments and the RNN's, in camelCase. */
export interface GRUArgs extends GRUCellArgs, RNNLayerArgs {
  /** Keras's cuDNN switch: `'auto'` (default), true or false; accepted and validated, Strata has no cuDNN. */
  useCudnn?: 'auto' | boolean;
}

/** Keras's key order of `GRU.get_config()` after the RNN flags. */
const KEYS = [
  'units', 'activation', 'recurrent_activation', 'use_bias', 'kernel_initializer', 'recurrent_initializer',
  'bias_initializer', 'kernel_regularizer', 'recurrent_regularizer', 'bias_regularizer', 'activity_regularizer',
  'kernel_constraint', 'recurrent_constraint', 'bias_constraint', 'dropout', 'recurrent_dropout', 'reset_after', 'seed',
] as const;

function checkCudnn(value: unknown, who: string): 'auto' | boolean {
  if (value === undefined) return 'auto';
  if (value !== 'auto' && value !== true && value !== false) {
    throw new ValueError(`${who}: useCudnn must be 'auto', true or false, received useCudnn=${show(value)}`);
  }
  return value;
}

/**
 * Gated recurrent unit layer (`keras.layers.GRU`, Cho et al. 2014): runs a `GRUCell` over the
 * sequence, one input product for all steps and a fused gate kernel per step (gates z, r, h,
 * Keras's layout; `resetAfter` true by default, with a `(2, 3u)` bias).
 *
 * Input `(batch, time, features)`; output `(batch, units)`, or `(batch, time, units)` with
 * `returnSequences`; `returnState` adds the final `h`.
 *
 * @example
 * const gru = new GRU({ units: 4, returnSequences: true });
 * gru.apply(zeros([2, 5, 3])).shape; // [2, 5, 4]
 */
export class GRU extends RNN {
  static override readonly className: string = 'GRU';
  declare readonly cell: GRUCell;
  readonly useCudnn: 'auto' | boolean;

  constructor(args: GRUArgs) {
    super({ ...args, cell: new GRUCell({ ...cellArgsOf(args ?? ({} as GRUArgs)), name: 'gru_cell' }, 'GRU') });
    this.inputSpec = new InputSpec({ ndim: 3 });
    this.useCudnn = checkCudnn(args.useCudnn, 'GRU');
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
