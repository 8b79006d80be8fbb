import { L1L2, validateFloatArg } from '@strata/regularizers';
import { Tensor } from '@strata/tensor';
import { Layer } from '../engine/layer';
import { LayerArgs } from '../engine/layer-args';
import { Shape, singleShape } from '../engine/shape';

/** Options of `new ActivityRegularization(...)`; the regularizer is fixed by `l1` and `l2`. */
export interface ActivityRegularizationArgs extends Omit<LayerArgs, 'activityRegularizer'> {
  /** L1 factor, a non-negative number; default 0. */
  l1?: number;
  /** L2 factor, a non-negative number; default 0. */
  l2?: number;
}

/**
 * Passes its input through and adds an activity penalty to `layer.losses`
 * (`keras.layers.ActivityRegularization`): `(l1 * sum(|y|) + l2 * sum(y^2)) / batchSize` per call,
 * with `y = x`.
 *
 * Input: any shape. Output: the same shape. No weights; masks pass through.
 *
 * @example
 * const reg = new ActivityRegularization({ l1: 0.1 });
 * reg.apply(tensor([[1, -2], [3, 0]])); // unchanged
 * reg.losses[0].item();                 // 0.1 * 6 / 2 = 0.3
 */
export class ActivityRegularization extends Layer {
  static override readonly className: string = 'ActivityRegularization';
  readonly l1: number;
  readonly l2: number;

  constructor(args: ActivityRegularizationArgs = {}) {
    const who = 'ActivityRegularization';
    const l1 = validateFloatArg(args.l1 ?? 0, who, 'l1');
    const l2 = validateFloatArg(args.l2 ?? 0, who, 'l2');
    super({ ...args, activityRegularizer: new L1L2({ l1, l2 }) });
    this.l1 = l1;
    this.l2 = l2;
    this.supportsMasking = true;
    this.built = true;
  }

  override call(x: Tensor): Tensor {
    return x;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    return [...singleShape(inputShape, this.name)];
  }

  /** The regularizer is implied by `l1` and `l2`, so Keras leaves `activity_regularizer` out. */
  override getConfig(): Record<string, unknown> {
    const config = super.getConfig();
    delete config['activity_regularizer'];
    return { ...config, l1: this.l1, l2: this.l2 };
  }
}
