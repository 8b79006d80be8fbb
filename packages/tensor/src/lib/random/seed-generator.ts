import seedrandom from 'seedrandom';
import { ValueError, show } from '../errors';

/** A uniform generator: `()` in [0, 1) with 32 bits, `double()` with 53 bits, `int32()`. */
export type Rng = seedrandom.PRNG;

/**
 * A fresh generator for an integer seed. Alea is pure IEEE-754 double arithmetic, so a seed gives
 * the same stream on every platform and engine.
 */
export function rngFromSeed(seed: number): Rng {
  return seedrandom.alea(String(seed));
}

// Before any setSeed the global stream starts from the clock and Math.random, so unseeded draws
// differ between runs, as in Keras.
let globalRng: Rng = rngFromSeed(Date.now() ^ Math.floor(Math.random() * 0x100000000));

/** Throws unless `seed` is an integer; `who` names the caller in the message. */
export function checkSeed(seed: unknown, who: string): number {
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed)) {
    throw new ValueError(`${who}: seed must be an integer or a SeedGenerator, received seed=${show(seed)}`);
  }
  return seed;
}

/**
 * Makes every unseeded random draw after it reproducible (`keras.utils.set_random_seed`):
 * unseeded `randomNormal`, `randomUniform`, ... and `SeedGenerator`s built without a seed.
 *
 * @example
 * setSeed(1337);
 * const a = randomNormal([3]);
 * setSeed(1337);
 * const b = randomNormal([3]); // same values as a
 */
export function setSeed(seed: number): void {
  globalRng = rngFromSeed(checkSeed(seed, 'setSeed'));
}

/** Draws the next 32-bit seed from the global stream (one per unseeded op call). */
export function nextGlobalSeed(): number {
  return globalRng.int32() >>> 0;
}

/**
 * A reproducible sequence of seeds, for layers that need fresh randomness on every call
 * (a new dropout mask each step) yet the same sequence on every run, as
 * `keras.random.SeedGenerator`. Without a seed, the starting seed comes from the global stream,
 * so it too is fixed by `setSeed`.
 *
 * @example
 * const gen = new SeedGenerator(42);
 * const mask1 = bernoulli([4], { p: 0.5, seed: gen }); // a new mask
 * const mask2 = bernoulli([4], { p: 0.5, seed: gen }); // another one; the pair is the same every run
 */
export class SeedGenerator {
  /** The starting seed (what a layer's config would record). */
  readonly seed: number;
  private rng: Rng;

  constructor(seed?: number) {
    this.seed = seed === undefined ? nextGlobalSeed() : checkSeed(seed, 'SeedGenerator');
    this.rng = rngFromSeed(this.seed);
  }

  /** A fresh 32-bit unsigned integer seed; the sequence depends only on the starting seed. */
  next(): number {
    return this.rng.int32() >>> 0;
  }
}

/** The seed option every random op takes: an integer (same numbers every call) or a SeedGenerator. */
export type Seed = number | SeedGenerator;

/**
 * The generator one op call draws from: a fixed stream for an integer seed, the generator's next
 * seed for a SeedGenerator, the global stream's next seed when no seed is given.
 */
export function rngFor(seed: Seed | null | undefined, who: string): Rng {
  if (seed === undefined || seed === null) return rngFromSeed(nextGlobalSeed());
  if (seed instanceof SeedGenerator) return rngFromSeed(seed.next());
  return rngFromSeed(checkSeed(seed, who));
}
