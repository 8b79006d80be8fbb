import { NonNeg } from '@strata/constraints';
import { RandomUniform } from '@strata/initializers';
import { ShapeError, ValueError, mul, sum, tensor, variableGrads } from '@strata/tensor';
import { checkGradients, expectClose } from '@strata/tensor/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { getMask, setMask } from '../engine/masks';
import { deserialize, serialize } from '../registry';
import { checkLayerContract } from '../testing/check-layer-contract';
import { Embedding } from './embedding';
import { input } from './input-layer';

interface Fixture {
  keras_version: string;
  embedding: {
    default_config: Record<string, unknown>;
    full_config: Record<string, unknown>;
    config: Record<string, unknown>;
    embeddings: number[];
    ids: number[];
    ids_shape: number[];
    output: number[];
    mask: boolean[];
    float_ids_output: number[];
    p: number[];
    grad_embeddings: number[];
  };
}

const fx = (JSON.parse(readFileSync(join(__dirname, '__fixtures__/embedding_masking.json'), 'utf8')) as Fixture).embedding;
const EMB = tensor(fx.embeddings, [5, 3]);
const IDS = tensor(fx.ids, fx.ids_shape, 'int32');
const ids = (values: number[][]) => tensor(values, undefined, 'int32');

function fixedEmbedding(maskZero = true): Embedding {
  return new Embedding({ inputDim: 5, outputDim: 3, maskZero, weights: EMB });
}

