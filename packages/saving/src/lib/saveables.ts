import { Layer } from '@strata/layers';
import type { Model } from '@strata/models';
import type { Optimizer } from '@strata/optimizers';
import { Variable, snakeCase } from '@strata/tensor';

/** One object whose own variables Keras stores under `<path>/vars/<i>` in a weights file. */
export interface SaveableEntry {
  /** The inner path (`''` for the model itself, `'layers/dense'`, `'optimizer'`, ...). */
  path: string;
  /** Stored as the `name` attribute of the `vars` group. */
  name: string;
  /** The object's own variables, in Keras's order. */
  variables: Variable[];
  /** The layer or optimizer (for messages and the optimizer's special loading rule). */
  owner: Layer | Optimizer;
  kind: 'layer' | 'optimizer';
}

// Keras names children after the Python attribute holding them; Strata's property names are the
// camelCase of those, except where Keras keeps the attribute private.
const ATTRIBUTE_NAMES: Record<string, Record<string, string>> = {
  MultiHeadAttention: { softmaxLayer: '_softmax', dropoutLayer: '_dropout_layer', gateDense: '_gate_dense' },
};

/** Keras's `_name_key`: private attributes are visited last. */
function nameKey(name: string): string {
  return name.startsWith('_') ? `~${name}` : name;
}

function join(path: string, name: string): string {
  return path ? `${path}/${name}` : name;
}

function isModel(layer: Layer): layer is Model {
  return layer.className === 'Sequential' || layer.className === 'Functional' || 'compiled' in layer;
}

/** The layers a layer owns (Strata keeps them behind the protected `trackedLayers`). */
function sublayers(layer: Layer): readonly Layer[] {
  return (layer as unknown as { trackedLayers(): readonly Layer[] }).trackedLayers();
}

/** A layer's own variables (not its sublayers'): trainable-at-creation first, as Keras's `save_own_variables`. */
export function ownVariables(layer: Layer): Variable[] {
  const inner = new Set(sublayers(layer).flatMap((l) => l.weights));
  return layer.weights.filter((v) => !inner.has(v));
}

type Child = { attr: string; value: Layer | Layer[] };

/**
 * A layer's children under Keras's attribute names, in the order Keras's `_walk_saveable`
 * visits them (sorted, private ones last). Children are found among the layer's properties;
 * a tracked sublayer held by no property is named after its class, as in a Keras list.
 */
function childrenOf(layer: Layer): Child[] {
  const subs = new Set(sublayers(layer));
  if (subs.size === 0) return [];
  const overrides = ATTRIBUTE_NAMES[layer.className] ?? {};
  const found = new Map<Layer | Layer[], string>();
  const record = (value: Layer | Layer[], attr: string) => {
    const prev = found.get(value);
    if (prev === undefined || nameKey(attr) < nameKey(prev)) found.set(value, attr);
  };
  for (const key of Object.keys(layer)) {
    // The base class's own list of tracked layers is bookkeeping, like Keras's skipped `_layers`.
    if (key === 'sublayers') continue;
    const value = (layer as unknown as Record<string, unknown>)[key];
    const attr = overrides[key] ?? snakeCase(key);
    if (value instanceof Layer && subs.has(value)) record(value, attr);
    else if (Array.isArray(value) && value.length && value.every((v) => v instanceof Layer) && value.some((v) => subs.has(v))) {
      record(value as Layer[], attr);
    }
  }
  const children: Child[] = [...found].map(([value, attr]) => ({ attr, value }));
  const reached = new Set(children.flatMap((c) => (Array.isArray(c.value) ? c.value : [c.value])));
  const used = new Map<string, number>();
  for (const l of subs) if (!reached.has(l)) children.push({ attr: uniqueName(snakeCase(l.className), used), value: l });
  return children.sort((a, b) => (nameKey(a.attr) < nameKey(b.attr) ? -1 : nameKey(a.attr) > nameKey(b.attr) ? 1 : 0));
}

/** Keras's `_get_unique_name`: `dense`, `dense_1`, `dense_2`, ... within one list. */
function uniqueName(name: string, used: Map<string, number>): string {
  const n = used.get(name);
  used.set(name, n === undefined ? 0 : n + 1);
  return n === undefined ? name : `${name}_${n + 1}`;
}

/**
 * Every object of a model whose state a `.keras` / `.weights.h5` file stores, with its path, as
 * Keras's `saving_lib._save_state` walks them: the model's own variables (`vars`), its `layers`
 * as a list (children named after their snake_case class: `layers/dense`, `layers/dense_1`,
 * nested models recursively), each layer's sublayers under their attribute names
 * (`layers/lstm/cell`, `layers/bidirectional/forward_layer`), then the compiled optimizer
 * (`optimizer`). An object reached twice is stored once, at its first path.
 */
export function saveableEntries(model: Model, options: { optimizer: boolean }): SaveableEntry[] {
  const entries: SaveableEntry[] = [];
  const visited = new Set<object>();
  const visit = (layer: Layer, path: string): void => {
    if (visited.has(layer)) return;
    visited.add(layer);
    entries.push({ path, name: layer.name, variables: ownVariables(layer), owner: layer, kind: 'layer' });
    if (isModel(layer)) {
      list(layer.layers, join(path, 'layers'));
      const optimizer = layer.compiled?.optimizer;
      if (options.optimizer && optimizer && !visited.has(optimizer)) {
        visited.add(optimizer);
        entries.push({ path: join(path, 'optimizer'), name: optimizer.name, variables: optimizer.variables(), owner: optimizer, kind: 'optimizer' });
      }
      return;
    }
    for (const child of childrenOf(layer)) {
      if (Array.isArray(child.value)) list(child.value, join(path, child.attr));
      else visit(child.value, join(path, child.attr));
    }
  };
  const list = (layers: readonly Layer[], path: string): void => {
    const used = new Map<string, number>();
    // Names are counted even for layers already stored, as Keras does.
    for (const l of layers) visit(l, join(path, uniqueName(snakeCase(l.className), used)));
  };
  visit(model, '');
  return entries;
}
