// What each published package must do when it is installed alone from its tarball.
//
// A case names the bindings it imports (`imports`: module specifier -> names), a `body` of plain
// JavaScript run once through `require` (smoke.cjs) and once through ESM `import` (smoke.mjs), and
// a `types` snippet of TypeScript compiled as both a .cts and a .mts file, so that the package's
// declarations are resolved through the `require` and the `import` conditions alike.
//
// Inside `body`: `assert` is node:assert/strict and `close(actual, expected)` compares nested
// number arrays to float32 tolerance. Golden values are small enough to check by hand.
'use strict';

/** Row 1 of the layering table in DESIGN.md: these install with `@strata/tensor` and nothing else of ours. */
const ROW_1 = ['@strata/initializers', '@strata/regularizers', '@strata/constraints', '@strata/activations'];

/** Unpacked bytes (files under node_modules) a row-1 package may cost a user, its dependencies included. */
const ROW_1_BUDGET = 1_000_000;

const CASES = {
  '@strata/tensor': {
    imports: {
      '@strata/tensor': ['tensor', 'matmul', 'grad', 'sum', 'mul', 'Variable'],
      '@strata/tensor/testing': ['checkGradients'],
    },
    // [[1,2],[3,4]]^2 = [[7,10],[15,22]]; d/dx sum(x*x) = 2x.
    body: `
      close(matmul(tensor([[1, 2], [3, 4]]), tensor([[1, 2], [3, 4]])).toArray(), [[7, 10], [15, 22]]);
      close(grad((x) => sum(mul(x, x)))(tensor([1, 2, 3])).toArray(), [2, 4, 6]);
      checkGradients((x) => sum(mul(x, x)), [tensor([0.5, -1.5])]);
      const v = new Variable(tensor([1, 2]));
      v.assign(tensor([3, 4]));
      close(v.value.toArray(), [3, 4]);`,
    types: `
      const t: Tensor = matmul(tensor([[1, 2], [3, 4]]), tensor([[1, 2], [3, 4]]));
      export const shape: number[] = t.shape;
      export const check: typeof checkGradients = checkGradients;`,
    typeImports: { '@strata/tensor': ['Tensor'] },
  },
  '@strata/initializers': {
    imports: { '@strata/initializers': ['HeUniform', 'get'] },
    body: `
      const w = new HeUniform({ seed: 1 }).apply([3, 4]);
      assert.deepEqual(w.shape, [3, 4]);
      // He uniform draws from [-sqrt(6 / fan_in), sqrt(6 / fan_in)] with fan_in = 3.
      assert.ok(Array.from(w.data).every((x) => Math.abs(x) <= Math.sqrt(2) + 1e-6));
      assert.deepEqual(get('he_uniform').constructor.className, 'HeUniform');`,
    types: `
      const w: Tensor = new HeUniform({ seed: 1 }).apply([3, 4]);
      export const shape: number[] = w.shape;`,
    typeImports: { '@strata/tensor': ['Tensor'] },
  },
  '@strata/regularizers': {
    imports: { '@strata/regularizers': ['L2', 'get'], '@strata/tensor': ['tensor'] },
    // 0.5 * (1 + 4) = 2.5
    body: `
      close(new L2({ l2: 0.5 }).apply(tensor([1, 2])).toArray(), 2.5);
      assert.equal(get('l2').constructor.className, 'L2');`,
    types: `
      const penalty: Tensor = new L2({ l2: 0.5 }).apply(tensor([1, 2]));
      export const value: number = penalty.item();`,
    typeImports: { '@strata/tensor': ['Tensor'] },
  },
  '@strata/constraints': {
    imports: { '@strata/constraints': ['NonNeg', 'get'], '@strata/tensor': ['tensor'] },
    body: `
      close(new NonNeg().apply(tensor([-1, 2])).toArray(), [0, 2]);
      assert.equal(get('non_neg').constructor.className, 'NonNeg');`,
    types: `
      const w: Tensor = new NonNeg().apply(tensor([-1, 2]));
      export const shape: number[] = w.shape;`,
    typeImports: { '@strata/tensor': ['Tensor'] },
  },
  '@strata/activations': {
    imports: { '@strata/activations': ['relu', 'softmax', 'get'], '@strata/tensor': ['tensor'] },
    body: `
      close(relu(tensor([-1, 2])).toArray(), [0, 2]);
      close(softmax(tensor([[0, 0]])).toArray(), [[0.5, 0.5]]);
      assert.equal(get('relu'), relu);`,
    types: `
      const y: Tensor = relu(tensor([-1, 2]));
      export const shape: number[] = y.shape;`,
    typeImports: { '@strata/tensor': ['Tensor'] },
  },
  '@strata/losses': {
    imports: { '@strata/losses': ['MeanSquaredError', 'get', 'metrics'], '@strata/tensor': ['tensor'] },
    // ((0 - 1)^2 + (1 - 1)^2) / 2 = 0.5
    body: `
      close(new MeanSquaredError().apply(tensor([[0, 1]]), tensor([[1, 1]])).toArray(), 0.5);
      assert.equal(typeof get('mse'), 'object');
      assert.equal(typeof metrics.Mean, 'function');`,
    types: `
      const loss: Tensor = new MeanSquaredError().apply(tensor([[0, 1]]), tensor([[1, 1]]));
      export const value: number = loss.item();`,
    typeImports: { '@strata/tensor': ['Tensor'] },
  },
  '@strata/optimizers': {
    imports: { '@strata/optimizers': ['SGD', 'get'], '@strata/tensor': ['tensor', 'Variable'] },
    // w - 0.1 * g = [1, 2] - 0.1 * [1, 1]
    body: `
      const w = new Variable(tensor([1, 2]));
      new SGD({ learningRate: 0.1 }).apply([tensor([1, 1])], [w]);
      close(w.value.toArray(), [0.9, 1.9]);
      assert.equal(get('adam').constructor.name, 'Adam');`,
    types: `
      const w = new Variable(tensor([1, 2]));
      new SGD({ learningRate: 0.1 }).apply([tensor([1, 1])], [w]);
      export const value: number[] = w.value.shape;`,
  },
  '@strata/layers': {
    imports: { '@strata/layers': ['Dense'], '@strata/layers/testing': ['checkLayerContract'], '@strata/tensor': ['tensor'] },
    // A ones kernel sums the inputs: 1 + 2 + 3 = 6 for each of the two units.
    body: `
      const dense = new Dense({ units: 2, kernelInitializer: 'ones', biasInitializer: 'zeros' });
      close(dense.apply(tensor([[1, 2, 3]])).toArray(), [[6, 6]]);
      assert.equal(dense.getWeights().length, 2);
      checkLayerContract(() => new Dense({ units: 2 }), { inputShape: [2, 3], weights: 2 });`,
    types: `
      const dense = new Dense({ units: 2, kernelInitializer: 'ones', activation: 'relu' });
      export const y = dense.apply(tensor([[1, 2, 3]]));
      export const check: typeof checkLayerContract = checkLayerContract;`,
  },
  '@strata/models': {
    imports: { '@strata/models': ['Sequential'], '@strata/layers': ['Dense'], '@strata/optimizers': ['SGD'], '@strata/tensor': ['tensor'] },
    // y = w.x + b from zeros, SGD 0.1, two batches of two, no shuffling. Batch 1 loss (1 + 4) / 2 = 2.5,
    // then w = [0.1, 0.2], b = 0.3; batch 2 predicts [0.6, 0.3] for [3, 0]: (5.76 + 0.09) / 2 = 2.925.
    // The epoch loss is their mean, 2.7125; after batch 2, w = [0.34, 0.44], b = 0.51, so f([1, 1]) = 1.29.
    body: `
      const model = new Sequential({ layers: [new Dense({ units: 1, inputShape: [2], kernelInitializer: 'zeros' })] });
      model.compile({ optimizer: new SGD({ learningRate: 0.1 }), loss: 'mse' });
      const x = tensor([[1, 0], [0, 1], [1, 1], [0, 0]]);
      const y = tensor([[1], [2], [3], [0]]);
      const history = await model.fit(x, y, { epochs: 1, batchSize: 2, shuffle: false, verbose: 0 });
      close(history.history.loss, [2.7125]);
      close(model.predict(tensor([[1, 1]])).toArray(), [[1.29]]);`,
    types: `
      const model = new Sequential({ layers: [new Dense({ units: 1, inputShape: [2] })] });
      model.compile({ optimizer: new SGD({ learningRate: 0.1 }), loss: 'mse' });
      export const history: Promise<History> = model.fit(tensor([[1, 0]]), tensor([[1]]), { epochs: 1 });`,
    typeImports: { '@strata/models': ['History'] },
  },
  '@strata/saving': {
    imports: {
      '@strata/saving': ['saveModel', 'loadModel'],
      '@strata/models': ['Sequential'],
      '@strata/layers': ['Dense'],
      '@strata/tensor': ['tensor'],
    },
    // The DESIGN.md contract: saveModel(model, path) and loadModel(path) round-trip the weights.
    body: `
      const file = require('node:path').join(require('node:os').tmpdir(), 'strata-smoke-' + process.pid + '.keras');
      const model = new Sequential({ layers: [new Dense({ units: 2, inputShape: [3], kernelInitializer: 'ones' })] });
      await saveModel(model, file);
      const loaded = await loadModel(file);
      require('node:fs').rmSync(file, { force: true });
      close(loaded.predict(tensor([[1, 2, 3]])).toArray(), [[6, 6]]);`,
    types: `
      export const save: typeof saveModel = saveModel;
      export const load: typeof loadModel = loadModel;`,
  },
  '@strata/squeeze-excitation': {
    imports: {
      '@strata/squeeze-excitation': ['SqueezeExcitation', 'register'],
      '@strata/layers': ['serialize', 'deserialize'],
      '@strata/tensor': ['tensor'],
    },
    // Two channels, ratio 2, one hidden unit: the mean over steps is [2, 4], the hidden unit
    // relu(2 * 0.5 + 4 * 0.25 - 1) = 1, the gate sigmoid([0, ln 3]) = [1/2, 3/4]. The plugin registers
    // into the one @strata/layers the install holds, so the registry finds the class by its registered name.
    body: `
      const se = new SqueezeExcitation({ ratio: 2 });
      se.apply(tensor([[[0, 0]]]));
      se.setWeights([tensor([[0.5], [0.25]]), tensor([-1]), tensor([[0, Math.log(3)]]), tensor([0, 0])]);
      close(se.apply(tensor([[[1, 3], [3, 5]]])).toArray(), [[[0.5, 2.25], [1.5, 3.75]]]);
      assert.deepEqual(register(), ['strata_squeeze_excitation>SqueezeExcitation']);
      const json = JSON.parse(JSON.stringify(serialize(se)));
      assert.equal(json.registered_name, 'strata_squeeze_excitation>SqueezeExcitation');
      assert.ok(deserialize(json) instanceof SqueezeExcitation);`,
    types: `
      const se: SqueezeExcitation = new SqueezeExcitation({ ratio: 4 });
      export const ratio: number = se.ratio;
      export const names: string[] = register();`,
  },
};

module.exports = { ROW_1, ROW_1_BUDGET, CASES };
