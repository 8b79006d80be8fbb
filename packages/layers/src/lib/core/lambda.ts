import { DType, NestedArray, Tensor, ValueError, formatShape, noGrad, show, tensor, zeros } from '@strata/tensor';
import { CallContext, Layer } from '../engine/layer';
import { LayerArgs } from '../engine/layer-args';
import { Shape, isShapeList } from '../engine/shape';
import { Mask } from '../engine/symbolic-call';
import { LambdaFunction, lambdaFunctionConfig, lambdaFunctionFromConfig } from './lambda-registry';

/** Options of `new Lambda(...)`: Keras's arguments in camelCase. */
export interface LambdaArgs extends LayerArgs {
  /**
   * Called as `function(inputs, { ...arguments, mask, training })`; returns a tensor (or an
   * array of tensors). A registered name (see `registerLambda`) is accepted too.
   */
  function: LambdaFunction | string;
  /**
   * The output shape without the batch axis (an array of them for several outputs), or a function
   * of the full input shape returning the full output shape. When omitted it is inferred by
   * running the function on zeros.
   */
  outputShape?: Shape | Shape[] | LambdaFunction | null;
  /** A function `(inputs, mask) => outputMask`, or a constant mask tensor. Default: no mask. */
  mask?: LambdaFunction | Tensor | null;
  /** Extra options passed to the function on every call (plain JSON values or tensors). */
  arguments?: Record<string, unknown> | null;
}

interface TensorConfig {
  class_name: '__tensor__';
  config: { value: NestedArray; dtype: DType };
}

const isTensorConfig = (x: unknown): x is TensorConfig =>
  typeof x === 'object' && x !== null && (x as TensorConfig).class_name === '__tensor__';

// Keras's serialize_keras_object for tensors.
const tensorConfig = (t: Tensor): TensorConfig => ({ class_name: '__tensor__', config: { value: t.toArray(), dtype: t.dtype } });
const fromTensorConfig = (c: TensorConfig) => tensor(c.config.value, undefined, c.config.dtype);

/**
 * Wraps a function as a layer (`keras.layers.Lambda`), for quick experiments in a `Sequential`
 * or functional model. A subclass of `Layer` is the better choice for anything kept: a Lambda's
 * config can only name its function, so **serializing needs `registerLambda(name, fn)`** (see
 * there); an unregistered function makes `getConfig` throw a `ValueError` saying so.
 *
 * `output = function(inputs, { ...arguments, mask, training })`.
 *
 * Input: whatever the function takes; output: whatever it returns.
 *
 * @example
 * const square = new Lambda({ function: (x: Tensor) => mul(x, x) });
 * square.apply(tensor([[1, 2, 3]])); // [[1, 4, 9]]
 * registerLambda('my_pkg>square', square.fn); // now square.getConfig() works
 */
export class Lambda extends Layer {
  static override readonly className: string = 'Lambda';
  /** The wrapped function. */
  readonly fn: LambdaFunction;
  readonly outputShape: Shape | Shape[] | LambdaFunction | null;
  readonly mask: LambdaFunction | Tensor | null;
  readonly arguments: Record<string, unknown>;

  constructor(args: LambdaArgs) {
    super(args);
    const who = `Lambda '${this.name}'`;
    if (!args || args.function === undefined || args.function === null) {
      throw new ValueError(`Lambda: function is required, received function=${show(args?.function)}`);
    }
    this.fn = lambdaFunctionFromConfig(args.function, who, 'function');
    const shape = args.outputShape ?? null;
    this.outputShape = shape === null || Array.isArray(shape) ? checkOutputShape(shape, who) : lambdaFunctionFromConfig(shape, who, 'outputShape');
    const mask = args.mask ?? null;
    this.mask =
      mask === null || mask instanceof Tensor ? mask : isTensorConfig(mask) ? fromTensorConfig(mask) : lambdaFunctionFromConfig(mask, who, 'mask');
    this.arguments = Object.fromEntries(
      Object.entries(args.arguments ?? {}).map(([k, v]) => [k, isTensorConfig(v) ? fromTensorConfig(v) : v]),
    );
    this.supportsMasking = this.mask !== null;
  }

