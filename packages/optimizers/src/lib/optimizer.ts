import {
  DTypeError,
  KerasObject,
  ShapeError,
  StrataError,
  Tensor,
  ValueError,
  Variable,
  cast,
  formatShape,
  mul,
  noGrad,
  sameShape,
  show,
  toOptions,
} from '@strata/tensor';
import { checkConfigKeys, checkString, f32 } from './checks';
import { clipByGlobalNorm, clipByNorm, clipByValue, collectGradients } from './gradients';
import {
  LearningRate,
  OptimizerOptions,
  OptimizerSettings,
  checkLearningRate,
  optimizerSettings,
  uniqueOptimizerName,
} from './optimizer-options';
import { LearningRateSchedule } from './schedules/learning-rate-schedule';
import { deserializeSchedule, serializeSchedule } from './schedules/registry';

const scalar = (value: number, dtype: 'float32' | 'int32') =>
  new Tensor(dtype === 'int32' ? Int32Array.of(value) : Float32Array.of(value), [], dtype);

/**
 * The base class of every optimizer (`keras.optimizers.Optimizer`). `apply(grads, variables)`
 * performs one update exactly as Keras's `apply_gradients`: gradients are unscaled
 * (`lossScaleFactor`), accumulated (`gradientAccumulationSteps`), clipped (`clipnorm`,
 * `globalClipnorm` or `clipvalue`), weight decay `w -= w * weightDecay * lr` is applied, then each
 * variable gets its optimizer's update, the moving averages are updated (`useEma`), every
 * variable's `constraint` is applied, and `iterations` goes up by one.
 *
 * State (`variables()`, Keras's order): `iteration`, `learning_rate` (unless a schedule is used),
 * then the slots, created on the first `apply` (or `build`) and named like Keras
 * (`<variable>_momentum`, ...).
 *
 * A subclass sets `static readonly className`, creates its slots in `buildSlots` with `addSlots`,
 * implements `updateStep(grad, variable, lr)` with loops over the flat float32 arrays, and adds
 * its arguments to `getConfig`.
 *
 * @example
 * const w = new Variable(tensor([1, 2]));
 * const opt = new SGD({ learningRate: 0.1 });
 * opt.apply([tensor([1, 1])], [w]); // w = [0.9, 1.9]
 */
export class Optimizer implements OptimizerSettings {
  /** Keras's class name, used by `serialize`. */
  static readonly className: string = 'Optimizer';
  /** The optimizer's name; default the snake_case class name, made unique. */
  readonly name: string;
  readonly weightDecay: number | null;
  readonly clipnorm: number | null;
  readonly clipvalue: number | null;
  readonly globalClipnorm: number | null;
  readonly useEma: boolean;
  readonly emaMomentum: number;
  readonly emaOverwriteFrequency: number | null;
  readonly lossScaleFactor: number | null;
  readonly gradientAccumulationSteps: number | null;

  private isBuilt = false;
  private readonly iterationVariable: Variable;
  private learningRateVariable: Variable | null = null;
  private schedule: LearningRateSchedule | null = null;
  private readonly state: Variable[] = [];
  private trainable: Variable[] = [];
  private readonly indices = new Map<number, number>();
  private averages: Variable[] = [];
  private accumulators: Variable[] = [];
  private excludedIds = new Set<number>();
  private excludedPattern: RegExp | null = null;

  constructor(options: OptimizerOptions = {}) {
    const settings = optimizerSettings(options, this.who);
    this.weightDecay = settings.weightDecay;
    this.clipnorm = settings.clipnorm;
    this.clipvalue = settings.clipvalue;
    this.globalClipnorm = settings.globalClipnorm;
    this.useEma = settings.useEma;
    this.emaMomentum = settings.emaMomentum;
    this.emaOverwriteFrequency = settings.emaOverwriteFrequency;
    this.lossScaleFactor = settings.lossScaleFactor;
    this.gradientAccumulationSteps = settings.gradientAccumulationSteps;
    this.name = options.name == null ? uniqueOptimizerName(this.who) : checkString(options.name, this.who, 'name');
    this.iterationVariable = this.addVariable(scalar(0, 'int32'), 'iteration');
    const lr = checkLearningRate(options.learningRate, this.who);
    if (lr instanceof LearningRateSchedule) this.schedule = lr;
    else this.learningRateVariable = this.addVariable(scalar(lr, 'float32'), 'learning_rate');
  }

  /** True once the slots exist (after the first `apply` or `build`). */
  get built(): boolean {
    return this.isBuilt;
  }

