import { Layer, Shape } from '@strata/layers';
import { Tensor, Variable, mul } from '@strata/tensor';

/** The custom layer of tools/fixtures/saving.py, written for Strata. */
export class Scale extends Layer {
  static override readonly className = 'Scale';
  readonly init: number;
  private scale!: Variable;
  constructor(args: { init?: number; name?: string } = {}) {
    super(args);
    this.init = args.init ?? 1;
  }
  override build(shape: Shape): void {
    this.scale = this.addWeight({ name: 'scale', shape: [shape[shape.length - 1]!], initializer: { class_name: 'Constant', config: { value: this.init } } });
  }
  override call(x: Tensor): Tensor {
    return mul(x, this.scale.value);
  }
  override computeOutputShape(shape: Shape): Shape {
    return shape;
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), init: this.init };
  }
}

