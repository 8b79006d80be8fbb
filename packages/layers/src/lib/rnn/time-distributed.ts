import { Tensor, ValueError, formatShape, reshape, show } from '@strata/tensor';
import { InputSpec } from '../engine/input-spec';
import { CallContext, Layer } from '../engine/layer';
import { LayerArgs, argsFromConfig } from '../engine/layer-args';
import { Shape, singleShape } from '../engine/shape';
import { layerRegistry } from './lazy-registry';

/** Options of `new TimeDistributed(...)`. */
export interface TimeDistributedArgs extends LayerArgs {
  /** The layer applied to every time step (its weights are shared by all steps). */
  layer: Layer;
}

/**
 * Applies a layer to every temporal slice of a sequence (`keras.layers.TimeDistributed`):
 * `output[:, t] = layer(input[:, t])`. The time axis is folded into the batch, so the inner
 * layer runs once on `(batch * time, ...)` and the result is unfolded again. The inner layer is
 * built for `(batch, ...)` and receives the mask of each step; the input mask passes through.
 *
 * Input `(batch, time, ...)` (rank ≥ 3); output `(batch, time, ...innerOutput)`.
 *
 * @example
 * const td = new TimeDistributed({ layer: new Dense({ units: 8 }) });
 * td.apply(zeros([2, 10, 16])).shape; // [2, 10, 8]
 */
export class TimeDistributed extends Layer {
  static override readonly className: string = 'TimeDistributed';
  readonly layer: Layer;

  constructor(args: TimeDistributedArgs) {
    super(args);
    const layer = args?.layer;
    if (!(layer instanceof Layer)) {
      throw new ValueError(`TimeDistributed: layer must be a Layer instance, received layer=${show(layer)}`);
    }
    this.layer = this.trackLayer(layer);
    this.supportsMasking = true;
    this.inputSpec = new InputSpec({ minNdim: 3 });
  }

  override build(inputShape: Shape | Shape[]): void {
    const s = singleShape(inputShape, this.name);
    this.layer.maybeBuild([s[0], ...s.slice(2)]);
  }

  override call(x: Tensor, context: CallContext): Tensor {
    const [batch, time, ...rest] = x.shape;
    const mask = (Array.isArray(context.mask) ? context.mask[0] : context.mask) ?? null;
    if (mask && (mask.rank < 2 || mask.shape[0] !== batch || mask.shape[1] !== time)) {
      throw new ValueError(
        `TimeDistributed '${this.name}': the mask must start with the input's (batch, time) = (${batch}, ${time}), ` +
          `received mask shape ${formatShape(mask.shape)}`,
      );
    }
    const innerMask = mask ? reshape(mask, [batch * time, ...mask.shape.slice(2)]) : null;
    // As Keras, the inner layer's own `call` runs (no second round of input checks).
    const y = this.layer.call(reshape(x, [batch * time, ...rest]), { ...context, mask: innerMask });
    if (Array.isArray(y)) {
      throw new ValueError(`TimeDistributed '${this.name}': the inner layer must return one tensor, received ${y.length}`);
    }
    return reshape(y, [batch, time, ...y.shape.slice(1)]);
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const s = singleShape(inputShape, this.name);
    const child = this.layer.computeOutputShape([s[0], ...s.slice(2)]) as Shape;
    return [child[0], s[1], ...child.slice(1)];
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), layer: layerRegistry().serialize(this.layer) };
  }

  /** Builds the wrapper from its Keras config, deserializing the inner layer through the layers registry. */
  static override fromConfig<T extends Layer>(this: new (args: never) => T, config: Record<string, unknown>): T {
    const { layer, ...rest } = config;
    const args = argsFromConfig(rest);
    args['layer'] = layer instanceof Layer ? layer : layerRegistry().deserialize(layer as never);
    return new this(args as never);
  }
}