  /** Number of updates done (with gradient accumulation: of accumulated updates). */
  get iterations(): number {
    const n = this.iterationVariable.value.data[0];
    return this.gradientAccumulationSteps ? Math.floor(n / this.gradientAccumulationSteps) : n;
  }

  /** The current learning rate: the fixed rate, or the schedule at the current iteration. */
  get learningRate(): number {
    if (this.schedule) return f32(this.schedule.apply(this.iterationVariable.value.data[0]));
    return (this.learningRateVariable as Variable).value.data[0];
  }

  /**
   * Sets a new fixed rate (stored as float32; callbacks such as ReduceLROnPlateau use this) or a
   * new schedule. A number cannot replace a schedule (Keras raises a TypeError).
   */
  set learningRate(value: LearningRate) {
    const lr = checkLearningRate(value, this.who);
    if (lr instanceof LearningRateSchedule) {
      if (this.learningRateVariable) this.state.splice(this.state.indexOf(this.learningRateVariable), 1);
      this.learningRateVariable = null;
      this.schedule = lr;
    } else if (this.schedule) {
      throw new ValueError(
        `${this.who}: the learning rate is a LearningRateSchedule, so it cannot be set to a number, received learningRate=${lr}`,
      );
    } else {
      (this.learningRateVariable as Variable).assign(scalar(lr, 'float32'));
    }
  }

  /** The learning-rate schedule, or null for a fixed rate. */
  get learningRateSchedule(): LearningRateSchedule | null {
    return this.schedule;
  }

  /** The optimizer's state variables in Keras's order (iteration, learning_rate, slots). */
  variables(): Variable[] {
    return this.state.slice();
  }

  /** The values of `variables()`: what `.keras` files store as the optimizer's state. */
  getWeights(): Tensor[] {
    return this.state.map((v) => v.value);
  }

  /** Sets the values of `variables()`; the optimizer must be built. */
  setWeights(weights: readonly Tensor[]): void {
    if (!this.isBuilt) {
      throw new ValueError(`${this.who}: setWeights needs a built optimizer; call build(variables) first`);
    }
    if (weights.length !== this.state.length) {
      throw new ValueError(
        `${this.who}: setWeights expects ${this.state.length} weights (see variables()), received ${weights.length} weights`,
      );
    }
    weights.forEach((w, i) => {
      const v = this.state[i];
      if (!sameShape(w.shape, v.shape)) {
        throw new ShapeError(
          `${this.who}: weight ${i} ('${v.name}') must have shape ${formatShape(v.shape)}, received shape ${formatShape(w.shape)}`,
        );
      }
      v.assign(w.dtype === v.dtype ? w : noGrad(() => cast(w, v.dtype)));
    });
  }

  /**
   * Creates the slots for `variables` (done by the first `apply`). The optimizer can then only
   * update these variables, as in Keras.
   */
  build(variables: readonly Variable[]): void {
    if (this.isBuilt) return;
    variables.forEach((v, i) => {
      if (!(v instanceof Variable)) {
        throw new ValueError(`${this.who}: variables must be Variables, received variables[${i}]=${show(v)}`);
      }
      if (v.dtype !== 'float32') {
        throw new DTypeError(`${this.who}: can only update float32 variables, received variable '${v.name}' of dtype ${v.dtype}`);
      }
      this.indices.set(v.id, i);
    });
    if (this.useEma) this.averages = this.addSlots(variables, ['average'])[0];
    if (this.gradientAccumulationSteps) this.accumulators = this.addSlots(variables, ['gradient_accumulator'])[0];
    this.trainable = variables.slice();
    this.buildSlots(variables);
    this.isBuilt = true;
  }

  /**
   * One update of `variables` by `grads` (same order and shapes); a `null` gradient skips its
   * variable. Without `variables`, updates the variables the optimizer was built with.
   */
  apply(grads: readonly (Tensor | null | undefined)[], variables?: readonly Variable[]): void {
    if (!Array.isArray(grads)) throw new ValueError(`${this.who}: grads must be an array of tensors, received grads=${show(grads)}`);
    if (grads.length === 0) return;
    let vars: readonly Variable[];
    if (variables === undefined) {
      if (!this.isBuilt) {
        throw new ValueError(`${this.who}: apply without variables needs a built optimizer; pass the variables or call build(variables)`);
      }
      vars = this.trainable;
    } else {
      if (!Array.isArray(variables)) {
        throw new ValueError(`${this.who}: variables must be an array of Variables, received variables=${show(variables)}`);
      }
      vars = variables;
      this.build(vars);
    }
    if (grads.length !== vars.length) {
      throw new ValueError(
        `${this.who}: expected one gradient per variable (${vars.length}), received ${grads.length} gradients`,
      );
    }
    noGrad(() => this.applyChecked(grads, vars));
  }

