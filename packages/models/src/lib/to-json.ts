import { Layer, LayerNode, SymbolicTensor, serialize as serializeLayer } from '@strata/layers';
import type { InputLayer as InputLayerT } from '@strata/layers';
import type { Model } from './model';

type Json = Record<string, unknown>;
type History = [string, number, number];

const DTYPE_POLICY = { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' }, registered_name: null };

// The nodes of `layer` that belong to `model`, in the layer's order: Keras numbers a layer's
// nodes within the model being saved, not across every graph the layer was used in.
function nodeIndex(model: Model, layer: Layer, node: LayerNode, own: Set<LayerNode>): number {
  return layer.inboundNodes.filter((n) => own.has(n)).indexOf(node);
}

function kerasTensor(model: Model, t: SymbolicTensor, own: Set<LayerNode>): Json {
  const node = t.node!;
  return {
    class_name: '__keras_tensor__',
    config: { shape: t.shape, dtype: t.dtype, keras_history: [node.layer.name, nodeIndex(model, node.layer, node, own), t.outputIndex] },
  };
}

function history(model: Model, t: SymbolicTensor, own: Set<LayerNode>): History {
  return [t.node!.layer.name, nodeIndex(model, t.node!.layer, t.node!, own), t.outputIndex];
}

// Structural check: importing the Model class here would close an import cycle with model.ts.
export function isModel(layer: Layer): layer is Model {
  return layer.className === 'Sequential' || layer.className === 'Functional';
}

function layerJSON(layer: Layer): Json {
  return isModel(layer) ? modelToJSON(layer) : (serializeLayer(layer) as unknown as Json);
}

/**
 * Keras 3 model JSON (`model.to_json()`): Sequential or Functional, layers with `build_config`,
 * `__keras_tensor__` inbound nodes, and the `compile_config` when compiled.
 */
export function modelToJSON(model: Model): Json {
  const compile = { compile_config: model.compiled ? model.compiled.config : {} };
  if (model.className === 'Sequential') {
    const input = model.inputs[0]?.node?.layer;
    const layers = [...(input ? [input] : []), ...model.layers].map(layerJSON);
    const config: Json = { name: model.name, trainable: model.trainable, dtype: DTYPE_POLICY, layers };
    if (input) config['build_input_shape'] = (input as InputLayerT).batchShape;
    return {
      module: 'keras', class_name: 'Sequential', config, registered_name: null,
      ...(input ? { build_config: { input_shape: (input as InputLayerT).batchShape } } : {}), ...compile,
    };
  }
  const own = new Set<LayerNode>();
  for (const l of model.layers) for (const n of l.inboundNodes) own.add(n);
  // Only nodes of this model's graph: walk from the outputs.
  const inGraph = new Set<LayerNode>();
  const stack = model.outputs.map((t) => t.node!);
  while (stack.length) {
    const n = stack.pop()!;
    if (inGraph.has(n)) continue;
    inGraph.add(n);
    for (const t of n.inputs) stack.push(t.node!);
  }
  const layers = model.layers.map((layer) => ({
    ...layerJSON(layer),
    name: layer.name,
    inbound_nodes: layer.inboundNodes.filter((n) => inGraph.has(n) && n.inputs.length > 0).map((n) => {
      const args = n.inputs.map((t) => kerasTensor(model, t, inGraph));
      // Keras records `mask=None` for calls of models (their call signature takes a mask).
      return { args: n.inputIsList && !layer.positionalInputs ? [args] : args, kwargs: isModel(layer) ? { mask: null, ...n.callArgs } : n.callArgs };
    }),
  }));
  const ends = (ts: SymbolicTensor[], isList: boolean) => (isList ? ts.map((t) => history(model, t, inGraph)) : history(model, ts[0], inGraph));
  return {
    module: 'keras.src.models.functional', class_name: 'Functional',
    config: { name: model.name, trainable: model.trainable, layers, input_layers: ends(model.inputs, model.inputsAreListed), output_layers: ends(model.outputs, model.outputsAreListed) },
    registered_name: 'Functional', build_config: { input_shape: null }, ...compile,
  };
}
