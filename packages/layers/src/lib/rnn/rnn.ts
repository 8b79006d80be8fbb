import { DType, ShapeError, Tensor, ValueError, formatShape, show, zeros } from '@strata/tensor';
import { serialize as serializeRegularizer } from '@strata/regularizers';
import { InputSpec } from '../engine/input-spec';
import { CallArgs, CallContext, Layer } from '../engine/layer';
import { LayerArgs, argsFromConfig } from '../engine/layer-args';
import { Shape, formatKerasShape, isShapeList } from '../engine/shape';
import { Mask } from '../engine/symbolic-call';
import { SymbolicTensor } from '../engine/symbolic-tensor';
import { layerRegistry } from './lazy-registry';
import { pickConfig } from './cell-args';
import { RNNCell, RNNCellLike, stateSizes } from './rnn-cell';
import { StepFunction, runTimeLoop } from './rnn-loop';
import { StepSlicer } from './time-steps';

/** Options of the recurrent layers (Keras's `RNN` arguments in camelCase). */
export interface RNNLayerArgs extends LayerArgs {
  /** Return the whole output sequence `(batch, time, units)` rather than the last output. Default false. */
  returnSequences?: boolean;
  /** Also return the final states: `applyMulti` gives `[output, ...states]`. Default false. */
  returnState?: boolean;
  /** Process the sequence backwards and return the reversed sequence. Default false. */
  goBackwards?: boolean;
  /** Keep the final states of each call as the initial states of the next (same batch size). Default false. */
  stateful?: boolean;
  /** Accepted for Keras compatibility; the loop is always a plain loop. Default false. */
  unroll?: boolean;
  /** Output zeros (instead of the previous output) at masked steps. Default false. */
  zeroOutputForMask?: boolean;
}

/** Options of `new RNN(...)`. */
export interface RNNArgs extends RNNLayerArgs {
  /** The cell run at each step: an `RNNCell`, or any object with `stateSize` and `call(input, states, training)`. */
  cell: RNNCellLike;
}

function flag(value: unknown, name: string, who: string): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw new ValueError(`${who}: ${name} must be a boolean, received ${name}=${show(value)}`);
  return value;
}

function checkCell(cell: unknown, who: string): RNNCellLike {
  if (typeof cell !== 'object' || cell === null || typeof (cell as RNNCellLike).call !== 'function') {
    throw new ValueError(`${who}: cell must have a call(input, states, training) method, received cell=${show(cell)}`);
  }
  const size = (cell as RNNCellLike).stateSize;
  const sizes = typeof size === 'number' ? [size] : size;
  if (!Array.isArray(sizes) || sizes.length === 0 || sizes.some((d) => !Number.isInteger(d) || d <= 0)) {
    throw new ValueError(`${who}: cell.stateSize must be a positive integer or an array of them, received stateSize=${show(size)}`);
  }
  return cell as RNNCellLike;
}

/**
 * Runs a cell over the time axis of a sequence (`keras.layers.RNN`). The base of `SimpleRNN`,
 * `LSTM` and `GRU`; with a custom cell it is the way to write a new recurrent layer.
 *
 * Input `(batch, time, features)`; output `(batch, units)`, or `(batch, time, units)` with
 * `returnSequences`; with `returnState`, `applyMulti` also returns the final states.
 * Initial states: `layer.apply(x, { initialState: [h, c] })`. A mask (from `Masking` or
 * `Embedding({ maskZero: true })`) makes masked steps keep the previous states.
 *
 * @example
 * const rnn = new RNN({ cell: new LSTMCell({ units: 8 }), returnSequences: true });
 * rnn.apply(zeros([2, 5, 3])).shape; // [2, 5, 8]
 */
export class RNN extends Layer {
  static override readonly className: string = 'RNN';
  readonly cell: RNNCellLike;
  readonly returnSequences: boolean;
  readonly returnState: boolean;
  readonly goBackwards: boolean;
  readonly stateful: boolean;
  readonly unroll: boolean;
  /** Mutable: `Bidirectional` sets it to `returnSequences`, as Keras. */
  zeroOutputForMask: boolean;
  /** The states carried between calls of a stateful layer (`null` before the first build). */
  states: Tensor[] | null = null;

