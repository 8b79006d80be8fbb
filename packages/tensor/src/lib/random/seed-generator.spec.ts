import { ValueError } from '../errors';
import { SeedGenerator, rngFor, rngFromSeed, setSeed } from './seed-generator';

const take = (gen: SeedGenerator, n: number) => Array.from({ length: n }, () => gen.next());

describe('SeedGenerator', () => {
  it('yields the same sequence of 32-bit seeds for the same starting seed', () => {
    const a = take(new SeedGenerator(42), 5);
    expect(take(new SeedGenerator(42), 5)).toEqual(a);
    expect(new Set(a).size).toBe(5);
    for (const s of a) {
      expect(Number.isInteger(s)).toBe(true);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThan(2 ** 32);
    }
    expect(take(new SeedGenerator(43), 5)).not.toEqual(a);
  });

  it('records its starting seed', () => {
    expect(new SeedGenerator(7).seed).toBe(7);
    expect(new SeedGenerator(-3).seed).toBe(-3);
  });

  it('takes its starting seed from the global stream when none is given, so setSeed fixes it', () => {
    setSeed(5);
    const g1 = new SeedGenerator();
    const first = take(g1, 3);
    setSeed(5);
    const g2 = new SeedGenerator();
    expect(g2.seed).toBe(g1.seed);
    expect(take(g2, 3)).toEqual(first);
    // A second unseeded generator starts elsewhere.
    expect(new SeedGenerator().seed).not.toBe(g1.seed);
  });

  it('rejects a seed that is not an integer', () => {
    expect(() => new SeedGenerator(0.5)).toThrow(ValueError);
    expect(() => new SeedGenerator(0.5)).toThrow('SeedGenerator: seed must be an integer or a SeedGenerator, received seed=0.5');
    expect(() => new SeedGenerator(Number.NaN)).toThrow(/seed=NaN/);
  });
});

describe('setSeed', () => {
  it('rejects a seed that is not an integer', () => {
    expect(() => setSeed(1.25)).toThrow(ValueError);
    expect(() => setSeed(1.25)).toThrow(/setSeed: seed must be an integer.*received seed=1.25/);
    expect(() => setSeed('3' as unknown as number)).toThrow(/received seed='3'/);
  });
});

describe('rngFor', () => {
  it('gives the fixed stream of an integer seed on every call', () => {
    const a = rngFor(9, 'test');
    const b = rngFor(9, 'test');
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });

  it('advances a SeedGenerator once per call', () => {
    const gen = new SeedGenerator(1);
    const ref = new SeedGenerator(1);
    expect(rngFor(gen, 'test')()).toBe(rngFromSeed(ref.next())());
    expect(rngFor(gen, 'test')()).toBe(rngFromSeed(ref.next())());
  });

  it('uses the global stream for null and undefined', () => {
    setSeed(11);
    const a = [rngFor(undefined, 'test')(), rngFor(null, 'test')()];
    setSeed(11);
    const b = [rngFor(null, 'test')(), rngFor(undefined, 'test')()];
    expect(b).toEqual(a);
    expect(a[0]).not.toBe(a[1]);
  });

  it('names the caller when the seed is bad', () => {
    expect(() => rngFor(2.5, 'dropout')).toThrow(/^dropout: seed must be an integer/);
  });
});
