import { Constraint, get as getConstraint } from '@strata/constraints';
import { get as getInitializer } from '@strata/initializers';
import { Regularizer, get as getRegularizer, serialize as serializeRegularizer } from '@strata/regularizers';
import {
  DType, ShapeError, Tensor, ValueError, Variable, asTensor, div, formatShape, record, sameShape, show,
} from '@strata/tensor';
import { InputSpec, assertInputCompatibility } from './input-spec';
import { DTypeArg, LayerArgs, argsFromConfig, batchInputShapeOf, dtypePolicy, parseDType } from './layer-args';
import { getMask, setMask } from './masks';
import { uniqueName } from './naming';
import { Shape, isShapeList } from './shape';
import { LayerNode, SymbolicTensor } from './symbolic-tensor';
import { Mask, callSymbolic } from './symbolic-call';

/** Keyword arguments of `layer.apply(x, { training, mask })`. */
export interface CallArgs {
  /** Training mode (dropout active, batch statistics used). Default false. */
  training?: boolean;
  /** Overrides the mask carried by the inputs. */
  mask?: Mask;
  /** Layer-specific call arguments (`initialState` for RNNs, ...). */
  [extra: string]: unknown;
}

/** What `call` receives besides the inputs. */
export interface CallContext extends CallArgs {
  training: boolean;
  mask: Mask;
}

/** Options of `addWeight`. */
export interface AddWeightOptions {
  name: string;
  shape: readonly number[];
  dtype?: DType;
  /** Default `'glorot_uniform'` for float weights, `'zeros'` otherwise (as Keras). */
  initializer?: unknown;
  regularizer?: unknown;
  constraint?: unknown;
  trainable?: boolean;
}

/** Constructor type of a layer class, for the registry and `fromConfig`. */
export interface LayerClass<T extends Layer = Layer> {
  new (args: never): T;
  readonly className: string;
  fromConfig(config: Record<string, unknown>): T;
}

/**
 * The base of every layer, built-in or plugin (`keras.layers.Layer`). A subclass writes its
 * constructor, `build`, `call`, `computeOutputShape` and `getConfig`; this class does the rest:
 * input checks from `inputSpec`, building once, weight bookkeeping, regularization losses,
 * masks, and graph recording on symbolic inputs.
 *
 * @example
 * class Scale extends Layer {
 *   static override readonly className = 'Scale';
 *   private w!: Variable;
 *   override build(shape: Shape) { this.w = this.addWeight({ name: 'w', shape: [shape.at(-1)!], initializer: 'ones' }); }
 *   override call(x: Tensor) { return mul(x, this.w.value); }
 *   override computeOutputShape(shape: Shape) { return shape; }
 * }
 */
export abstract class Layer {
  static readonly className: string = 'Layer';

  readonly name: string;
  readonly dtype: DType;
  built = false;
  /** Checked against every input before `build` and `call`. */
  inputSpec: InputSpec | (InputSpec | null)[] | null = null;
  /** Whether the layer passes (or computes) masks; `computeMask` is consulted only then. */
  supportsMasking = false;
  /**
   * Whether a list input stands for several positional arguments of Keras's `call` (as
   * MultiHeadAttention's `query, value, key`) rather than one list argument (as Concatenate's);
   * it decides how the call is written in model JSON.
   */
  get positionalInputs(): boolean {
    return false;
  }
  readonly activityRegularizer: Regularizer | null;
  /** Batch input shape given at construction (`inputShape`, `batchInputShape`), if any. */
  readonly batchInputShape: Shape | null;
  /** The symbolic calls of this layer, in order (Keras's inbound nodes). */
  readonly inboundNodes: LayerNode[] = [];
  /** The input shape `build` ran with (Keras's `build_config`). */
  buildInputShape: Shape | Shape[] | null = null;

