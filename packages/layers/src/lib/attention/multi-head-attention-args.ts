import { ValueError, show } from '@strata/tensor';
import { LayerArgs } from '../engine/layer-args';

/** Options of `new MultiHeadAttention(...)`: Keras's arguments in camelCase. */
export interface MultiHeadAttentionArgs extends LayerArgs {
  /** Number of attention heads (positive integer). */
  numHeads: number;
  /** Size of each head for query and key (positive integer). */
  keyDim: number;
  /** Size of each head for value; default `keyDim`. */
  valueDim?: number | null;
  /** Dropout rate of the attention probabilities, in [0, 1]. Default 0. */
  dropout?: number;
  /** Whether the projections have biases. Default true. */
  useBias?: boolean;
  /** Output features besides the batch and step axes (an integer or a shape); default the query's last dimension. */
  outputShape?: number | number[] | null;
  /** Axes the attention runs over (negative counts from the query's end, -1 being its features); default all but batch and features. */
  attentionAxes?: number | number[] | null;
  /** Restrict each query step to key steps within `slidingWindow - 1` of it (a band). Default none. */
  slidingWindow?: number | null;
  /** Gate the heads with a sigmoid projection of the query (gated attention). Default false. */
  useGate?: boolean;
  kernelInitializer?: unknown;
  biasInitializer?: unknown;
  kernelRegularizer?: unknown;
  biasRegularizer?: unknown;
  kernelConstraint?: unknown;
  biasConstraint?: unknown;
  /** Integer seed of the attention dropout. */
  seed?: number | null;
}

/** The validated scalar options of MultiHeadAttention. */
export interface MhaOptions {
  numHeads: number;
  keyDim: number;
  valueDim: number;
  dropout: number;
  useBias: boolean;
  useGate: boolean;
  outputShape: number[] | null;
  attentionAxes: number[] | null;
  slidingWindow: number | null;
  seed: number | null;
}

const positiveInt = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x > 0;

/** Keras's argument checks of MultiHeadAttention (a ValueError naming the argument and value). */
export function validateMhaArgs(args: MultiHeadAttentionArgs): MhaOptions {
  const who = 'MultiHeadAttention';
  const fail = (what: string, name: string, value: unknown): never => {
    throw new ValueError(`${who}: ${name} must be ${what}, received ${name}=${show(value)}`);
  };
  const a = args ?? ({} as MultiHeadAttentionArgs);
  if (!positiveInt(a.numHeads)) fail('a positive integer', 'numHeads', a.numHeads);
  if (!positiveInt(a.keyDim)) fail('a positive integer', 'keyDim', a.keyDim);
  const valueDim = a.valueDim ?? null;
  if (valueDim !== null && !positiveInt(valueDim)) fail('a positive integer or null', 'valueDim', valueDim);
  const dropout = a.dropout ?? 0;
  if (typeof dropout !== 'number' || !(dropout >= 0 && dropout <= 1)) fail('a number between 0 and 1', 'dropout', dropout);
  const useBias = a.useBias ?? true;
  if (typeof useBias !== 'boolean') fail('a boolean', 'useBias', useBias);
  const useGate = a.useGate ?? false;
  if (typeof useGate !== 'boolean') fail('a boolean', 'useGate', useGate);
  let outputShape = a.outputShape ?? null;
  if (typeof outputShape === 'number') outputShape = [outputShape];
  if (outputShape !== null && (!Array.isArray(outputShape) || outputShape.length === 0 || !outputShape.every(positiveInt))) {
    fail('a positive integer or a non-empty array of positive integers', 'outputShape', a.outputShape);
  }
  let axes = a.attentionAxes ?? null;
  if (typeof axes === 'number') axes = [axes];
  if (axes !== null && (!Array.isArray(axes) || !axes.every((x) => Number.isInteger(x)))) {
    fail('an integer, an array of integers or null', 'attentionAxes', a.attentionAxes);
  }
  const slidingWindow = a.slidingWindow ?? null;
  if (slidingWindow !== null && !positiveInt(slidingWindow)) fail('null or a positive integer', 'slidingWindow', slidingWindow);
  const seed = a.seed ?? null;
  if (seed !== null && !Number.isSafeInteger(seed)) fail('an integer or null', 'seed', seed);
  return {
    numHeads: a.numHeads, keyDim: a.keyDim, valueDim: valueDim ?? a.keyDim, dropout, useBias, useGate,
    outputShape: outputShape && [...outputShape], attentionAxes: axes && [...axes], slidingWindow, seed,
  };
}
