import { DType, Tensor, ValueError, add, concat, div, flip, mul, show } from '@strata/tensor';
import { CallArgs, CallContext, Layer } from '../engine/layer';
import { LayerArgs, argsFromConfig } from '../engine/layer-args';
import { Shape, isShapeList } from '../engine/shape';
import { Mask } from '../engine/symbolic-call';
import { SymbolicTensor } from '../engine/symbolic-tensor';
import { layerRegistry } from './lazy-registry';

/** How `Bidirectional` combines the two directions' outputs; `null` returns both. */
export type MergeMode = 'concat' | 'sum' | 'mul' | 'ave' | null;

/** What `Bidirectional` needs of a recurrent layer (every `RNN` has it). */
export type RecurrentLayer = Layer & {
  readonly goBackwards: boolean;
  readonly returnSequences: boolean;
  readonly returnState: boolean;
  readonly stateful: boolean;
  zeroOutputForMask?: boolean;
  readonly stateSize?: readonly number[];
  resetStates?(): void;
};

/** Options of `new Bidirectional(...)`: Keras's arguments in camelCase. */
export interface BidirectionalArgs extends LayerArgs {
  /** The recurrent layer; the forward layer is a fresh copy made from its config. */
  layer: RecurrentLayer;
  /** Default `'concat'`. */
  mergeMode?: MergeMode;
  /** The backward layer (used as given); default: a copy of `layer` with `goBackwards` flipped. */
  backwardLayer?: RecurrentLayer;
}

const MERGE_MODES: readonly MergeMode[] = ['concat', 'sum', 'mul', 'ave', null];

function describe(x: unknown): string {
  return x instanceof Layer ? `${x.className} '${x.name}'` : show(x);
}

function checkRecurrent(x: unknown, name: string): RecurrentLayer {
  const r = x as RecurrentLayer;
  if (!(x instanceof Layer) || typeof r.goBackwards !== 'boolean' || typeof r.returnSequences !== 'boolean' || typeof r.returnState !== 'boolean') {
    throw new ValueError(`Bidirectional: ${name} must be a recurrent layer (an RNN such as LSTM, GRU or SimpleRNN), received ${name}=${describe(x)}`);
  }
  return r;
}

/** A copy of `layer` from its config, renamed `<prefix>_<name>`, with `overrides` applied. */
function copyOf(layer: RecurrentLayer, prefix: string, overrides: Record<string, unknown> = {}): RecurrentLayer {
  const reg = layerRegistry();
  const json = reg.serialize(layer);
  const base = layer.name.startsWith(`${prefix}_`) ? layer.name.slice(prefix.length + 1) : layer.name;
  json.config = { ...json.config, ...overrides, name: `${prefix}_${base}` };
  return reg.deserialize(json) as RecurrentLayer;
}

/**
 * Runs a recurrent layer over the sequence in both directions and merges the two outputs
 * (`keras.layers.Bidirectional`): `concat` (default) along the last axis, `sum`, `mul`, `ave`, or
 * `null` for both outputs. With `returnSequences` the backward outputs are flipped back into the
 * input's time order first. Weights: the forward layer's, then the backward layer's.
 *
 * Input `(batch, time, features)`; output `(batch, [time,] 2 * units)` for `concat`, else
 * `(batch, [time,] units)`; with `returnState`, `applyMulti` also returns the forward then the
 * backward final states. `initialState` takes the forward states then the backward ones.
 *
 * @example
 * const bi = new Bidirectional({ layer: new LSTM({ units: 8, returnSequences: true }) });
 * bi.apply(zeros([2, 5, 3])).shape; // [2, 5, 16]
 */
export class Bidirectional extends Layer {
  static override readonly className: string = 'Bidirectional';
  readonly forwardLayer: RecurrentLayer;
  readonly backwardLayer: RecurrentLayer;
  readonly mergeMode: MergeMode;
  readonly returnSequences: boolean;
  readonly returnState: boolean;
  readonly stateful: boolean;

  constructor(args: BidirectionalArgs) {
    super(args);
    const layer = checkRecurrent(args?.layer, 'layer');
    const given = args.backwardLayer === undefined || args.backwardLayer === null ? null : checkRecurrent(args.backwardLayer, 'backwardLayer');
    const mode = args.mergeMode === undefined ? 'concat' : args.mergeMode;
    if (!MERGE_MODES.includes(mode)) {
      throw new ValueError(`Bidirectional: mergeMode must be one of 'concat', 'sum', 'mul', 'ave' or null, received mergeMode=${show(mode)}`);
    }
    this.mergeMode = mode;
    this.forwardLayer = this.trackLayer(copyOf(layer, 'forward'));
    this.backwardLayer = this.trackLayer(given ?? copyOf(layer, 'backward', { go_backwards: true }));
    this.verify();
    // As Keras: masked steps of a returned sequence output zeros in both directions.
    for (const l of [this.forwardLayer, this.backwardLayer]) {
      if (typeof l.zeroOutputForMask === 'boolean') l.zeroOutputForMask = l.returnSequences;
    }
    this.returnSequences = layer.returnSequences;
    this.returnState = layer.returnState;
    this.stateful = layer.stateful;
    this.supportsMasking = true;
    this.inputSpec = layer.inputSpec;
  }