  private trainableFlag: boolean;
  // Keras orders weights trainable-at-creation first, then the others.
  private readonly ownTrainable: Variable[] = [];
  private readonly ownNonTrainable: Variable[] = [];
  private readonly sublayers: Layer[] = [];
  private readonly regularized: [Variable, Regularizer][] = [];
  private activityLosses: Tensor[] = [];

  constructor(args: LayerArgs = {}) {
    const cls = this.constructor as typeof Layer;
    if (args.name !== undefined && (typeof args.name !== 'string' || args.name.includes('/') || !args.name)) {
      throw new ValueError(`${cls.className}: name must be a non-empty string without '/', received name=${show(args.name)}`);
    }
    this.name = args.name ?? uniqueName(cls.className);
    this.trainableFlag = args.trainable ?? true;
    this.dtype = parseDType(args.dtype as DTypeArg | undefined, cls.className);
    this.batchInputShape = batchInputShapeOf(args);
    this.activityRegularizer = getRegularizer(args.activityRegularizer as never);
  }

  /** Keras's class name of this layer. */
  get className(): string {
    return (this.constructor as typeof Layer).className;
  }

  /** Creates the weights for inputs of this shape (batch axis included). Called once, before the first `call`. */
  build(_inputShape: Shape | Shape[]): void {
    // A layer without weights needs no build.
  }

  /** The forward computation on concrete tensors. */
  abstract call(inputs: Tensor | Tensor[], context: CallContext): Tensor | Tensor[];

  /**
   * The output shape for an input shape (batch axis included, `null` for unknown sizes); `args`
   * are the call's arguments, for layers whose outputs depend on them (`returnAttentionScores`).
   */
  abstract computeOutputShape(inputShape: Shape | Shape[], args?: CallArgs): Shape | Shape[];

  /** The mask of the outputs; by default the input mask passes through when `supportsMasking`. */
  computeMask(_inputs: Tensor | Tensor[], mask: Mask): Mask {
    return this.supportsMasking ? mask : null;
  }

  /** The dtype of symbolic outputs; the layer's dtype unless overridden. */
  computeOutputDType(_inputDTypes: DType[]): DType {
    return this.dtype;
  }

  get trainable(): boolean {
    return this.trainableFlag;
  }

  /** Freezing a layer freezes its weights and sublayers, as Keras. */
  set trainable(value: boolean) {
    this.trainableFlag = value;
    for (const v of this.ownTrainable) v.trainable = value;
    for (const l of this.trackedLayers()) l.trainable = value;
  }

  /**
   * Calls the layer: eagerly on tensors (returns a tensor), or symbolically on
   * `SymbolicTensor`s (returns a `SymbolicTensor` and records the call for a functional model).
   * Use `applyMulti` for layers that return several outputs.
   */
  apply(inputs: Tensor | Tensor[], args?: CallArgs): Tensor;
  apply(inputs: SymbolicTensor | SymbolicTensor[], args?: CallArgs): SymbolicTensor;
  apply(inputs: Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[], args: CallArgs = {}): Tensor | SymbolicTensor {
    const outs = this.applyMulti(inputs as Tensor[], args);
    if (outs.length !== 1) {
      throw new ValueError(`Layer '${this.name}' returned ${outs.length} outputs; use applyMulti() to receive them all`);
    }
    return outs[0];
  }

  /** Like `apply`, always returning the list of outputs (e.g. an RNN with `returnState`). */
  applyMulti(inputs: Tensor | Tensor[], args?: CallArgs): Tensor[];
  applyMulti(inputs: SymbolicTensor | SymbolicTensor[], args?: CallArgs): SymbolicTensor[];
  applyMulti(
    inputs: Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[],
    args: CallArgs = {},
  ): Tensor[] | SymbolicTensor[] {
    const isList = Array.isArray(inputs);
    const list = (isList ? inputs : [inputs]) as (Tensor | SymbolicTensor)[];
    const symbolic = list.filter((x) => x instanceof SymbolicTensor).length;
    if (symbolic > 0 && symbolic < list.length) {
      throw new ValueError(`Layer '${this.name}': inputs mix SymbolicTensors and Tensors; pass one kind`);
    }
    if (symbolic) return callSymbolic(this, list as SymbolicTensor[], isList, args);
    const tensors = list.map((x) => (x instanceof Tensor ? x : asTensor(x as never)));
    return this.callEager(tensors, isList, args);
  }