  /** `apply` on `[gradient, variable]` pairs (Keras's `apply_gradients`). */
  applyGradients(pairs: readonly (readonly [Tensor | null, Variable])[]): void {
    this.apply(
      pairs.map((p) => p[0]),
      pairs.map((p) => p[1]),
    );
  }

  /**
   * Keeps weight decay off some variables (call before training): those listed, and those whose
   * name matches one of `names` (regular expressions, as Keras's `exclude_from_weight_decay`).
   */
  excludeFromWeightDecay(exclude: { variables?: readonly Variable[]; names?: readonly string[] }): void {
    this.excludedIds = new Set((exclude.variables ?? []).map((v) => v.id));
    const names = [...new Set(exclude.names ?? [])];
    this.excludedPattern = names.length > 0 ? new RegExp(names.join('|')) : null;
  }

  /** With `useEma`, overwrites `variables` (those the optimizer was built with) by their averages. */
  finalizeVariableValues(variables: readonly Variable[]): void {
    if (!this.useEma) return;
    if (variables.length !== this.averages.length) {
      throw new ValueError(
        `${this.who}: finalizeVariableValues expects the ${this.averages.length} variables the optimizer was built with, received ${variables.length}`,
      );
    }
    variables.forEach((v, i) => v.assign(this.averages[i].value));
  }

  /** The loss multiplied by `lossScaleFactor` (unchanged without one), before taking gradients. */
  scaleLoss(loss: Tensor): Tensor {
    return this.lossScaleFactor === null ? loss : mul(loss, this.lossScaleFactor);
  }

  /** The Keras config: snake_case keys, exactly what Keras 3 writes (`learning_rate` as float32). */
  getConfig(): Record<string, unknown> {
    return {
      name: this.name,
      learning_rate: this.schedule ? serializeSchedule(this.schedule) : this.learningRate,
      weight_decay: this.weightDecay,
      clipnorm: this.clipnorm,
      global_clipnorm: this.globalClipnorm,
      clipvalue: this.clipvalue,
      use_ema: this.useEma,
      ema_momentum: this.emaMomentum,
      ema_overwrite_frequency: this.emaOverwriteFrequency,
      loss_scale_factor: this.lossScaleFactor,
      gradient_accumulation_steps: this.gradientAccumulationSteps,
    };
  }

  /**
   * Builds an optimizer from a Keras config (snake_case keys; a serialized schedule under
   * `learning_rate`). Unknown keys are a `ValueError`; Keras's obsolete `decay` is ignored.
   */
  static fromConfig<T extends Optimizer>(
    this: new (options?: Record<string, unknown>) => T,
    config: Record<string, unknown>,
  ): T {
    const rest = { ...config };
    delete rest['decay'];
    const options = toOptions(rest);
    const lr = rest['learning_rate'];
    if (typeof lr === 'object' && lr !== null) options['learningRate'] = deserializeSchedule(lr as KerasObject);
    const obj = new this(options);
    checkConfigKeys(rest, Object.keys(obj.getConfig()), (this as unknown as typeof Optimizer).className);
    return obj;
  }

  /** Creates the optimizer's slots (`addSlots`); called once, by `build`. */
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  protected buildSlots(variables: readonly Variable[]): void {
    // The base class has no slots.
  }

  /** Updates `variable` in place from its gradient (flat float32) at learning rate `lr`. */
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  protected updateStep(grad: Float32Array, variable: Variable, lr: number): void {
    throw new StrataError(`${this.who}: updateStep is not implemented; subclass Optimizer and override it`);
  }

  /** Runs `updateStep` for each variable; override for work done once per update (Nadam). */
  protected updateSteps(grads: readonly Float32Array[], variables: readonly Variable[], lr: number): void {
    grads.forEach((g, i) => this.updateStep(g, variables[i], lr));
  }

  /**
   * Adds state variables shaped like each of `variables`, named `<variable>_<name>`, filled with
   * `initial`; interleaved per variable as Keras's `add_optimizer_variables`. Returns one list per name.
   */
  protected addSlots(variables: readonly Variable[], names: readonly string[], initial = 0): Variable[][] {
    const lists = names.map((): Variable[] => []);
    for (const v of variables) {
      // Keras names slots after the variable's path ('dense/kernel' -> 'dense_kernel').
      const ref = ((v as { path?: string }).path ?? v.name).replace(/[/:]/g, '_');
      names.forEach((name, k) => {
        const data = new Float32Array(v.value.size).fill(initial);
        lists[k].push(this.addVariable(new Tensor(data, v.shape, 'float32'), `${ref}_${name}`));
      });
    }
    return lists;
  }

