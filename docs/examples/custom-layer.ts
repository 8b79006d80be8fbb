// Mirrors the custom layer of docs/writing-layers.md.
import { Tensor, Variable, add, mul, tensor } from '@strata/tensor';
import { Initializer, get as getInitializer, serialize as serializeInitializer } from '@strata/initializers';
import { InputSpec, Layer, LayerArgs, Shape, deserialize, registerSerializable, serialize } from '@strata/layers';
import { checkLayerContract } from '@strata/layers/testing';
import { Sequential, modelFromJSON } from '@strata/models';

/** Options of `new ScaleShift(...)`: Keras's argument names, camelCase. */
export interface ScaleShiftArgs extends LayerArgs {
  /** Initializer of the scale (default `'ones'`). */
  scaleInitializer?: unknown;
  /** Whether to learn a shift too (default true). */
  center?: boolean;
}

/**
 * A learned per-feature affine map: `y = x * scale + shift`.
 *
 * Input `[batch, ..., features]` (at least rank 2), output the same shape.
 *
 * @example
 * new ScaleShift().apply(tensor([[1, 2]])); // [[1, 2]] (scale 1, shift 0)
 */
export class ScaleShift extends Layer {
  static override readonly className: string = 'ScaleShift';
  readonly scaleInitializer: Initializer;
  readonly center: boolean;
  scale!: Variable;
  shift: Variable | null = null;

  constructor(args: ScaleShiftArgs = {}) {
    super(args); // name, trainable, dtype, inputShape, activityRegularizer
    this.scaleInitializer = getInitializer((args.scaleInitializer ?? 'ones') as never);
    this.center = args.center ?? true;
    this.inputSpec = new InputSpec({ minNdim: 2 });
  }

  override build(inputShape: Shape): void {
    const features = inputShape[inputShape.length - 1] as number;
    this.scale = this.addWeight({ name: 'scale', shape: [features], initializer: this.scaleInitializer });
    if (this.center) this.shift = this.addWeight({ name: 'shift', shape: [features], initializer: 'zeros' });
    // From now on, inputs must keep this feature size.
    this.inputSpec = new InputSpec({ minNdim: 2, axes: { [-1]: features } });
  }

  override call(x: Tensor): Tensor {
    const scaled = mul(x, this.scale.value);
    return this.shift ? add(scaled, this.shift.value) : scaled;
  }

  override computeOutputShape(inputShape: Shape): Shape {
    return inputShape;
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      scale_initializer: serializeInitializer(this.scaleInitializer),
      center: this.center,
    };
  }
}

export function customLayerExample(): Record<string, unknown> {
  // Register once, in the plugin's entry point: Keras 3's registered_name is 'my-pkg>ScaleShift'.
  const registeredName = registerSerializable(ScaleShift, { package: 'my-pkg' });

  const layer = new ScaleShift({ scaleInitializer: { class_name: 'Constant', config: { value: 2 } } });
  const y = layer.apply(tensor([[1, 2], [3, 4]])); // [[2, 4], [6, 8]]

  // The contract every layer passes (put it in the plugin's tests).
  checkLayerContract(() => new ScaleShift(), { inputShape: [2, 3], weights: 2, trainableWeights: 2, wrongRankShape: [3] });

  // Layer JSON and model JSON round trips find the class through the registry.
  const json = serialize(layer);
  const copy = deserialize(json) as ScaleShift; // built from build_config, fresh weights
  copy.setWeights(layer.getWeights());

  const model = new Sequential({ layers: [new ScaleShift({ inputShape: [3], center: false })] });
  const restored = modelFromJSON(JSON.stringify(model));

  return {
    registeredName,
    y: y.toArray(),
    registered: json.registered_name, // 'my-pkg>ScaleShift'
    copy: copy.apply(tensor([[1, 2]])).toArray(), // [[2, 4]]
    restored: restored.layers[0].className, // 'ScaleShift'
  };
}
