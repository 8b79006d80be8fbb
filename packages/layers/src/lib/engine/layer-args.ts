import { DType, KerasObject, ValueError, show, toOptions } from '@strata/tensor';
import { Shape } from './shape';

/** Keras's DTypePolicy as it appears in configs, or a plain dtype name. */
export type DTypeArg = DType | string | KerasObject;

/** Arguments every layer accepts (Keras's base-layer kwargs, in camelCase). */
export interface LayerArgs {
  /** Unique default from the class name (`dense`, `dense_1`, ...) when omitted. */
  name?: string;
  trainable?: boolean;
  /** `'float32'` (default) or a Keras DTypePolicy config. */
  dtype?: DTypeArg;
  /** Shape of one sample (no batch axis); lets a Sequential model build from its first layer. */
  inputShape?: Shape;
  batchSize?: number;
  /** Full input shape with batch axis (Keras 2's `batch_input_shape`, Keras 3's `batch_shape`). */
  batchInputShape?: Shape;
  batchShape?: Shape;
  /** A regularizer applied to the layer's output; its penalty joins `layer.losses`. */
  activityRegularizer?: unknown;
}

/** Reads a dtype argument: a name or a Keras `DTypePolicy` object. */
export function parseDType(dtype: DTypeArg | undefined, who: string): DType {
  if (dtype === undefined || dtype === null) return 'float32';
  const name = typeof dtype === 'string' ? dtype : (dtype.config?.name as string | undefined);
  if (name === 'float32' || name === 'int32' || name === 'bool') return name;
  throw new ValueError(
    `${who}: dtype must be 'float32', 'int32' or 'bool' (Strata has no mixed precision), received dtype=${show(dtype)}`,
  );
}

/** Keras 3's serialized DTypePolicy for a dtype. */
export function dtypePolicy(dtype: DType): KerasObject {
  return { module: 'keras', class_name: 'DTypePolicy', config: { name: dtype }, registered_name: null };
}

/** The batch input shape implied by `inputShape`/`batchSize`/`batchInputShape`/`batchShape`, if any. */
export function batchInputShapeOf(args: LayerArgs): Shape | null {
  if (args.batchShape) return [...args.batchShape];
  if (args.batchInputShape) return [...args.batchInputShape];
  if (args.inputShape) return [args.batchSize ?? null, ...args.inputShape];
  return null;
}

/** Turns a layer's Keras config (snake_case) into constructor arguments (camelCase). */
export function argsFromConfig(config: Record<string, unknown>): Record<string, unknown> {
  return toOptions(config);
}
