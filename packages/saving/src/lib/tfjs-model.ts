import type { Layer } from '@strata/layers';
import type { Model } from '@strata/models';
import { ShapeError, Tensor, ValueError, Variable, cast, formatShape, noGrad, sameShape, show } from '@strata/tensor';
import { readBytes } from './files';
import { float16ToFloat32 } from './float16';
import { legacyOptimizer } from './legacy-h5';
import { LoadModelOptions, modelFromKerasConfig } from './model-config';

type Json = Record<string, unknown>;

// Node and browsers have TextDecoder; the library compiles without DOM or Node typings.
declare const TextDecoder: new () => { decode(bytes: Uint8Array): string };

/** One weight of a TensorFlow.js weights manifest. */
interface ManifestWeight {
  name: string;
  shape: number[];
  dtype: string;
  quantization?: { dtype: string; scale?: number; min?: number; original_dtype?: string };
}

/** One group of a TensorFlow.js weights manifest: its shard files and the weights they hold, in order. */
interface ManifestGroup {
  paths: string[];
  weights: ManifestWeight[];
}

const BYTES: Record<string, number> = { float32: 4, int32: 4, bool: 1, uint8: 1, uint16: 2, float16: 2 };

function decodeWeight(w: ManifestWeight, bytes: Uint8Array, who: string): { tensor: Tensor; size: number } {
  const n = w.shape.reduce((a, b) => a * b, 1);
  const stored = w.quantization?.dtype ?? w.dtype;
  const width = BYTES[stored];
  if (width === undefined) throw new ValueError(`${who}: weight '${w.name}' has an unsupported dtype, received dtype='${stored}'`);
  const size = n * width;
  if (bytes.byteLength < size) throw new ValueError(`${who}: the weight shards end inside weight '${w.name}' (needs ${size} bytes, ${bytes.byteLength} left)`);
  const buf = bytes.slice(0, size).buffer;
  let data: Float32Array | Int32Array;
  if (stored === 'float32') data = new Float32Array(buf);
  else if (stored === 'float16') data = float16ToFloat32(new Uint16Array(buf));
  else if (stored === 'uint8' || stored === 'uint16') {
    const q = stored === 'uint8' ? new Uint8Array(buf) : new Uint16Array(buf);
    const { scale = 1, min = 0 } = w.quantization ?? {};
    // TensorFlow.js's affine dequantization: value = q * scale + min.
    data = Float32Array.from(q, (x) => x * scale + min);
  } else data = Int32Array.from(stored === 'int32' ? new Int32Array(buf) : new Uint8Array(buf));
  const dtype = w.dtype === 'int32' ? 'int32' : w.dtype === 'bool' ? 'bool' : 'float32';
  const t = new Tensor(data, w.shape, data instanceof Float32Array ? 'float32' : 'int32');
  return { tensor: t.dtype === dtype ? t : noGrad(() => cast(t, dtype)), size };
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.byteLength;
  }
  return out;
}

/** Every weight of a manifest, decoded; a group's shards are one byte stream split into files. */
export function decodeManifest(manifest: ManifestGroup[], shards: Record<string, Uint8Array>, who: string): { name: string; tensor: Tensor }[] {
  const out: { name: string; tensor: Tensor }[] = [];
  for (const group of manifest) {
    const parts = group.paths.map((p) => {
      const data = shards[p] ?? shards[p.slice(p.lastIndexOf('/') + 1)];
      if (!data) throw new ValueError(`${who}: the weight shard '${p}' is missing, received shards ${show(Object.keys(shards))}`);
      return data;
    });
    let bytes = concat(parts);
    for (const w of group.weights) {
      const { tensor, size } = decodeWeight(w, bytes, who);
      out.push({ name: w.name.replace(/:0$/, ''), tensor });
      bytes = bytes.subarray(size);
    }
  }
  return out;
}

function legacyWeights(layer: Layer): Variable[] {
  return [...layer.trainableWeights, ...layer.nonTrainableWeights];
}

/**
 * Matches decoded weights to the model's variables: by name (`<layer>/<weight>`) when every
 * variable's path is in the manifest, otherwise by order (the converter writes layer by layer,
 * trainable weights first, as Keras's legacy `.h5`).
 */
function assignWeights(model: Model, weights: { name: string; tensor: Tensor }[], who: string): void {
  const variables = model.layers.flatMap(legacyWeights);
  const byName = new Map(weights.map((w) => [w.name, w.tensor]));
  const named = variables.every((v) => byName.has(v.path));
  if (!named && weights.length !== variables.length) {
    throw new ValueError(`${who}: the model has ${variables.length} weights, received ${weights.length} weights in the manifest (${weights.map((w) => w.name).join(', ')})`);
  }
  const values = variables.map((v, i) => (named ? (byName.get(v.path) as Tensor) : weights[i].tensor));
  variables.forEach((v, i) => {
    if (!sameShape(v.shape, values[i].shape)) {
      const source = named ? v.path : weights[i].name;
      throw new ShapeError(`${who}: weight '${v.path}' must have shape ${formatShape(v.shape)}, received shape ${formatShape(values[i].shape)} for '${source}' in the manifest`);
    }
  });
  variables.forEach((v, i) => v.assign(values[i].dtype === v.dtype ? values[i] : noGrad(() => cast(values[i], v.dtype))));
}

/**
 * Loads a TensorFlow.js Layers model from its `model.json` (parsed or as text) and the bytes of
 * its weight shards by file name; float32, int32, float16 and uint8/uint16-quantized weights are
 * decoded to float32 (works in browsers).
 *
 * @example
 * const model = await loadTfjsModel(modelJson, { 'group1-shard1of1.bin': shard });
 */
export async function loadTfjsModel(
  modelJson: Json | string,
  shards: Record<string, Uint8Array>,
  options: LoadModelOptions = {},
  who = 'loadTfjsModel',
): Promise<Model> {
  const json = (typeof modelJson === 'string' ? JSON.parse(modelJson) : modelJson) as Json;
  const topology = json?.['modelTopology'] as Json | undefined;
  if (!topology || !Array.isArray(json['weightsManifest'])) {
    throw new ValueError(`${who}: expected a TensorFlow.js model.json with modelTopology and weightsManifest, received keys ${show(Object.keys(json ?? {}))}`);
  }
  const config = (topology['model_config'] ?? topology) as Json;
  const training = topology['training_config'] as Json | undefined;
  const model = modelFromKerasConfig({ ...config, compile_config: null }, options, who);
  assignWeights(model, decodeManifest(json['weightsManifest'] as ManifestGroup[], shards, who), who);
  if (options.compile !== false && training?.['optimizer_config']) {
    model.compile({ optimizer: legacyOptimizer(training['optimizer_config'] as Json), loss: training['loss'] ?? undefined, metrics: training['metrics'] ?? undefined });
  }
  return model;
}

/** `loadModel` for a `model.json` path: the shards are read from the same folder. */
export async function loadTfjsModelFiles(path: string, options: LoadModelOptions, who: string): Promise<Model> {
  const text = new TextDecoder().decode(await readBytes(path, who));
  let json: Json;
  try {
    json = JSON.parse(text) as Json;
  } catch (e) {
    throw new ValueError(`${who}: ${path} is not JSON (${(e as Error).message})`);
  }
  const dir = path.slice(0, Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const shards: Record<string, Uint8Array> = {};
  for (const group of (json['weightsManifest'] as ManifestGroup[] | undefined) ?? []) {
    for (const p of group.paths) shards[p] = await readBytes(dir + p, who);
  }
  return loadTfjsModel(json, shards, options, who);
}