  constructor(args: RNNArgs) {
    super(args);
    const who = this.className;
    this.cell = checkCell(args?.cell, who);
    this.returnSequences = flag(args.returnSequences, 'returnSequences', who);
    this.returnState = flag(args.returnState, 'returnState', who);
    this.goBackwards = flag(args.goBackwards, 'goBackwards', who);
    this.stateful = flag(args.stateful, 'stateful', who);
    this.unroll = flag(args.unroll, 'unroll', who);
    this.zeroOutputForMask = flag(args.zeroOutputForMask, 'zeroOutputForMask', who);
    if (this.cell instanceof Layer) this.trackLayer(this.cell);
    this.supportsMasking = true;
    this.inputSpec = new InputSpec({ minNdim: 3 });
  }

  /** The state sizes of the cell. */
  get stateSize(): number[] {
    return stateSizes(this.cell);
  }

  override applyMulti(inputs: Tensor | Tensor[], args?: CallArgs): Tensor[];
  override applyMulti(inputs: SymbolicTensor | SymbolicTensor[], args?: CallArgs): SymbolicTensor[];
  override applyMulti(inputs: Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[], args: CallArgs = {}): Tensor[] | SymbolicTensor[] {
    const init = args.initialState;
    if (init === undefined || init === null) return super.applyMulti(inputs as Tensor[], args);
    // Initial states travel as extra inputs, so a functional model records them as graph edges.
    const rest: CallArgs = { ...args };
    delete rest.initialState;
    const states = (Array.isArray(init) ? init : [init]) as Tensor[];
    return super.applyMulti([...(Array.isArray(inputs) ? inputs : [inputs]), ...states] as Tensor[], rest);
  }

  /** Only the sequence is checked against `inputSpec`; initial states are checked by `call`. */
  override checkInputs(shapes: Shape[], dtypes: DType[]): void {
    super.checkInputs(shapes.slice(0, 1), dtypes.slice(0, 1));
  }

  override build(inputShape: Shape | Shape[]): void {
    const seq = isShapeList(inputShape) ? inputShape[0] : inputShape;
    const stepShape = [seq[0], ...seq.slice(2)];
    if (this.unroll && seq[1] === null) {
      throw new ValueError(
        `${this.className} '${this.name}': cannot unroll an RNN whose time dimension is undefined, received sequence.shape=${formatKerasShape(seq)}`,
      );
    }
    if (this.cell instanceof Layer) this.cell.maybeBuild(stepShape);
    else this.cell.build?.(stepShape);
    if (this.stateful) {
      if (seq[0] === null) {
        throw new ValueError(
          `${this.className} '${this.name}': when using stateful=true the batch size must be static, ` +
            `found dynamic batch size: sequence.shape=${formatKerasShape(seq)}`,
        );
      }
      this.states = this.initialStates(seq[0]);
    }
  }

  private initialStates(batch: number): Tensor[] {
    return this.cell.getInitialState ? this.cell.getInitialState(batch) : this.stateSize.map((d) => zeros([batch, d]));
  }

  /** Resets the states of a stateful layer to zeros (Keras's `reset_state`). */
  resetStates(): void {
    if (this.states) this.states = this.states.map((s) => zeros(s.shape));
  }

  /** Alias of `resetStates`, Keras 3's name. */
  resetState(): void {
    this.resetStates();
  }

  private startStates(seq: Tensor, given: Tensor[]): Tensor[] {
    const batch = seq.shape[0];
    const sizes = this.stateSize;
    const who = `${this.className} '${this.name}'`;
    if (given.length) {
      if (given.length !== sizes.length) {
        throw new ValueError(`${who}: initialState must hold ${sizes.length} tensor(s), one per state, received ${given.length}`);
      }
      given.forEach((s, i) => {
        if (s.rank !== 2 || s.shape[0] !== batch || s.shape[1] !== sizes[i]) {
          throw new ShapeError(
            `${who}: initial state ${i} must have shape ${formatShape([batch, sizes[i]])}, received shape ${formatShape(s.shape)}`,
          );
        }
      });
      return given;
    }
    if (!this.stateful) return this.initialStates(batch);
    this.states ??= this.initialStates(batch);
    if (this.states[0].shape[0] !== batch) {
      throw new ValueError(
        `${who}: a stateful RNN needs the batch size of its states, expected batch size ${this.states[0].shape[0]}, received ${batch}`,
      );
    }
    return this.states;
  }

