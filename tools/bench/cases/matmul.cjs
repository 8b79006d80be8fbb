// Matrix multiplication: square products and the Dense layer shape (batch 128, 784 -> 256).
'use strict';
const { strataRandom, tfRandom } = require('../lib.cjs');

/** Forward y = a · b with a: [m, k], b: [k, n]. */
function forward(name, m, k, n) {
  return {
    name,
    flops: 2 * m * k * n,
    setup({ engine, strata, tf }) {
      if (engine === 'strata') {
        const a = strataRandom(strata, [m, k], 1);
        const b = strataRandom(strata, [k, n], 2);
        return { strata: () => strata.matmul(a, b) };
      }
      const a = tfRandom(tf, [m, k], 1);
      const b = tfRandom(tf, [k, n], 2);
      return {
        tfjs: () => {
          const y = tf.matMul(a, b);
          y.dataSync();
          y.dispose();
        },
        dispose: () => tf.dispose([a, b]),
      };
    },
  };
}

/**
 * Forward and backward through the autodiff of each engine: y = x · w, then
 * dx = dy · wᵀ and dw = xᵀ · dy (three products).
 */
function forwardBackward(name, m, k, n) {
  return {
    name,
    flops: 3 * 2 * m * k * n,
    setup({ engine, strata, tf }) {
      if (engine === 'strata') {
        const x = strataRandom(strata, [m, k], 1);
        const w = strataRandom(strata, [k, n], 2);
        const dy = strataRandom(strata, [m, n], 3);
        const g = strata.grads((a, b) => strata.matmul(a, b));
        return { strata: () => g([x, w], dy) };
      }
      const x = tfRandom(tf, [m, k], 1);
      const w = tfRandom(tf, [k, n], 2);
      const dy = tfRandom(tf, [m, n], 3);
      const g = tf.grads((a, b) => tf.matMul(a, b));
      return {
        tfjs: () => {
          const [dx, dw] = g([x, w], dy);
          dx.dataSync();
          dw.dataSync();
          tf.dispose([dx, dw]);
        },
        dispose: () => tf.dispose([x, w, dy]),
      };
    },
  };
}

module.exports = [
  forward('matmul 128x128x128', 128, 128, 128),
  forward('matmul 256x256x256', 256, 256, 256),
  forward('matmul 512x512x512', 512, 512, 512),
  forward('matmul 1024x1024x1024', 1024, 1024, 1024),
  forward('matmul dense [128x784]·[784x256]', 128, 784, 256),
  forwardBackward('matmul dense [128x784]·[784x256] fwd+bwd', 128, 784, 256),
];