  /** Adds one non-trainable state variable (it joins `variables()` in creation order). */
  protected addVariable(initial: Tensor, name: string): Variable {
    const v = new Variable(initial, { name, trainable: false });
    this.state.push(v);
    return v;
  }

  /** The position of `variable` in the list the optimizer was built with. */
  protected variableIndex(variable: Variable): number {
    return this.indices.get(variable.id) as number;
  }

  /** The flat float32 values of a variable (read-only: tensors share their data). */
  protected read(variable: Variable): Float32Array {
    return variable.value.data as Float32Array;
  }

  /** Replaces a variable's value by fresh flat float32 data of the same size. */
  protected write(variable: Variable, data: Float32Array): void {
    variable.assign(new Tensor(data, variable.shape, 'float32'));
  }

  /** The name used in error messages: the subclass's Keras class name. */
  protected get who(): string {
    return (this.constructor as typeof Optimizer).className;
  }

  private applyChecked(grads: readonly (Tensor | null | undefined)[], vars: readonly Variable[]): void {
    const { grads: gs, vars: vs } = collectGradients(grads, vars, (v) => this.indices.has(v.id), this.who);
    const scale = this.lossScaleFactor;
    const unscaled = scale === null ? gs : gs.map((g) => g.map((x) => x / scale));
    this.accumulateAndUpdate(unscaled, vs);
    if (this.useEma) this.updateAverages();
    for (const v of vs) if (v.constraint) v.assign(v.constraint.apply(v.value));
    this.iterationVariable.assign(scalar(this.iterationVariable.value.data[0] + 1, 'int32'));
  }

  private accumulateAndUpdate(grads: Float32Array[], vars: Variable[]): void {
    const steps = this.gradientAccumulationSteps;
    if (!steps) return this.update(grads, vars);
    const accs = vars.map((v) => this.accumulators[this.variableIndex(v)]);
    if ((this.iterationVariable.value.data[0] + 1) % steps !== 0) {
      accs.forEach((acc, k) => {
        const a = this.read(acc);
        this.write(acc, grads[k].map((g, i) => g + a[i]));
      });
      return;
    }
    const averaged = grads.map((g, k) => {
      const a = this.read(accs[k]);
      return g.map((x, i) => f32(x + a[i]) / steps);
    });
    this.update(averaged, vars);
    for (const acc of accs) this.write(acc, new Float32Array(acc.value.size));
  }

  // Keras's order: clip, decay the weights, then the optimizer's own update.
  private update(grads: Float32Array[], vars: Variable[]): void {
    let clipped = grads;
    if (this.clipnorm && this.clipnorm > 0) clipped = grads.map((g) => clipByNorm(g, this.clipnorm as number));
    else if (this.globalClipnorm && this.globalClipnorm > 0) clipped = clipByGlobalNorm(grads, this.globalClipnorm);
    else if (this.clipvalue && this.clipvalue > 0) clipped = grads.map((g) => clipByValue(g, this.clipvalue as number));
    const lr = this.learningRate;
    if (this.weightDecay !== null) {
      const wd = f32(this.weightDecay);
      for (const v of vars) {
        if (!this.usesWeightDecay(v)) continue;
        this.write(v, this.read(v).map((x) => x - f32(f32(x * wd) * lr)));
      }
    }
    this.updateSteps(clipped, vars, lr);
  }

  private usesWeightDecay(v: Variable): boolean {
    return !this.excludedIds.has(v.id) && !(this.excludedPattern && this.excludedPattern.test(v.name));
  }

  // average = m * average + (1 - m) * w, with m = 0 on the first iteration (so average = w).
  private updateAverages(): void {
    const it = this.iterations;
    const m = it !== 0 ? f32(this.emaMomentum) : 0;
    const oneMinus = f32(1 - m);
    this.trainable.forEach((v, k) => {
      const w = this.read(v);
      this.write(this.averages[k], this.read(this.averages[k]).map((a, i) => f32(m * a) + f32(oneMinus * w[i])));
    });
    const every = this.emaOverwriteFrequency;
    if (every && (it + 1) % every === 0) this.trainable.forEach((v, k) => v.assign(this.averages[k].value));
  }
}
