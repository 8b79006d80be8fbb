import { CallContext, InputLayer, Layer, LayerArgs, Shape, SymbolicTensor, setMask } from '@strata/layers';
import { ShapeError, Tensor, ValueError, formatShape, show } from '@strata/tensor';
import { Graph, mapGraph } from './graph';
import { modelToJSON } from './to-json';
import { SummaryOptions, summaryText } from './summary';
import type { History } from './callbacks/history';
import type { Logs } from './callbacks/callback';
import { CompileArgs, Compiled, resolveCompile } from './training/compile';
import { DataLike, toTensors } from './training/data';
import { EvaluateArgs, FitArgs, evaluateTensors, fit, modelData, predictTensors } from './training/fit';
import { LossTracker, collectLogs, testStep, trainStep } from './training/step';

/** Inputs or outputs of a functional model: one tensor, a list, or named tensors. */
export type TensorStructure = SymbolicTensor | SymbolicTensor[] | Record<string, SymbolicTensor>;

/** Options of `new Model(...)`. */
export interface ModelArgs extends Pick<LayerArgs, 'name' | 'trainable'> {
  inputs: TensorStructure;
  outputs: TensorStructure;
}

function flattenStructure(s: TensorStructure): { list: SymbolicTensor[]; names: string[] | null; isList: boolean } {
  if (s instanceof SymbolicTensor) return { list: [s], names: null, isList: false };
  if (Array.isArray(s)) return { list: s, names: null, isList: true };
  const names = Object.keys(s);
  return { list: names.map((n) => s[n]), names, isList: true };
}

/**
 * A functional model (`keras.Model(inputs, outputs)`): any directed acyclic graph of layers with
 * one or several inputs and outputs, shared layers and nested models. A model is itself a layer.
 *
 * @example
 * const x = input({ shape: [16] });
 * const h = new Dense({ units: 8, activation: 'relu' }).apply(x);
 * const model = new Model({ inputs: x, outputs: new Dense({ units: 1 }).apply(h) });
 * model.predict(zeros([4, 16])); // shape [4, 1]
 */
export class Model extends Layer {
  static override readonly className: string = 'Functional';
  inputs: SymbolicTensor[] = [];
  outputs: SymbolicTensor[] = [];
  /** Names of named inputs/outputs (when given as objects), else null. */
  inputNames: string[] | null = null;
  outputNames: string[] | null = null;
  protected inputsAreList = false;
  protected outputsAreList = false;
  protected graph: Graph | null = null;

  /** Whether inputs/outputs were given as a list (or names) rather than one tensor; shapes the JSON and `predict`'s result. */
  get inputsAreListed(): boolean {
    return this.inputsAreList;
  }

  get outputsAreListed(): boolean {
    return this.outputsAreList;
  }
  /** Set by `compile`. */
  compiled: Compiled | null = null;
  /** Set to true (by a callback, say) to stop `fit` after the current batch. */
  stopTraining = false;

  constructor(args: ModelArgs | (Pick<LayerArgs, 'name' | 'trainable'> & { inputs?: undefined; outputs?: undefined }) = {}) {
    super({ name: args.name, trainable: args.trainable });
    if (args.inputs !== undefined || args.outputs !== undefined) {
      if (!args.inputs || !args.outputs) {
        throw new ValueError(`Model: pass both inputs and outputs, received only one of them`);
      }
      this.initGraph(args.inputs, args.outputs);
    }
  }

  /** Sets the graph from symbolic inputs and outputs (also used by `Sequential` once it can build). */
  protected initGraph(inputs: TensorStructure, outputs: TensorStructure): void {
    const ins = flattenStructure(inputs);
    const outs = flattenStructure(outputs);
    for (const t of ins.list) {
      if (!(t instanceof SymbolicTensor) || !(t.node?.layer instanceof InputLayer)) {
        throw new ValueError(`Model '${this.name}': inputs must come from input(), received ${String(t)}`);
      }
    }
    this.graph = mapGraph(ins.list, outs.list, `Model '${this.name}'`);
    this.inputs = ins.list;
    this.outputs = outs.list;
    this.inputNames = ins.names;
    this.outputNames = outs.names;
    this.inputsAreList = ins.isList;
    this.outputsAreList = outs.isList;
    this.built = true;
    this.buildInputShape = ins.isList ? ins.list.map((t) => t.shape) : ins.list[0].shape;
  }