  override call(inputs: Tensor | Tensor[], context: CallContext): Tensor | Tensor[] {
    return this.fn(inputs, { ...this.arguments, mask: context.mask, training: context.training });
  }

  override computeMask(inputs: Tensor | Tensor[], mask: Mask): Mask {
    if (typeof this.mask === 'function') return this.mask(inputs, mask) as Mask;
    return this.mask;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape | Shape[] {
    if (typeof this.outputShape === 'function') return this.outputShape(inputShape) as Shape | Shape[];
    const shapes = isShapeList(inputShape) ? inputShape : [inputShape];
    if (this.outputShape === null) return this.inferOutputShape(inputShape);
    const batch = shapes[0]?.[0] ?? null;
    return isShapeList(this.outputShape) ? this.outputShape.map((s) => [batch, ...s]) : [batch, ...this.outputShape];
  }

  /**
   * Keras traces the function symbolically; Strata runs it on zeros, twice when sizes are
   * unknown (unknown sizes set to 2, then 3): output sizes that change are unknown (`null`).
   */
  private inferOutputShape(inputShape: Shape | Shape[]): Shape | Shape[] {
    const list = isShapeList(inputShape);
    const shapes = list ? inputShape : [inputShape];
    const probe = (fill: number) =>
      noGrad(() => {
        const xs = shapes.map((s) => zeros(s.map((d) => d ?? fill)));
        const out = this.call(list ? xs : xs[0], { training: false, mask: null });
        return Array.isArray(out) ? out.map((t) => t.shape) : out.shape;
      });
    let a: number[] | number[][];
    let b: number[] | number[][];
    try {
      a = probe(2);
      b = shapes.some((s) => s.includes(null)) ? probe(3) : a;
    } catch (e) {
      throw new ValueError(
        `Lambda '${this.name}': could not infer the output shape by running the function on zeros of shape ` +
          `${show(shapes.map((s) => s.map((d) => d ?? 2)))} (${(e as Error).message}). Pass outputShape.`,
      );
    }
    const merge = (x: number[], y: number[]): Shape => {
      if (x.length !== y.length) {
        throw new ValueError(
          `Lambda '${this.name}': the output rank depends on the input sizes (${formatShape(x)} vs ${formatShape(y)}); pass outputShape.`,
        );
      }
      return x.map((d, i) => (d === y[i] ? d : null));
    };
    return isShapeList(a as Shape | Shape[]) ? (a as number[][]).map((s, i) => merge(s, (b as number[][])[i])) : merge(a as number[], b as number[]);
  }

  override getConfig(): Record<string, unknown> {
    const who = `Lambda '${this.name}'`;
    const config: Record<string, unknown> = { ...super.getConfig(), function: lambdaFunctionConfig(this.fn, who, 'function') };
    if (this.outputShape !== null) {
      config['output_shape'] =
        typeof this.outputShape === 'function' ? lambdaFunctionConfig(this.outputShape, who, 'outputShape') : this.outputShape;
    }
    if (this.mask !== null) {
      config['mask'] = this.mask instanceof Tensor ? tensorConfig(this.mask) : lambdaFunctionConfig(this.mask, who, 'mask');
    }
    config['arguments'] = Object.fromEntries(
      Object.entries(this.arguments).map(([k, v]) => {
        if (v instanceof Tensor) return [k, tensorConfig(v)];
        if (typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint') {
          throw new ValueError(`${who}: cannot serialize argument '${k}', received ${k}=${show(v)}; use JSON values or tensors`);
        }
        return [k, v];
      }),
    );
    return config;
  }
}

function checkOutputShape(shape: Shape | Shape[] | null, who: string): Shape | Shape[] | null {
  if (shape === null) return null;
  const shapes = isShapeList(shape) ? shape : [shape];
  for (const s of shapes) {
    if (!Array.isArray(s) || s.some((d) => d !== null && (!Number.isInteger(d) || d < 0))) {
      throw new ValueError(`${who}: outputShape entries must be non-negative integers or null, received outputShape=${show(shape)}`);
    }
  }
  return isShapeList(shape) ? shape.map((s) => [...s]) : [...shape];
}