  private verify(): void {
    const f = this.forwardLayer;
    const b = this.backwardLayer;
    if (f.goBackwards === b.goBackwards) {
      throw new ValueError(
        'Bidirectional: the forward and backward layers must have different goBackwards values, ' +
          `received forward goBackwards=${f.goBackwards} and backward goBackwards=${b.goBackwards}`,
      );
    }
    for (const key of ['stateful', 'returnSequences', 'returnState'] as const) {
      if (f[key] !== b[key]) {
        throw new ValueError(
          `Bidirectional: the forward and backward layers must have the same ${key}, received ${f[key]} (forward) and ${b[key]} (backward)`,
        );
      }
    }
  }

  override applyMulti(inputs: Tensor | Tensor[], args?: CallArgs): Tensor[];
  override applyMulti(inputs: SymbolicTensor | SymbolicTensor[], args?: CallArgs): SymbolicTensor[];
  override applyMulti(inputs: Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[], args: CallArgs = {}): Tensor[] | SymbolicTensor[] {
    const init = args.initialState;
    if (init === undefined || init === null) return super.applyMulti(inputs as Tensor[], args);
    const rest: CallArgs = { ...args };
    delete rest.initialState;
    const states = (Array.isArray(init) ? init : [init]) as Tensor[];
    return super.applyMulti([...(Array.isArray(inputs) ? inputs : [inputs]), ...states] as Tensor[], rest);
  }

  override checkInputs(shapes: Shape[], dtypes: DType[]): void {
    super.checkInputs(shapes.slice(0, 1), dtypes.slice(0, 1));
  }

  override build(inputShape: Shape | Shape[]): void {
    const seq = isShapeList(inputShape) ? inputShape[0] : inputShape;
    this.forwardLayer.maybeBuild(seq);
    this.backwardLayer.maybeBuild(seq);
  }

  override call(inputs: Tensor | Tensor[], context: CallContext): Tensor | Tensor[] {
    const [seq, ...init] = Array.isArray(inputs) ? inputs : [inputs];
    if (init.length % 2 !== 0) {
      throw new ValueError(
        `Bidirectional '${this.name}': initialState must hold the forward states then as many backward states, received ${init.length} tensors`,
      );
    }
    const mask = (Array.isArray(context.mask) ? context.mask[0] : context.mask) ?? null;
    const half = init.length / 2;
    const argsFor = (states: Tensor[]): CallArgs => ({ training: context.training, mask, ...(states.length ? { initialState: states } : {}) });
    const [y, ...forwardStates] = this.forwardLayer.applyMulti(seq, argsFor(init.slice(0, half)));
    const [yr, ...backwardStates] = this.backwardLayer.applyMulti(seq, argsFor(init.slice(half)));
    const yRev = this.returnSequences ? flip(yr, 1) : yr;
    const states = [...forwardStates, ...backwardStates];
    const merged = this.merge(y, yRev);
    return [...merged, ...states].length === 1 ? merged[0] : [...merged, ...states];
  }

  private merge(y: Tensor, yRev: Tensor): Tensor[] {
    switch (this.mergeMode) {
      case 'concat':
        return [concat([y, yRev], -1)];
      case 'sum':
        return [add(y, yRev)];
      case 'ave':
        return [div(add(y, yRev), 2)];
      case 'mul':
        return [mul(y, yRev)];
      default:
        return [y, yRev];
    }
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape | Shape[] {
    const seq = isShapeList(inputShape) ? inputShape[0] : inputShape;
    const inner = this.forwardLayer.computeOutputShape(seq);
    const [out, ...stateShapes] = (this.returnState ? inner : [inner]) as Shape[];
    let merged: Shape[] = [out];
    if (this.mergeMode === 'concat') {
      const last = out[out.length - 1];
      merged = [[...out.slice(0, -1), last === null ? null : last * 2]];
    } else if (this.mergeMode === null) {
      merged = [out, [...out]];
    }
    const all = [...merged, ...stateShapes, ...stateShapes.map((s) => [...s])];
    return all.length === 1 ? all[0] : all;
  }

  override computeMask(_inputs: Tensor | Tensor[], mask: Mask): Mask {
    const m = (Array.isArray(mask) ? mask[0] : mask) ?? null;
    const out = this.returnSequences ? m : null;
    const outputs = this.mergeMode === null ? [out, out] : [out];
    if (!this.returnState) return outputs.length === 1 ? outputs[0] : outputs;
    const stateCount = this.forwardLayer.stateSize?.length ?? 0;
    return [...outputs, ...Array.from({ length: 2 * stateCount }, () => null)];
  }

  /** Resets both directions' states (the layer must be stateful). */
  resetStates(): void {
    if (!this.stateful) throw new ValueError(`Bidirectional '${this.name}': resetStates needs a stateful layer, received stateful=false`);
    this.forwardLayer.resetStates?.();
    this.backwardLayer.resetStates?.();
  }

  override getConfig(): Record<string, unknown> {
    const reg = layerRegistry();
    return {
      ...super.getConfig(),
      merge_mode: this.mergeMode,
      layer: reg.serialize(this.forwardLayer),
      backward_layer: reg.serialize(this.backwardLayer),
    };
  }

  /** Builds the wrapper from its Keras config, deserializing both layers through the layers registry. */
  static override fromConfig<T extends Layer>(this: new (args: never) => T, config: Record<string, unknown>): T {
    const { layer, backward_layer: backward, ...rest } = config;
    const reg = layerRegistry();
    const args = argsFromConfig(rest);
    args['layer'] = layer instanceof Layer ? layer : reg.deserialize(layer as never);
    if (backward !== undefined && backward !== null) {
      args['backwardLayer'] = backward instanceof Layer ? backward : reg.deserialize(backward as never);
    }
    return new this(args as never);
  }
}
