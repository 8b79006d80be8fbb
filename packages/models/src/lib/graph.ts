import { Layer, LayerNode, SymbolicTensor } from '@strata/layers';
import { ValueError } from '@strata/tensor';

/** A functional model's graph: its nodes in execution order and its layers in Keras's order. */
export interface Graph {
  /** Every node between the inputs and the outputs, producers before consumers. */
  nodes: LayerNode[];
  /** Layers by decreasing depth, ties in traversal order (Keras's `model.layers`, InputLayers included). */
  layers: Layer[];
}

/**
 * Walks back from `outputs` to `inputs` (Keras's `map_graph`): orders the nodes topologically,
 * checks every tensor is reachable from the inputs, and orders the layers as Keras does.
 */
export function mapGraph(inputs: readonly SymbolicTensor[], outputs: readonly SymbolicTensor[], who: string): Graph {
  const inputNodes = new Set(inputs.map((t) => t.node));
  const order: LayerNode[] = [];
  const state = new Map<LayerNode, 'visiting' | 'done'>();
  const visit = (node: LayerNode) => {
    const s = state.get(node);
    if (s === 'done') return;
    if (s === 'visiting') throw new ValueError(`${who}: the graph has a cycle at layer '${node.layer.name}'`);
    state.set(node, 'visiting');
    if (!inputNodes.has(node)) {
      if (node.inputs.length === 0) {
        throw new ValueError(
          `${who}: output depends on input '${node.layer.name}', which is not among the model's inputs. Pass it in inputs.`,
        );
      }
      for (const t of node.inputs) visit(t.node!);
    }
    state.set(node, 'done');
    order.push(node);
  };
  for (const t of outputs) {
    if (!(t instanceof SymbolicTensor) || !t.node) {
      throw new ValueError(`${who}: outputs must be SymbolicTensors produced by layers, received ${String(t)}`);
    }
    visit(t.node);
  }
  for (const t of inputs) if (!state.has(t.node!)) order.unshift(t.node!);

  // Depth: outputs' nodes are 0, a producer is one deeper than its deepest consumer.
  const depth = new Map<LayerNode, number>();
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i];
    const d = depth.get(node) ?? 0;
    depth.set(node, d);
    if (inputNodes.has(node)) continue;
    for (const t of node.inputs) depth.set(t.node!, Math.max(depth.get(t.node!) ?? 0, d + 1));
  }
  const layerDepth = new Map<Layer, number>();
  const layerIndex = new Map<Layer, number>();
  order.forEach((node, i) => {
    layerDepth.set(node.layer, Math.max(layerDepth.get(node.layer) ?? 0, depth.get(node)!));
    if (!layerIndex.has(node.layer)) layerIndex.set(node.layer, i);
  });
  const layers = [...layerIndex.keys()].sort(
    (a, b) => layerDepth.get(b)! - layerDepth.get(a)! || layerIndex.get(a)! - layerIndex.get(b)!,
  );
  return { nodes: order, layers };
}
