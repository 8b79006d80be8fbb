import type { DType } from '@strata/tensor';
import type { Layer } from './layer';
import { Shape, formatKerasShape } from './shape';

/** One call of a layer on symbolic inputs: the edge list a functional model is built from. */
export interface LayerNode {
  readonly layer: Layer;
  readonly inputs: readonly SymbolicTensor[];
  /** True when the layer was called with an array (even of one tensor). */
  readonly inputIsList: boolean;
  readonly outputs: SymbolicTensor[];
  /** Keyword arguments given at the call (`training`, and plain-JSON extras), for the model JSON. */
  readonly callArgs: Record<string, unknown>;
}

/**
 * A placeholder for a tensor in a model under construction: shape (batch `null`), dtype, and
 * the layer call that produces it (Keras's `KerasTensor` with its `_keras_history`).
 *
 * @example
 * const x = input({ shape: [16] });           // SymbolicTensor, shape [null, 16]
 * const y = new Dense({ units: 4 }).apply(x); // SymbolicTensor, shape [null, 4]
 */
export class SymbolicTensor {
  constructor(
    readonly shape: Shape,
    readonly dtype: DType,
    /** The call that produced this tensor (`null` only while it is being built). */
    public node: LayerNode | null,
    /** Which output of that call this is. */
    readonly outputIndex: number,
    readonly name: string,
  ) {}

  /** Number of axes. */
  get rank(): number {
    return this.shape.length;
  }

  /** The producing layer, its node index in that layer's inbound nodes, and the output index (Keras's history). */
  get kerasHistory(): [Layer, number, number] {
    const layer = this.node!.layer;
    return [layer, layer.inboundNodes.indexOf(this.node!), this.outputIndex];
  }

  toString(): string {
    return `<SymbolicTensor shape=${formatKerasShape(this.shape)}, dtype=${this.dtype}, name=${this.name}>`;
  }
}