  private callEager(tensors: Tensor[], isList: boolean, args: CallArgs): Tensor[] {
    const shapes = tensors.map((t) => t.shape as Shape);
    this.checkInputs(shapes, tensors.map((t) => t.dtype));
    this.maybeBuild(isList ? shapes : shapes[0]);
    const inputMasks = tensors.map(getMask);
    const mask: Mask =
      args.mask !== undefined ? args.mask : inputMasks.some((m) => m) ? (isList ? inputMasks : inputMasks[0]) : null;
    const inputs = isList ? tensors : tensors[0];
    const out = this.call(inputs, { ...args, training: args.training ?? false, mask });
    // Masks are recorded per tensor object: an output that *is* an input gets its own alias,
    // so the input keeps its mask and the output carries only what this layer says.
    const outs = (Array.isArray(out) ? out : [out]).map((o) => (tensors.includes(o) ? alias(o) : o));
    if (this.activityRegularizer) {
      // Keras 3 divides the activity penalty by the batch size.
      this.activityLosses = outs.map((o) => {
        const p = this.activityRegularizer!.apply(o);
        return o.rank > 0 && o.shape[0] > 0 ? div(p, o.shape[0]) : p;
      });
    }
    if (this.supportsMasking) {
      const outMask = this.computeMask(inputs, mask);
      outs.forEach((o, i) => setMask(o, Array.isArray(outMask) ? (outMask[i] ?? null) : outMask));
    }
    return outs;
  }

  /** @internal Runs the `inputSpec` checks for these input shapes. */
  checkInputs(shapes: Shape[], dtypes: DType[]): void {
    if (!this.inputSpec) return;
    const specs = Array.isArray(this.inputSpec) ? this.inputSpec : [this.inputSpec];
    assertInputCompatibility(this.name, specs, shapes, dtypes);
  }

  /** Builds the layer for `inputShape` unless it is built already. */
  maybeBuild(inputShape: Shape | Shape[]): void {
    if (this.built) return;
    this.build(inputShape);
    this.buildInputShape = isShapeList(inputShape) ? inputShape.map((s) => [...s]) : [...inputShape];
    this.built = true;
  }

  /**
   * Creates a weight of this layer, drawn from `initializer`; its regularizer's penalty joins
   * `losses` and its constraint runs after every optimizer update. Only inside `build`.
   */
  addWeight(options: AddWeightOptions): Variable {
    if (this.built) {
      throw new ValueError(
        `Layer '${this.name}': cannot add weight '${options.name}' after the layer is built (its state is locked, as in Keras)`,
      );
    }
    const dtype = options.dtype ?? this.dtype;
    const init = getInitializer((options.initializer ?? (dtype === 'float32' ? 'glorot_uniform' : 'zeros')) as never)!;
    const constraint = getConstraint(options.constraint as never) as Constraint | null;
    // Filed by what the weight is (Keras's order, and what unfreezing restores); a frozen layer's
    // trainable weights start frozen and thaw when `trainable` is set back to true.
    const trainable = options.trainable ?? true;
    const v = new Variable(init.apply([...options.shape], dtype), {
      name: options.name, path: `${this.name}/${options.name}`, trainable: trainable && this.trainableFlag, dtype, constraint,
    });
    (trainable ? this.ownTrainable : this.ownNonTrainable).push(v);
    const reg = getRegularizer(options.regularizer as never);
    if (reg) this.regularized.push([v, reg]);
    return v;
  }

