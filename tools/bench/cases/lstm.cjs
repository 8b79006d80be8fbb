// LSTM layer, 128 units, on a batch of 32 sequences of 50 steps x 64 features (the last output
// returned). Forward, and forward+backward (gradients of sum(output) for the three weights),
// through each engine's layer and autodiff. Strata's layer comes from @strata/layers' dist
// (build it: npx tsc -b packages/tensor/tsconfig.lib.json packages/layers/tsconfig.lib.json).
'use strict';
const { strataRandom, tfRandom } = require('../lib.cjs');

const [BATCH, TIME, FEATURES, UNITS] = [32, 50, 64, 128];
const X = [BATCH, TIME, FEATURES];
// Multiply-adds of one forward pass: per step, the input and the recurrent products of 4 gates.
const FORWARD_FLOPS = 2 * BATCH * TIME * (FEATURES + UNITS) * 4 * UNITS;

function strataLstm() {
  // Required lazily: a missing layers build only marks these cases n/a.
  const layers = require('@strata/layers');
  return new layers.LSTM({ units: UNITS });
}

function tfLstm(tf, x) {
  const layer = tf.layers.lstm({ units: UNITS });
  tf.tidy(() => layer.apply(x)); // builds the weights
  return layer;
}

module.exports = [
  {
    name: `lstm ${UNITS} units [${X.join('x')}] forward`,
    flops: FORWARD_FLOPS,
    setup({ engine, strata, tf }) {
      if (engine === 'strata') {
        const x = strataRandom(strata, X, 1);
        const lstm = strataLstm();
        return { strata: () => lstm.apply(x) };
      }
      const x = tfRandom(tf, X, 1);
      const lstm = tfLstm(tf, x);
      return {
        tfjs: () => {
          const y = tf.tidy(() => lstm.apply(x));
          y.dataSync();
          y.dispose();
        },
        dispose: () => {
          x.dispose();
          lstm.dispose();
        },
      };
    },
  },
  {
    // Backward costs about two forward passes (input, recurrent and weight gradients).
    name: `lstm ${UNITS} units [${X.join('x')}] fwd+bwd`,
    flops: 3 * FORWARD_FLOPS,
    setup({ engine, strata, tf }) {
      if (engine === 'strata') {
        const x = strataRandom(strata, X, 1);
        const lstm = strataLstm();
        lstm.apply(x);
        const vars = lstm.trainableWeights;
        return { strata: () => strata.variableGrads(() => strata.sum(lstm.apply(x)), vars) };
      }
      const x = tfRandom(tf, X, 1);
      const lstm = tfLstm(tf, x);
      const vars = lstm.trainableWeights.map((w) => w.read());
      return {
        tfjs: () => {
          const { value, grads } = tf.variableGrads(() => tf.sum(lstm.apply(x)), vars);
          for (const g of Object.values(grads)) g.dataSync();
          tf.dispose([value, ...Object.values(grads)]);
        },
        dispose: () => {
          x.dispose();
          lstm.dispose();
        },
      };
    },
  },
];