describe('Embedding', () => {
  it('passes the layer contract on int32 ids', () => {
    checkLayerContract(() => new Embedding({ inputDim: 6, outputDim: 4 }), {
      inputShape: [2, 3], inputs: ids([[0, 5, 2], [1, 1, 4]]), weights: 1, trainableWeights: 1,
    });
    checkLayerContract(() => new Embedding({ inputDim: 6, outputDim: 2, maskZero: true }), {
      inputShape: [3], inputs: tensor([3, 0, 1], undefined, 'int32'), weights: 1,
    });
  });

  it('looks up rows of the embeddings on hand-checkable values', () => {
    const emb = new Embedding({ inputDim: 3, outputDim: 2, weights: [tensor([[0, 1], [10, 11], [20, 21]])] });
    const y = emb.apply(ids([[2, 0], [1, 1]]));
    expect(y.shape).toEqual([2, 2, 2]);
    expect(y.dtype).toBe('float32');
    expect(y.toArray()).toEqual([[[20, 21], [0, 1]], [[10, 11], [10, 11]]]);
    expect(getMask(y)).toBeNull();
  });

  it('draws its default embeddings from RandomUniform(-0.05, 0.05), as Keras', () => {
    const emb = new Embedding({ inputDim: 50, outputDim: 8 });
    expect(emb.embeddingsInitializer).toBeInstanceOf(RandomUniform);
    emb.apply(ids([[1]]));
    const values = Array.from(emb.embeddings.value.data);
    expect(Math.max(...values)).toBeLessThanOrEqual(0.05);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(-0.05);
    expect(Math.max(...values) - Math.min(...values)).toBeGreaterThan(0.08);
  });

  it('matches Keras outputs and masks (fixture from Keras)', () => {
    const y = fixedEmbedding().apply(IDS);
    expectClose(y, tensor(fx.output, [2, 3, 3]));
    expect(Array.from(getMask(y)!.data, Boolean)).toEqual(fx.mask);
    expect(getMask(y)!.shape).toEqual([2, 3]);
  });

  it('casts float ids to int32, as Keras', () => {
    const y = fixedEmbedding().apply(tensor(fx.ids, fx.ids_shape));
    expectClose(y, tensor(fx.float_ids_output, [2, 3, 3]));
    // Truncation toward zero, as a cast: 1.9 is row 1.
    expect(fixedEmbedding().apply(tensor([1.9])).toArray()).toEqual([Array.from(EMB.data.slice(3, 6))]);
  });

  it('scatter-adds the gradient into the embeddings, matching JAX', () => {
    const emb = fixedEmbedding();
    const p = tensor(fx.p, [2, 3, 3]);
    const { grads } = variableGrads(() => sum(mul(emb.apply(IDS), p)), [emb.embeddings]);
    expectClose(grads[0], tensor(fx.grad_embeddings, [5, 3]));
    // Row 3 is never looked up; row 2 twice, so its gradient is the sum of two rows of P.
    expect(Array.from(grads[0].data.slice(9, 12))).toEqual([0, 0, 0]);
    checkGradients(
      (e) => {
        emb.embeddings.swapValue(e);
        return emb.apply(IDS);
      },
      [EMB],
    );
  });

  it('writes the configs Keras writes and reads them back unchanged', () => {
    expect(new Embedding({ inputDim: 10, outputDim: 4, name: 'emb_default' }).getConfig()).toEqual(fx.default_config);
    for (const config of [fx.default_config, fx.full_config, fx.config]) {
      expect(Embedding.fromConfig(config).getConfig()).toEqual(config);
      expect(deserialize(JSON.parse(JSON.stringify(serialize(Embedding.fromConfig(config))))).getConfig()).toEqual(config);
    }
    const full = Embedding.fromConfig(fx.full_config);
    full.apply(ids([[1]]));
    expect(full.embeddings.constraint).toBeInstanceOf(NonNeg);
    expect(full.losses).toHaveLength(2); // activity and embeddings penalties
  });

  it('ignores Keras 2 input_length', () => {
    const config = { ...fx.default_config, input_length: 7 };
    expect(Embedding.fromConfig(config).getConfig()).toEqual(fx.default_config);
  });

  it('gives a symbolic output of shape (batch, ..., outputDim)', () => {
    const x = input({ shape: [7], dtype: 'int32' });
    const y = new Embedding({ inputDim: 10, outputDim: 4 }).apply(x);
    expect(y.shape).toEqual([null, 7, 4]);
    expect(y.dtype).toBe('float32');
  });

  it('drops an incoming mask unless maskZero, and then replaces it', () => {
    const x = ids([[1, 0]]);
    setMask(x, tensor([[false, true]], undefined, 'bool'));
    expect(getMask(fixedEmbedding(false).apply(x))).toBeNull();
    expect(getMask(fixedEmbedding(true).apply(x))!.toArray()).toEqual([[true, false]]);
  });

  it('rejects ids outside [0, inputDim - 1], naming the index', () => {
    const emb = new Embedding({ inputDim: 5, outputDim: 2, name: 'emb_range' });
    expect(() => emb.apply(ids([[1, 7]]))).toThrow(ValueError);
    expect(() => emb.apply(ids([[1, 7]]))).toThrow(
      /Embedding 'emb_range': ids must be integers in \[0, 4\] \(inputDim=5\), received index=7 at flat position 1 of ids with shape \(1, 2\)/,
    );
    expect(() => emb.apply(ids([[-1]]))).toThrow(/received index=-1/);
    expect(() => emb.apply(tensor([5.5]))).toThrow(/received index=5 /);
  });

  it('rejects dimensions that are not positive integers', () => {
    expect(() => new Embedding({ inputDim: 0, outputDim: 2 })).toThrow(ValueError);
    expect(() => new Embedding({ inputDim: 0, outputDim: 2 })).toThrow(/Embedding: inputDim must be a positive integer, received inputDim=0/);
    expect(() => new Embedding({ inputDim: 3, outputDim: 2.5 })).toThrow(/outputDim must be a positive integer, received outputDim=2.5/);
    expect(() => new Embedding({ inputDim: 3, outputDim: 2, loraRank: 4 as never })).toThrow(/loraRank .* not supported/);
  });

  it('rejects initial weights of the wrong shape', () => {
    expect(() => new Embedding({ inputDim: 3, outputDim: 2, weights: tensor([[1, 2]]) })).toThrow(ShapeError);
    expect(() => new Embedding({ inputDim: 3, outputDim: 2, weights: tensor([[1, 2]]) })).toThrow(/weight 0 \('embeddings'\) has shape \(3, 2\), received shape \(1, 2\)/);
  });

  it('equals a one-hot matrix product (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 6 }), (list) => {
        const y = fixedEmbedding(false).apply(tensor(list, undefined, 'int32'));
        const rows = list.map((i) => Array.from(EMB.data.slice(3 * i, 3 * i + 3)));
        expect(y.toArray()).toEqual(rows);
      }),
      { seed: 42, numRuns: 50 },
    );
  });
});