  /** Tracks a layer owned by this one (Bidirectional's RNNs, a nested model), for weights and losses. */
  protected trackLayer<L extends Layer>(layer: L): L {
    this.sublayers.push(layer);
    return layer;
  }

  /** The layers whose weights and losses this layer includes (models override it with their graph's). */
  protected trackedLayers(): readonly Layer[] {
    return this.sublayers;
  }

  /** Every weight, in Keras's order: own trainable, own non-trainable, then sublayers'. */
  get weights(): Variable[] {
    // A layer shared by two sublayers contributes its weights once, as Keras dedupes by identity.
    return [...new Set([...this.ownTrainable, ...this.ownNonTrainable, ...this.trackedLayers().flatMap((l) => l.weights)])];
  }

  get trainableWeights(): Variable[] {
    return this.trainableFlag ? this.weights.filter((v) => v.trainable) : [];
  }

  get nonTrainableWeights(): Variable[] {
    const trainable = new Set(this.trainableWeights);
    return this.weights.filter((v) => !trainable.has(v));
  }

  /** Current weight values, in `weights` order. */
  getWeights(): Tensor[] {
    return this.weights.map((v) => v.value);
  }

  /** Replaces every weight's value; counts and shapes are checked. */
  setWeights(values: readonly Tensor[]): void {
    const ws = this.weights;
    if (values.length !== ws.length) {
      throw new ValueError(`Layer '${this.name}': setWeights expects ${ws.length} weights, received ${values.length}`);
    }
    values.forEach((value, i) => {
      const t = asTensor(value);
      if (!sameShape(t.shape, ws[i].shape)) {
        throw new ShapeError(
          `Layer '${this.name}': weight ${i} ('${ws[i].name}') has shape ${formatShape(ws[i].shape)}, received shape ${formatShape(t.shape)}`,
        );
      }
      ws[i].assign(t.dtype === ws[i].dtype ? t : asTensor(t, ws[i].dtype));
    });
  }

  /** Regularization penalties: activity penalties of the last call, then weight penalties, then sublayers'. */
  get losses(): Tensor[] {
    const weightLosses = this.regularized.map(([v, r]) => r.apply(v.value));
    return [...this.activityLosses, ...weightLosses, ...this.trackedLayers().flatMap((l) => l.losses)];
  }

  /** Number of scalars in all weights; the layer must be built. */
  countParams(): number {
    if (!this.built) {
      throw new ValueError(
        `You tried to call countParams on layer '${this.name}', but the layer isn't built. Call it on an input or build it first.`,
      );
    }
    return this.weights.reduce((n, v) => n + v.value.size, 0);
  }

  /** The Keras config (snake_case keys), as `keras.layers.X.get_config()` writes it. */
  getConfig(): Record<string, unknown> {
    const config: Record<string, unknown> = { name: this.name, trainable: this.trainable, dtype: dtypePolicy(this.dtype) };
    if (this.activityRegularizer) config['activity_regularizer'] = serializeRegularizer(this.activityRegularizer);
    return config;
  }

  /**
   * Keras's `build_config`: `{ input_shape }` once built; layers whose Keras `build` takes several
   * named shapes (MultiHeadAttention) override it to write Keras's `{ shapes_dict }`.
   */
  getBuildConfig(): Record<string, unknown> | null {
    return this.built && this.buildInputShape ? { input_shape: this.buildInputShape } : null;
  }

  /** Builds a layer from its Keras config (snake_case keys; Keras 2's `batch_input_shape` accepted). */
  static fromConfig<T extends Layer>(this: new (args: never) => T, config: Record<string, unknown>): T {
    return new this(argsFromConfig(config) as never);
  }

  toString(): string {
    return `<${this.className} name=${this.name}, built=${this.built}>`;
  }
}

/** The same values as a new tensor object (sharing data), differentiable as the identity. */
function alias(t: Tensor): Tensor {
  return record(new Tensor(t.data, t.shape, t.dtype), [t], (dy) => [dy]);
}
