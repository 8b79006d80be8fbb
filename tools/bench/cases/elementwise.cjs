// Elementwise ops and the bias-gradient reduction on 1M float32 elements ([4096, 256]): the
// memory-bound work around every Dense and conv layer. Throughput in millions of output
// (or, for the sum, input) elements per second.
'use strict';
const { strataRandom, tfRandom } = require('../lib.cjs');

const N = 4096;
const C = 256;
const X = [N, C];

// A program uses many ops, and a JIT that shares one loop between ops (a closure per op) slows
// down once it has seen several: call the common ones once on small tensors first, so that the
// timed op runs in the state a training step leaves it in, whatever order the cases run in.
function warmMix(engine, lib) {
  const small = [8, 16];
  if (engine === 'strata') {
    const a = strataRandom(lib, small, 7);
    const b = strataRandom(lib, small, 8);
    const r = strataRandom(lib, [16], 9);
    for (const y of [b, r, 0.5]) for (const f of ['add', 'sub', 'mul', 'div', 'maximum', 'minimum', 'greater']) lib[f](a, y);
    for (const f of ['exp', 'log', 'sqrt', 'square', 'abs', 'tanh', 'sigmoid', 'neg']) lib[f](a);
    for (const f of ['sum', 'mean', 'max', 'min']) lib[f](a, 0);
    return;
  }
  lib.tidy(() => {
    const a = tfRandom(lib, small, 7);
    const b = tfRandom(lib, small, 8);
    const r = tfRandom(lib, [16], 9);
    for (const y of [b, r, lib.scalar(0.5)]) for (const f of ['add', 'sub', 'mul', 'div', 'maximum', 'minimum', 'greater']) lib[f](a, y).dataSync();
    for (const f of ['exp', 'log', 'sqrt', 'square', 'abs', 'tanh', 'sigmoid', 'neg']) lib[f](a).dataSync();
    for (const f of ['sum', 'mean', 'max', 'min']) lib[f](a, 0).dataSync();
  });
}

/** One case: `strata(s, x, y, bias)` and `tfjs(tf, x, y, bias, zero)` compute the same thing. */
function elementwise(name, strata, tfjs) {
  return {
    name,
    unit: 'Melem/s',
    items: (N * C) / 1e6,
    setup({ engine, strata: s, tf }) {
      warmMix(engine, engine === 'strata' ? s : tf);
      if (engine === 'strata') {
        const x = strataRandom(s, X, 1);
        const y = strataRandom(s, X, 2);
        const bias = strataRandom(s, [C], 3);
        return { strata: () => strata(s, x, y, bias) };
      }
      const x = tfRandom(tf, X, 1);
      const y = tfRandom(tf, X, 2);
      const bias = tfRandom(tf, [C], 3);
      const zero = tf.scalar(0);
      return {
        tfjs: () => {
          const out = tfjs(tf, x, y, bias, zero);
          out.dataSync();
          out.dispose();
        },
        dispose: () => tf.dispose([x, y, bias, zero]),
      };
    },
  };
}

module.exports = [
  elementwise(
    'add [4096x256] + [4096x256]',
    (s, x, y) => s.add(x, y),
    (tf, x, y) => tf.add(x, y),
  ),
  elementwise(
    'mul [4096x256] * [4096x256]',
    (s, x, y) => s.mul(x, y),
    (tf, x, y) => tf.mul(x, y),
  ),
  elementwise(
    'bias add [4096x256] + [256]',
    (s, x, _y, bias) => s.add(x, bias),
    (tf, x, _y, bias) => tf.add(x, bias),
  ),
  elementwise(
    'maximum(x, 0) [4096x256]',
    (s, x) => s.maximum(x, 0),
    (tf, x, _y, _bias, zero) => tf.maximum(x, zero),
  ),
  elementwise(
    'exp [4096x256]',
    (s, x) => s.exp(x),
    (tf, x) => tf.exp(x),
  ),
  elementwise(
    'sum axis 0 [4096x256] -> [256]',
    (s, x) => s.sum(x, 0),
    (tf, x) => tf.sum(x, 0),
  ),
];
