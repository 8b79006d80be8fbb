import { Tensor, Variable, tensor } from '@strata/tensor';
import { Optimizer } from '../optimizer';

/**
 * Test helper: runs `opt` on one variable starting at `initial` with the given gradient per step;
 * returns the variable's values after each step. Not exported from the package.
 */
export function trace(opt: Optimizer, initial: number[], grads: number[][]): number[][] {
  const w = new Variable(tensor(initial));
  return grads.map((g) => {
    opt.apply([tensor(g) as Tensor], [w]);
    return Array.from(w.value.data);
  });
}
