import type { Tensor } from '@strata/tensor';

/** Mean, (population) standard deviation, min and max of a tensor's values, in float64. */
export interface SampleStats {
  mean: number;
  std: number;
  min: number;
  max: number;
}

/**
 * The statistics the tests compare with formulas and with Keras's samples (test helper, not exported).
 *
 * @example
 * sampleStats(tensor([1, 3])); // { mean: 2, std: 1, min: 1, max: 3 }
 */
export function sampleStats(t: Tensor): SampleStats {
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const v of t.data) {
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const mean = sum / t.size;
  let sq = 0;
  for (const v of t.data) sq += (v - mean) ** 2;
  return { mean, std: Math.sqrt(sq / t.size), min, max };
}
