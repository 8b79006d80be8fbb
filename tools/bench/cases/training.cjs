// Training throughput: one epoch of `model.fit` on 2,048 random MNIST-shaped samples (x in
// [-0.5, 0.5), 784 features; labels 0..9), Adam (learning rate 0.001), sparse categorical
// crossentropy, shuffling on (the fit default), no metrics. Strata's Sequential against
// tf.sequential on each tfjs backend. Each engine runs in its own process (`isolate`), so the
// table also shows that process's peak memory.
'use strict';
const { randomData } = require('../lib.cjs');

const SAMPLES = 2048;
const PIXELS = 784;
// The warm-up trains on the first rows only: it compiles the JIT paths and creates the
// optimizer's slots, at a fraction of an epoch's cost.
const WARMUP_SAMPLES = 256;

/** The same inputs and labels for every engine. */
function data() {
  const x = randomData(SAMPLES * PIXELS, 1);
  const u = randomData(SAMPLES, 2);
  const labels = Float32Array.from(u, (v) => Math.min(9, Math.floor((v + 0.5) * 10)));
  return { x, labels };
}

/** Strata's models, or an error saying what to build. */
function strataModules() {
  try {
    return {
      tensor: require('@strata/tensor'),
      models: require('@strata/models'),
      layers: require('@strata/layers'),
      optimizers: require('@strata/optimizers'),
    };
  } catch (e) {
    throw new Error(`cannot load the Strata model packages (npm install, then build them: npx tsc -b packages/*/tsconfig.lib.json): ${e.message.split('\n')[0]}`);
  }
}

function strataLayers(kind, L) {
  if (kind === 'mlp') {
    return [
      new L.Dense({ units: 256, activation: 'relu', inputShape: [PIXELS] }),
      new L.Dense({ units: 128, activation: 'relu' }),
      new L.Dense({ units: 10, activation: 'softmax' }),
    ];
  }
  return [
    new L.Reshape({ targetShape: [28, 28, 1], inputShape: [PIXELS] }),
    new L.Conv2D({ filters: 32, kernelSize: 3, activation: 'relu' }),
    new L.MaxPooling2D({ poolSize: 2 }),
    new L.Conv2D({ filters: 64, kernelSize: 3, activation: 'relu' }),
    new L.MaxPooling2D({ poolSize: 2 }),
    new L.Flatten(),
    new L.Dense({ units: 10, activation: 'softmax' }),
  ];
}

function tfjsLayers(kind, tf) {
  if (kind === 'mlp') {
    return [
      tf.layers.dense({ units: 256, activation: 'relu', inputShape: [PIXELS] }),
      tf.layers.dense({ units: 128, activation: 'relu' }),
      tf.layers.dense({ units: 10, activation: 'softmax' }),
    ];
  }
  return [
    tf.layers.reshape({ targetShape: [28, 28, 1], inputShape: [PIXELS] }),
    tf.layers.conv2d({ filters: 32, kernelSize: 3, activation: 'relu' }),
    tf.layers.maxPooling2d({ poolSize: 2 }),
    tf.layers.conv2d({ filters: 64, kernelSize: 3, activation: 'relu' }),
    tf.layers.maxPooling2d({ poolSize: 2 }),
    tf.layers.flatten(),
    tf.layers.dense({ units: 10, activation: 'softmax' }),
  ];
}

function trainingCase(kind, name, batchSize) {
  return {
    name,
    unit: 'samples/s',
    items: SAMPLES,
    async: true,
    isolate: true,
    // One warm-up (a few batches), then timed epochs for 2 s, at least 2 and at most 10.
    timing: { warmup: 1, minTime: 2000, minReps: 2, maxReps: 10 },
    setup({ engine, tf }) {
      const { x, labels } = data();
      const fitArgs = { epochs: 1, batchSize, verbose: 0 };
      if (engine === 'strata') {
        const S = strataModules();
        const model = new S.models.Sequential({ layers: strataLayers(kind, S.layers) });
        model.compile({ optimizer: new S.optimizers.Adam({ learningRate: 0.001 }), loss: 'sparse_categorical_crossentropy' });
        const xs = S.tensor.tensor(x, [SAMPLES, PIXELS]);
        const ys = S.tensor.tensor(Int32Array.from(labels), [SAMPLES], 'int32');
        const wx = S.tensor.tensor(x.subarray(0, WARMUP_SAMPLES * PIXELS), [WARMUP_SAMPLES, PIXELS]);
        const wy = S.tensor.tensor(Int32Array.from(labels.subarray(0, WARMUP_SAMPLES)), [WARMUP_SAMPLES], 'int32');
        return {
          warmup: () => model.fit(wx, wy, fitArgs),
          strata: () => model.fit(xs, ys, fitArgs),
        };
      }
      if (kind === 'cnn' && tf.getBackend() === 'cpu' && !process.env.STRATA_BENCH_SLOW) {
        // tfjs-cpu's convolution gradients are naive loops. Measured once (Node 20, 2-core EPYC):
        // 22 s per trainOnBatch of 64 samples, about 3 samples/s, so an epoch here takes 12 minutes.
        throw new Error('skipped: tfjs-cpu needs about 22 s per batch of 64 here, 3 samples/s (set STRATA_BENCH_SLOW=1 to run it)');
      }
      const model = tf.sequential({ layers: tfjsLayers(kind, tf) });
      model.compile({ optimizer: tf.train.adam(0.001), loss: 'sparseCategoricalCrossentropy' });
      // tfjs-layers' sparse categorical crossentropy takes float labels of shape [n, 1].
      const xs = tf.tensor2d(x, [SAMPLES, PIXELS]);
      const ys = tf.tensor2d(labels, [SAMPLES, 1]);
      const wx = xs.slice([0, 0], [WARMUP_SAMPLES, PIXELS]);
      const wy = ys.slice([0, 0], [WARMUP_SAMPLES, 1]);
      return {
        warmup: () => model.fit(wx, wy, fitArgs),
        tfjs: () => model.fit(xs, ys, fitArgs),
        dispose: () => {
          tf.dispose([xs, ys, wx, wy]);
          model.dispose();
        },
      };
    },
  };
}

module.exports = [
  trainingCase('mlp', 'fit MLP 784-256-128-10, batch 128, 1 epoch', 128),
  trainingCase('cnn', 'fit CNN conv32-pool-conv64-pool-dense10, batch 64, 1 epoch', 64),
];
