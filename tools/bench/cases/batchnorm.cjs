// BatchNormalization in training mode on a channels-last conv activation [32x16x16x32]:
// forward (batch statistics + moving-average update), and forward+backward to the input.
// Strata's layer comes from @strata/layers' built dist: build it first with
// `npx tsc -b packages/layers/tsconfig.lib.json` (otherwise the Strata column reads n/a).
'use strict';
const { strataRandom, tfRandom, sizeOf } = require('../lib.cjs');

const X = [32, 16, 16, 32];
const N = sizeOf(X);
// Per element: ~4 flops for mean and variance, 2 to normalize; the backward pass ~8 more.
const FORWARD_FLOPS = 6 * N;
const BACKWARD_FLOPS = 8 * N;

function strataLayer() {
  const { BatchNormalization } = require('@strata/layers');
  return new BatchNormalization();
}

function tfLayer(tf) {
  const layer = tf.layers.batchNormalization({ axis: -1, momentum: 0.99, epsilon: 1e-3 });
  layer.build(X);
  return layer;
}

module.exports = [
  {
    name: 'batchnorm training [32x16x16x32]',
    flops: FORWARD_FLOPS,
    setup({ engine, strata, tf }) {
      if (engine === 'strata') {
        const x = strataRandom(strata, X, 1);
        const bn = strataLayer();
        return { strata: () => bn.apply(x, { training: true }) };
      }
      const x = tfRandom(tf, X, 1);
      const bn = tfLayer(tf);
      return {
        tfjs: () => {
          const y = tf.tidy(() => bn.apply(x, { training: true }));
          y.dataSync();
          y.dispose();
        },
        dispose: () => x.dispose(),
      };
    },
  },
  {
    name: 'batchnorm training [32x16x16x32] fwd+bwd',
    flops: FORWARD_FLOPS + BACKWARD_FLOPS,
    setup({ engine, strata, tf }) {
      if (engine === 'strata') {
        const x = strataRandom(strata, X, 1);
        const dy = strataRandom(strata, X, 2);
        const bn = strataLayer();
        const g = strata.grads((xi) => bn.apply(xi, { training: true }));
        return { strata: () => g([x], dy) };
      }
      const x = tfRandom(tf, X, 1);
      const dy = tfRandom(tf, X, 2);
      const bn = tfLayer(tf);
      const g = tf.grad((xi) => bn.apply(xi, { training: true }));
      return {
        tfjs: () => {
          const dx = tf.tidy(() => g(x, dy));
          dx.dataSync();
          dx.dispose();
        },
        dispose: () => tf.dispose([x, dy]),
      };
    },
  },
];
