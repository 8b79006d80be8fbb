import { ValueError, show } from '@strata/tensor';
import { LayerArgs } from '../engine/layer-args';

/** Arguments shared by `SimpleRNNCell`, `LSTMCell` and `GRUCell` (Keras's names in camelCase). */
export interface RecurrentCellArgs extends LayerArgs {
  /** Positive integer, dimensionality of the output space (and of each state). */
  units: number;
  /** Default `'tanh'`; `null` means linear. */
  activation?: unknown;
  /** Default true. */
  useBias?: boolean;
  /** Default `'glorot_uniform'`. */
  kernelInitializer?: unknown;
  /** Default `'orthogonal'`. */
  recurrentInitializer?: unknown;
  /** Default `'zeros'`. */
  biasInitializer?: unknown;
  kernelRegularizer?: unknown;
  recurrentRegularizer?: unknown;
  biasRegularizer?: unknown;
  kernelConstraint?: unknown;
  recurrentConstraint?: unknown;
  biasConstraint?: unknown;
  /** Fraction of the input units to drop, in [0, 1]: one mask per call, the same at every step. Default 0. */
  dropout?: number;
  /** Fraction of the recurrent state units to drop, in [0, 1]. Default 0. */
  recurrentDropout?: number;
  /** Integer seed of the dropout masks. */
  seed?: number | null;
}

/** Arguments of the gated cells (`LSTMCell`, `GRUCell`). */
export interface GatedCellArgs extends RecurrentCellArgs {
  /** Activation of the gates. Default `'sigmoid'`. */
  recurrentActivation?: unknown;
  /**
   * Keras's `implementation`: 2 (default) computes all gates with one product, 1 with one product
   * per gate. Same numbers; with `recurrentDropout` Keras switches to 1, which draws one dropout
   * mask per gate. Not part of the config.
   */
  implementation?: 1 | 2;
}

/** Validates `units`; `who` names the class in the message. */
export function checkUnits(units: unknown, who: string): number {
  if (typeof units !== 'number' || !Number.isInteger(units) || units <= 0) {
    throw new ValueError(`${who}: units must be a positive integer, received units=${show(units)}`);
  }
  return units;
}

/**
 * Validates a dropout rate. Keras clamps a rate outside [0, 1] silently; Strata rejects it, as
 * its `Dropout` layer does, since such a rate is always a mistake.
 */
export function checkRate(rate: unknown, name: string, who: string): number {
  if (rate === undefined || rate === null) return 0;
  if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) {
    throw new ValueError(`${who}: ${name} must be a number between 0 and 1, received ${name}=${show(rate)}`);
  }
  return rate;
}

/** Validates a seed (an integer or null). */
export function checkSeedArg(seed: unknown, who: string): number | null {
  if (seed === undefined || seed === null) return null;
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed)) {
    throw new ValueError(`${who}: seed must be an integer or null, received seed=${show(seed)}`);
  }
  return seed;
}

/** Validates `implementation` (1 or 2). */
export function checkImplementation(value: unknown, who: string): 1 | 2 {
  if (value === undefined || value === null) return 2;
  if (value !== 1 && value !== 2) {
    throw new ValueError(`${who}: implementation must be 1 or 2, received implementation=${show(value)}`);
  }
  return value;
}

/** The entries of `entries` named in `keys`, in that order (Keras's key order). */
export function pickConfig(entries: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = entries[k];
  return out;
}

/** The cell's share of a recurrent layer's arguments: all but the layer-level ones (name, shapes, activity regularizer). */
export function cellArgsOf<T extends object>(args: T): T {
  const out = { ...args } as Record<string, unknown>;
  for (const k of ['name', 'inputShape', 'batchInputShape', 'batchShape', 'batchSize', 'activityRegularizer']) delete out[k];
  return out as unknown as T;
}
