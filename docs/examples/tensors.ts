// Mirrors the "Tensors" section of docs/getting-started.md.
import {
  Tensor,
  add,
  grad,
  matmul,
  mean,
  randomNormal,
  reshape,
  setSeed,
  square,
  sum,
  tensor,
  transpose,
  valueAndGrad,
} from '@strata/tensor';
import { relu, softmax } from '@strata/activations';

export function tensorsExample(): Record<string, unknown> {
  const x = tensor([[1, 2, 3], [4, 5, 6]]); // float32, shape [2, 3]
  const ids = tensor([0, 2, 1], undefined, 'int32'); // int32, shape [3]

  const y = add(x, tensor([10, 20, 30])); // broadcasting: [[11, 22, 33], [14, 25, 36]]
  const z = matmul(x, transpose(x)); // [2, 2]
  const s = sum(x, 1); // [6, 15]
  const m = mean(x, 0, true); // [[2.5, 3.5, 4.5]], shape [1, 3]
  const r = reshape(x, [3, 2]);

  setSeed(42); // every unseeded random draw after this is reproducible
  const w = randomNormal([3, 2], { stddev: 0.1 });
  const fixed = randomNormal([2], { seed: 1 }); // a seeded draw: the same values on every call

  // Gradients: grad(f) returns the function computing df/dx of a scalar-valued f.
  const loss = (w: Tensor): Tensor => sum(square(matmul(x, w)));
  const dw = grad(loss)(w); // shape [3, 2]
  const { value, grad: dw2 } = valueAndGrad(loss)(w);

  const activated = relu(tensor([-1, 0, 2])); // [0, 0, 2] (activations live in @strata/activations)
  const probs = softmax(tensor([[1, 2, 3]]));

  return {
    shape: x.shape, // [2, 3]
    dtype: ids.dtype, // 'int32'
    y: y.toArray(),
    z: z.toArray(),
    s: s.toArray(),
    m: m.toArray(),
    r: r.shape,
    flat: x.data, // Float32Array [1, 2, 3, 4, 5, 6]
    w: w.shape,
    fixed: fixed.toArray(),
    dw: dw.shape,
    value: value.item(),
    same: dw2.shape,
    activated: activated.toArray(),
    probs: probs.toArray(),
  };
}