  /** The model's layers in Keras's order (InputLayers included for functional models, as Keras 3). */
  get layers(): Layer[] {
    return this.graph ? [...this.graph.layers] : [];
  }

  protected override trackedLayers(): readonly Layer[] {
    return this.layers.filter((l) => !(l instanceof InputLayer));
  }

  /** A layer by name or by index in `layers`. */
  getLayer(nameOrIndex: string | number): Layer {
    const layers = this.layers;
    if (typeof nameOrIndex === 'number') {
      const l = layers[nameOrIndex];
      if (!l) throw new ValueError(`Model '${this.name}': layer index ${nameOrIndex} is out of range (${layers.length} layers)`);
      return l;
    }
    const l = layers.find((x) => x.name === nameOrIndex);
    if (!l) {
      throw new ValueError(`Model '${this.name}': no layer named ${show(nameOrIndex)}. Layers: ${layers.map((x) => x.name).join(', ')}`);
    }
    return l;
  }

  /** @internal The graph, building it first when the model defers that (Sequential). */
  protected ensureGraph(_inputs: Tensor[]): Graph {
    if (!this.graph) throw new ValueError(`Model '${this.name}' has no graph: construct it with inputs and outputs`);
    return this.graph;
  }

  override call(inputs: Tensor | Tensor[], context: CallContext): Tensor | Tensor[] {
    const xs = Array.isArray(inputs) ? inputs : [inputs];
    const graph = this.ensureGraph(xs);
    if (xs.length !== this.inputs.length) {
      throw new ValueError(`Model '${this.name}' expects ${this.inputs.length} input(s), received ${xs.length}`);
    }
    const values = new Map<SymbolicTensor, Tensor>();
    const masks = Array.isArray(context.mask) ? context.mask : [context.mask];
    this.inputs.forEach((sym, i) => {
      const x = xs[i];
      if (x.rank !== sym.rank || sym.shape.some((d, k) => d !== null && d !== x.shape[k])) {
        throw new ShapeError(
          `Model '${this.name}': input ${i} ('${sym.name}') expects shape ${formatShape(sym.shape.map((d) => d ?? -1))} (-1: any), received shape ${formatShape(x.shape)}`,
        );
      }
      if (masks[i]) setMask(x, masks[i]);
      values.set(sym, x);
    });
    for (const node of graph.nodes) {
      if (node.inputs.length === 0) continue;
      const args = node.inputs.map((t) => values.get(t)!);
      const outs = node.layer.applyMulti(node.inputIsList ? args : args[0], { ...node.callArgs, training: context.training });
      node.outputs.forEach((t, i) => values.set(t, outs[i]));
    }
    const outs = this.outputs.map((t) => values.get(t)!);
    return this.outputsAreList ? outs : outs[0];
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape | Shape[] {
    const first = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as Shape;
    const shapes = this.outputs.map((t) => [first[0] ?? null, ...t.shape.slice(1)]);
    return this.outputsAreList ? shapes : shapes[0];
  }

  /** Output names: the named outputs, else the producing layers' names (as Keras). */
  get outputLayerNames(): string[] {
    return this.outputNames ?? this.outputs.map((t) => t.node!.layer.name);
  }

  /**
   * Configures training (`model.compile`).
   * @example model.compile({ optimizer: 'adam', loss: 'sparse_categorical_crossentropy', metrics: ['accuracy'] });
   */
  compile(args: CompileArgs = {}): void {
    this.compiled = resolveCompile(args, this.outputLayerNames);
  }

  private requireCompiled(who: string): Compiled {
    if (!this.compiled) throw new ValueError(`${who}: you must call compile() on model '${this.name}' first`);
    return this.compiled;
  }

  /**
   * Trains for `epochs` epochs (`model.fit`); resolves to the `History` of per-epoch logs.
   * @example const h = await model.fit(x, y, { epochs: 5, batchSize: 32, validationSplit: 0.2 });
   */
  async fit(x: DataLike, y: DataLike, args: FitArgs = {}): Promise<History> {
    return fit(this, this.requireCompiled('fit'), x, y, args);
  }

  /** Loss and metrics on data (`model.evaluate`), as `{ loss, ...metrics }`. */
  evaluate(x: DataLike, y: DataLike, args: EvaluateArgs = {}): Logs {
    const compiled = this.requireCompiled('evaluate');
    const { xs, ys } = modelData(this, x, y);
    const sw = args.sampleWeight === undefined ? undefined : toTensors(args.sampleWeight, null, 1, 'sampleWeight')[0];
    return evaluateTensors(this, compiled, xs, ys, args.batchSize ?? 32, sw);
  }

  /** Outputs in batches (`model.predict`): a Tensor, or one per output for several outputs. */
  predict(x: DataLike, args: { batchSize?: number } = {}): Tensor | Tensor[] {
    const outs = predictTensors(this, modelData(this, x, undefined).xs, args.batchSize ?? 32);
    return this.outputsAreList ? outs : outs[0];
  }

  /** One training step on one batch; returns `{ loss, ...metrics }` for that batch. */
  trainOnBatch(x: DataLike, y: DataLike, sampleWeight?: DataLike): Logs {
    const compiled = this.requireCompiled('trainOnBatch');
    const { xs, ys } = modelData(this, x, y);
    const tracker = new LossTracker();
    compiled.metrics?.flat().forEach((m) => m.resetState());
    trainStep(this, compiled, xs, ys, tracker, sampleWeight === undefined ? undefined : toTensors(sampleWeight, null, 1, 'sampleWeight')[0]);
    return collectLogs(tracker, compiled.metrics);
  }

  /** Loss and metrics on one batch, without training. */
  testOnBatch(x: DataLike, y: DataLike, sampleWeight?: DataLike): Logs {
    const compiled = this.requireCompiled('testOnBatch');
    const { xs, ys } = modelData(this, x, y);
    const tracker = new LossTracker();
    compiled.metrics?.flat().forEach((m) => m.resetState());
    testStep(this, compiled, xs, ys, tracker, sampleWeight === undefined ? undefined : toTensors(sampleWeight, null, 1, 'sampleWeight')[0]);
    return collectLogs(tracker, compiled.metrics);
  }

  /** Outputs for one batch. */
  predictOnBatch(x: DataLike): Tensor | Tensor[] {
    return this.predict(x, { batchSize: Number.MAX_SAFE_INTEGER });
  }

  /** Prints Keras's summary table: layers, output shapes, parameter counts (and connections for graphs). */
  summary(options: SummaryOptions = {}): void {
    const g = globalThis as unknown as { console: { log(s: string): void } };
    const text = summaryText(this, this.graph?.nodes ?? [], this.className === 'Sequential', options);
    (options.printFn ?? ((t: string) => g.console.log(t)))(text);
  }

  /** Keras 3 model JSON (what `model.to_json()` writes, as an object); `JSON.stringify(model)` uses it. */
  toJSON(): Record<string, unknown> {
    return modelToJSON(this);
  }

  override getConfig(): Record<string, unknown> {
    return modelToJSON(this)['config'] as Record<string, unknown>;
  }

  /** Builds a functional model from its Keras config (`Model.from_config`). */
  static override fromConfig<T extends Layer>(this: new (args: never) => T, config: Record<string, unknown>): T {
    // Loaded lazily: from-json imports this module (and Sequential, which extends Model).
    const { modelFromJSON } = requireLazily('./from-json') as typeof import('./from-json');
    const className = (this as unknown as { className: string }).className;
    return modelFromJSON({ class_name: className === 'Sequential' ? 'Sequential' : 'Functional', config }) as unknown as T;
  }
}

// The package compiles to CommonJS; its lib typings have no Node `require`, so declare the one use.
declare const require: (id: string) => unknown;
function requireLazily(id: string): unknown {
  return require(id);
}
