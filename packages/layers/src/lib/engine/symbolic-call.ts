import type { Tensor } from '@strata/tensor';
import type { CallArgs, Layer } from './layer';
import { Shape, isShapeList } from './shape';
import { LayerNode, SymbolicTensor } from './symbolic-tensor';

/** A mask argument: one mask, one per input, or none. */
export type Mask = Tensor | (Tensor | null)[] | null;

// Call arguments that can be written to the model JSON (Keras keeps them in the node's kwargs).
function plainArgs(args: CallArgs): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(args)) {
    if (k === 'mask' || k === 'training' || v === undefined) continue;
    if (v === null || ['number', 'string', 'boolean'].includes(typeof v)) out[k] = v;
  }
  return out;
}

/**
 * A layer call on symbolic inputs: checks, builds, infers output shapes with
 * `computeOutputShape`, and records the call as a node of the graph.
 */
export function callSymbolic(layer: Layer, inputs: SymbolicTensor[], isList: boolean, args: CallArgs): SymbolicTensor[] {
  const shapes = inputs.map((x) => x.shape);
  layer.checkInputs(shapes, inputs.map((x) => x.dtype));
  const shapeArg = isList ? shapes : shapes[0];
  layer.maybeBuild(shapeArg);
  const out = layer.computeOutputShape(shapeArg, args);
  const outShapes: Shape[] = isShapeList(out) ? out : [out as Shape];
  const dtype = layer.computeOutputDType(inputs.map((x) => x.dtype));
  const node: LayerNode = { layer, inputs, inputIsList: isList, outputs: [], callArgs: plainArgs(args) };
  const index = layer.inboundNodes.length;
  outShapes.forEach((s, i) => {
    const name = outShapes.length === 1 && index === 0 ? layer.name : `${layer.name}_${index}_${i}`;
    node.outputs.push(new SymbolicTensor([...s], dtype, node, i, name));
  });
  layer.inboundNodes.push(node);
  return node.outputs;
}
