// 2-D convolution: a batch of 64 MNIST-sized feature maps (28x28x32), 32 3x3 filters, 'same'
// padding, NHWC. Forward, and forward+backward (dx and dkernel) through each engine's autodiff.
'use strict';
const { strataRandom, tfRandom } = require('../lib.cjs');

const X = [64, 28, 28, 32];
const W = [3, 3, 32, 32];
const Y = [64, 28, 28, 32];
// Multiply-adds of one forward pass: every output cell reads a 3x3x32 window.
const FORWARD_FLOPS = 2 * 64 * 28 * 28 * 32 * (3 * 3 * 32);

module.exports = [
  {
    name: 'conv2d 3x3 [64x28x28x32] -> 32 same',
    flops: FORWARD_FLOPS,
    setup({ engine, strata, tf }) {
      if (engine === 'strata') {
        const x = strataRandom(strata, X, 1);
        const w = strataRandom(strata, W, 2);
        return { strata: () => strata.conv2d(x, w, { padding: 'same' }) };
      }
      const x = tfRandom(tf, X, 1);
      const w = tfRandom(tf, W, 2);
      return {
        tfjs: () => {
          const y = tf.conv2d(x, w, 1, 'same');
          y.dataSync();
          y.dispose();
        },
        dispose: () => tf.dispose([x, w]),
      };
    },
  },
  {
    // The input and kernel gradients each cost one forward pass: three in all.
    name: 'conv2d 3x3 [64x28x28x32] -> 32 same fwd+bwd',
    flops: 3 * FORWARD_FLOPS,
    setup({ engine, strata, tf }) {
      if (engine === 'strata') {
        const x = strataRandom(strata, X, 1);
        const w = strataRandom(strata, W, 2);
        const dy = strataRandom(strata, Y, 3);
        const g = strata.grads((a, b) => strata.conv2d(a, b, { padding: 'same' }));
        return { strata: () => g([x, w], dy) };
      }
      if (tf.getBackend() === 'cpu' && !process.env.STRATA_BENCH_SLOW) {
        // Measured once (Node 20, 2-core EPYC): 150 s per call, in tfjs-cpu's naive Conv2DBackpropFilter.
        throw new Error('skipped: tfjs-cpu needs minutes per call here (set STRATA_BENCH_SLOW=1 to run it)');
      }
      const x = tfRandom(tf, X, 1);
      const w = tfRandom(tf, W, 2);
      const dy = tfRandom(tf, Y, 3);
      const g = tf.grads((a, b) => tf.conv2d(a, b, 1, 'same'));
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
  },
];
