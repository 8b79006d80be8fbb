import {
  InputLayer, Layer, LayerJSON, SymbolicTensor, deserialize as deserializeLayer,
} from '@strata/layers';
import { ValueError, show } from '@strata/tensor';
import { Model } from './model';
import { Sequential } from './sequential';

type Json = Record<string, unknown>;
type History = [string, number, number];

/** Options of `modelFromJSON`. */
export interface FromJSONOptions {
  /** Plugin classes by class name or registered name, as Keras's `custom_objects`. */
  customObjects?: Record<string, unknown>;
}

function parse(json: string | Json): Json {
  if (typeof json !== 'string') return json;
  try {
    return JSON.parse(json) as Json;
  } catch (e) {
    throw new ValueError(`modelFromJSON: the text is not JSON (${(e as Error).message})`);
  }
}

/**
 * Builds a model from Keras model JSON: Keras 3 `to_json()` output (Sequential, Functional,
 * nested models) and Keras 2's (legacy node lists, `batch_input_shape`, `Model`/`Functional`).
 *
 * @example
 * const copy = modelFromJSON(model.toJSON());
 */
export function modelFromJSON(json: string | Json, options: FromJSONOptions = {}): Model {
  const obj = parse(json);
  const cls = obj['class_name'];
  const config = (obj['config'] ?? {}) as Json;
  if (cls === 'Sequential') return sequentialFromConfig(config, options);
  if (cls === 'Functional' || cls === 'Model') return functionalFromConfig(config, options);
  throw new ValueError(`modelFromJSON: expected class_name 'Sequential', 'Functional' or 'Model', received ${show(cls)}`);
}

function anyFromJSON(obj: Json, options: FromJSONOptions): Layer {
  const cls = obj['class_name'];
  if (cls === 'Sequential' || cls === 'Functional' || cls === 'Model') return modelFromJSON(obj, options);
  const { inbound_nodes: _n, name: _name, ...rest } = obj;
  // Functional models build their layers by calling them; Sequential ones build from build_config.
  return deserializeLayer(rest as unknown as LayerJSON, options);
}

function sequentialFromConfig(config: Json, options: FromJSONOptions): Sequential {
  const layerConfigs = (Array.isArray(config) ? config : config['layers']) as Json[] | undefined;
  if (!Array.isArray(layerConfigs)) throw new ValueError(`modelFromJSON: a Sequential config needs 'layers', received ${show(config)}`);
  const model = new Sequential({ name: Array.isArray(config) ? undefined : (config['name'] as string) });
  for (const c of layerConfigs) {
    const { build_config: _b, ...rest } = c;
    model.add(anyFromJSON(rest as Json, options));
  }
  const shape = !Array.isArray(config) ? (config['build_input_shape'] as (number | null)[] | undefined) : undefined;
  if (!model.built && shape) model.build(shape);
  return model;
}

// A Keras 3 node ({ args, kwargs }) or a Keras 2 node ([[name, node, tensor, kwargs], ...]).
function readNode(node: unknown): { refs: History[]; isList: boolean; kwargs: Json } {
  if (Array.isArray(node)) {
    const refs = node.map((r) => [r[0], r[1], r[2]] as History);
    return { refs, isList: refs.length > 1, kwargs: (node[0]?.[3] as Json) ?? {} };
  }
  const n = node as { args: unknown[]; kwargs?: Json };
  const first = n.args[0];
  // [[a, b]]: one list argument (Concatenate); [a, b]: several positional tensors
  // (MultiHeadAttention's query, value), which Strata passes as one list as well.
  const list = Array.isArray(first) ? (first as Json[]) : (n.args as Json[]);
  const refs = list.map((t) => ((t['config'] as Json)['keras_history'] as History));
  const tensorKwargs = Object.entries(n.kwargs ?? {}).filter(([, v]) => (v as Json | null)?.['class_name'] === '__keras_tensor__');
  if (tensorKwargs.length) {
    throw new ValueError(`modelFromJSON: tensors passed by keyword (${tensorKwargs.map(([k]) => k).join(', ')}) are not supported; call the layer with positional inputs`);
  }
  return { refs, isList: Array.isArray(first) || list.length > 1, kwargs: n.kwargs ?? {} };
}

function endpoints(value: unknown): History[] {
  const list = value as unknown[];
  return typeof list[0] === 'string' ? [list as History] : (list as History[]);
}

function functionalFromConfig(config: Json, options: FromJSONOptions): Model {
  const entries = config['layers'] as Json[];
  const tensors = new Map<string, SymbolicTensor>();
  const key = (h: History) => `${h[0]}:${h[1]}:${h[2]}`;
  const pending: { layer: Layer; nodes: ReturnType<typeof readNode>[]; done: number }[] = [];
  for (const entry of entries) {
    const layer = anyFromJSON(entry, options);
    const nodes = ((entry['inbound_nodes'] as unknown[]) ?? []).map(readNode);
    if (layer instanceof InputLayer) tensors.set(key([layer.name, 0, 0]), layer.output);
    pending.push({ layer, nodes, done: 0 });
  }
  // Call layers as soon as their inputs exist, in passes, as Keras's from_config does.
  let progress = true;
  while (progress) {
    progress = false;
    for (const p of pending) {
      while (p.done < p.nodes.length) {
        const node = p.nodes[p.done];
        const inputs = node.refs.map((h) => tensors.get(key(h)));
        if (inputs.some((t) => !t)) break;
        const args = inputs as SymbolicTensor[];
        const outs = p.layer.applyMulti(node.isList ? args : args[0], node.kwargs);
        outs.forEach((t, i) => tensors.set(key([p.layer.name, p.done, i]), t));
        p.done++;
        progress = true;
      }
    }
  }
  const stuck = pending.find((p) => p.done < p.nodes.length);
  if (stuck) throw new ValueError(`modelFromJSON: could not connect layer '${stuck.layer.name}': an input it needs is missing from the JSON`);
  const pick = (hs: History[]) =>
    hs.map((h) => {
      const t = tensors.get(key(h));
      if (!t) throw new ValueError(`modelFromJSON: unknown tensor ${show(h)} in input_layers/output_layers`);
      return t;
    });
  const ins = pick(endpoints(config['input_layers']));
  const outs = pick(endpoints(config['output_layers']));
  // A flat [name, node, tensor] means one tensor, not a list of one (Keras writes both forms).
  const listIn = typeof (config['input_layers'] as unknown[])[0] !== 'string';
  const listOut = typeof (config['output_layers'] as unknown[])[0] !== 'string';
  return new Model({ name: config['name'] as string, inputs: listIn ? ins : ins[0], outputs: listOut ? outs : outs[0] });
}