  override call(inputs: Tensor | Tensor[], context: CallContext): Tensor | Tensor[] {
    const [seq, ...given] = Array.isArray(inputs) ? inputs : [inputs];
    const mask = (Array.isArray(context.mask) ? context.mask[0] : context.mask) ?? null;
    const [batch, time] = seq.shape;
    if (time === 0) {
      throw new ShapeError(
        `${this.className} '${this.name}': the sequence must have at least one time step, received shape ${formatShape(seq.shape)}`,
      );
    }
    const initial = this.startStates(seq, given);
    const training = context.training;
    const cell = this.cell;
    const runner = cell instanceof RNNCell && seq.rank === 3 ? (cell.sequenceRunner?.(seq, training) ?? null) : null;
    let step: StepFunction;
    if (runner) {
      step = (t, states) => {
        const next = runner.step(t, states);
        return [next[0], next];
      };
    } else {
      const slicer = new StepSlicer(seq);
      step = (t, states) => {
        const [y, next] = cell.call(slicer.slice(t), states, training);
        return [y, Array.isArray(next) ? next : [next]];
      };
    }
    const outputSize = cell.outputSize ?? this.stateSize[0];
    const result = runTimeLoop(step, initial, {
      time, outputShape: [batch, outputSize], goBackwards: this.goBackwards, returnSequences: this.returnSequences,
      zeroOutputForMask: this.zeroOutputForMask, mask,
    });
    const resettable = cell as { resetDropoutMask?: () => void; resetRecurrentDropoutMask?: () => void };
    resettable.resetDropoutMask?.();
    resettable.resetRecurrentDropoutMask?.();
    // Carried values, not graph edges: the next call starts from plain tensors, as Keras assigns variables.
    if (this.stateful) this.states = result.states.map((s) => new Tensor(s.data, s.shape, s.dtype));
    const output = this.returnSequences && result.outputs ? result.outputs : result.last;
    return this.returnState ? [output, ...result.states] : output;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape | Shape[] {
    const seq = isShapeList(inputShape) ? inputShape[0] : inputShape;
    const [batch, time] = seq;
    const outputSize = this.cell.outputSize ?? this.stateSize[0];
    const out = this.returnSequences ? [batch, time, outputSize] : [batch, outputSize];
    return this.returnState ? [out, ...this.stateSize.map((d) => [batch, d])] : out;
  }

  override computeMask(_inputs: Tensor | Tensor[], mask: Mask): Mask {
    const m = (Array.isArray(mask) ? mask[0] : mask) ?? null;
    const out = this.returnSequences ? m : null;
    return this.returnState ? [out, ...this.stateSize.map(() => null)] : out;
  }

  /** The flags every recurrent layer writes, in Keras's order. */
  protected rnnConfig(): Record<string, unknown> {
    return {
      return_sequences: this.returnSequences,
      return_state: this.returnState,
      go_backwards: this.goBackwards,
      stateful: this.stateful,
      unroll: this.unroll,
      zero_output_for_mask: this.zeroOutputForMask,
    };
  }

  override getConfig(): Record<string, unknown> {
    if (!(this.cell instanceof Layer)) {
      throw new ValueError(`${this.className} '${this.name}': only a cell that is a Layer can be serialized, received cell=${show(this.cell)}`);
    }
    return { ...super.getConfig(), ...this.rnnConfig(), cell: layerRegistry().serialize(this.cell) };
  }

  /**
   * @internal The config of a layer that builds its own cell (`LSTM`, `GRU`, `SimpleRNN`): no
   * `cell` key; the cell's arguments inline, in `keys` order, with `activity_regularizer` among them.
   */
  protected inlineCellConfig(entries: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
    const base = super.getConfig();
    delete base['activity_regularizer'];
    const activity = this.activityRegularizer ? serializeRegularizer(this.activityRegularizer) : null;
    return { ...base, ...this.rnnConfig(), ...pickConfig({ ...entries, activity_regularizer: activity }, keys) };
  }

  /** Builds the layer from its Keras config, deserializing the `cell` config through the layers registry. */
  static override fromConfig<T extends Layer>(this: new (args: never) => T, config: Record<string, unknown>): T {
    const { cell, ...rest } = config;
    const args = argsFromConfig(rest);
    if (cell !== undefined) {
      args['cell'] = cell instanceof Layer || typeof cell !== 'object' ? cell : layerRegistry().deserialize(cell as never);
    }
    return new this(args as never);
  }
}
