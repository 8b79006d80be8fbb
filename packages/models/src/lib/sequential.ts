import { CallContext, InputLayer, Layer, LayerArgs, Shape, SymbolicTensor } from '@strata/layers';
import { Tensor, ValueError, show } from '@strata/tensor';
import { Graph } from './graph';
import { Model } from './model';

/** Options of `new Sequential(...)`. */
export interface SequentialArgs extends Pick<LayerArgs, 'name' | 'trainable'> {
  layers?: (Layer | SymbolicTensor)[];
}

/**
 * A plain stack of layers, each with one input and one output (`keras.Sequential`). It builds as
 * soon as the input shape is known — from an `input()`, an `InputLayer`, or the first layer's
 * `inputShape` — and otherwise on the first call.
 *
 * @example
 * const model = new Sequential({ layers: [
 *   new Dense({ units: 32, inputShape: [16], activation: 'relu' }),
 *   new Dense({ units: 10, activation: 'softmax' }),
 * ] });
 */
export class Sequential extends Model {
  static override readonly className: string = 'Sequential';
  private stack: Layer[] = [];
  private inputLayer: InputLayer | null = null;

  constructor(args: SequentialArgs = {}) {
    super({ name: args.name, trainable: args.trainable });
    this.built = false;
    for (const l of args.layers ?? []) this.add(l);
  }

  /** The layers, without the InputLayer (as Keras 3). */
  override get layers(): Layer[] {
    return [...this.stack];
  }

  /** One output, named after the last layer (known before the model is built). */
  override get outputLayerNames(): string[] {
    return this.graph ? super.outputLayerNames : [this.stack[this.stack.length - 1]?.name ?? 'output'];
  }

  protected override trackedLayers(): readonly Layer[] {
    return this.stack;
  }

  /** Appends a layer (or an `input()` tensor / InputLayer as the first element). */
  add(layer: Layer | SymbolicTensor): void {
    if (layer instanceof SymbolicTensor) {
      if (!(layer.node?.layer instanceof InputLayer)) {
        throw new ValueError(`Sequential.add: a SymbolicTensor must come from input(), received ${String(layer)}`);
      }
      layer = layer.node.layer;
    }
    if (!(layer instanceof Layer)) throw new ValueError(`Sequential.add: expected a Layer, received ${show(layer)}`);
    if (layer instanceof InputLayer) {
      if (this.inputLayer || this.stack.length) {
        throw new ValueError(`Sequential '${this.name}': an InputLayer may only come first`);
      }
      this.inputLayer = layer;
    } else {
      if (this.stack.some((l) => l.name === layer.name)) {
        throw new ValueError(`Sequential '${this.name}': all layers must have unique names, '${layer.name}' is already there`);
      }
      if (!this.inputLayer && this.stack.length === 0 && layer.batchInputShape) {
        this.inputLayer = new InputLayer({ batchShape: layer.batchInputShape });
      }
      this.stack.push(layer);
    }
    this.rebuild();
  }

  /** Removes the last layer. */
  pop(): Layer {
    const l = this.stack.pop();
    if (!l) throw new ValueError(`Sequential '${this.name}': there are no layers to pop`);
    this.rebuild();
    return l;
  }

  private rebuild(): void {
    this.graph = null;
    this.built = false;
    if (this.inputLayer && this.stack.length) this.buildFrom(this.inputLayer);
  }

  private buildFrom(inputLayer: InputLayer): void {
    let x: SymbolicTensor = inputLayer.output;
    for (const layer of this.stack) {
      const out = layer.applyMulti(x);
      if (out.length !== 1) {
        throw new ValueError(`Sequential '${this.name}': layer '${layer.name}' has ${out.length} outputs; Sequential layers need exactly one`);
      }
      x = out[0];
    }
    this.initGraph(inputLayer.output, x);
  }

  /** Builds for inputs of `inputShape` (batch axis included) when no input shape was given. */
  override build(inputShape: Shape | Shape[]): void {
    if (this.graph) return;
    if (!this.stack.length) throw new ValueError(`Sequential '${this.name}' has no layers: add() some before calling it`);
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as Shape;
    this.inputLayer = new InputLayer({ batchShape: [null, ...shape.slice(1)] });
    this.buildFrom(this.inputLayer);
  }

  protected override ensureGraph(inputs: Tensor[]): Graph {
    if (!this.graph) this.build(inputs[0].shape);
    return this.graph!;
  }

  override call(inputs: Tensor | Tensor[], context: CallContext): Tensor | Tensor[] {
    return super.call(inputs, context);
  }
}
