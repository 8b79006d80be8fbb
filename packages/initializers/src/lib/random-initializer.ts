import { DType, DTypeError, KerasObject, SeedGenerator, ValueError, show } from '@strata/tensor';
import { Initializer } from './initializer';

/**
 * What a random initializer's `seed` option takes: an integer (the same values on every call),
 * a `SeedGenerator` (new values on every call, the same sequence on every run), a Keras config of
 * a `SeedGenerator`, or nothing.
 */
export type InitializerSeed = number | SeedGenerator | KerasObject | null;

// Keras writes a SeedGenerator seed as this object (keras.random.SeedGenerator.get_config).
function serializeSeed(seed: number | SeedGenerator | null): unknown {
  if (!(seed instanceof SeedGenerator)) return seed;
  return {
    module: 'keras.random',
    class_name: 'SeedGenerator',
    config: { seed: seed.seed, name: 'seed_generator' },
    registered_name: null,
  };
}

function parseSeed(seed: unknown, who: string): number | SeedGenerator | null {
  if (seed === undefined || seed === null) return null;
  if (seed instanceof SeedGenerator) return seed;
  if (typeof seed === 'number' && Number.isSafeInteger(seed)) return seed;
  const obj = seed as KerasObject;
  if (typeof seed === 'object' && obj.class_name === 'SeedGenerator') {
    const inner = obj.config?.['seed'];
    if (inner === undefined || inner === null) return new SeedGenerator();
    if (typeof inner === 'number' && Number.isSafeInteger(inner)) return new SeedGenerator(inner);
  }
  throw new ValueError(`${who}: seed must be an integer or a SeedGenerator, received seed=${show(seed)}`);
}

/**
 * The base of the random initializers: it holds the seed, as Keras's `RandomInitializer`.
 *
 * An integer seed gives the same values on every `apply`. Without a seed, the initializer takes
 * one from the global random stream when it is constructed (Keras's `make_default_seed`), so it
 * too returns the same values on every call, and `setSeed(n)` before constructing it makes those
 * values the same on every run. A `SeedGenerator` seed gives new values on every call.
 *
 * @example
 * class Coin extends RandomInitializer {
 *   static readonly className = 'Coin';
 *   apply(shape: number[]) { return bernoulli(shape, { p: 0.5, seed: this.seed }); }
 * }
 */
export abstract class RandomInitializer extends Initializer {
  /** The seed the draws use: the one given or, when unseeded, one taken at construction. */
  protected readonly seed: number | SeedGenerator;
  // What getConfig records: the seed as given, null when unseeded (as Keras's `_init_seed`).
  private readonly initSeed: number | SeedGenerator | null;

  protected constructor(seed: unknown) {
    super();
    this.initSeed = parseSeed(seed, this.who);
    this.seed = this.initSeed ?? new SeedGenerator().seed;
  }

  override getConfig(): Record<string, unknown> {
    return { seed: serializeSeed(this.initSeed) };
  }

  /** Random draws are float only, as in Keras. */
  protected checkFloat(dtype: DType): void {
    if (dtype !== 'float32') {
      throw new DTypeError(`${this.who}: dtype must be a float dtype, received dtype=${show(dtype)}`);
    }
  }
}
