import { Layer, LayerNode } from '@strata/layers';
import { Variable } from '@strata/tensor';
import type { Model } from './model';

/** Options of `model.summary()`. */
export interface SummaryOptions {
  /** Total width of the table; default as Keras (88, or 108 with "Connected to", capped by the terminal). */
  lineLength?: number;
  /** Relative (≤ 1) or absolute column end positions. */
  positions?: number[];
  /** Receives the whole summary text; default `console.log`. */
  printFn?: (text: string) => void;
}

// Python's round(): half to even, which rich's width arithmetic relies on.
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

// rich's ratio_reduce: take `excess` off the widths in proportion to equal ratios.
function shrink(widths: number[], excess: number): number[] {
  let remaining = excess;
  let ratioLeft = widths.length;
  return widths.map((w) => {
    const cut = ratioLeft > 0 ? Math.min(w, roundHalfEven(remaining / ratioLeft)) : 0;
    remaining -= cut;
    ratioLeft--;
    return w - cut;
  });
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    let w = word;
    while (w.length > width) {
      if (line) lines.push(line);
      line = '';
      lines.push(w.slice(0, width));
      w = w.slice(width);
    }
    if (!line) line = w;
    else if (line.length + 1 + w.length <= width) line += ' ' + w;
    else {
      lines.push(line);
      line = w;
    }
  }
  lines.push(line);
  return lines;
}

function shapeText(shape: readonly (number | null)[]): string {
  return `(${shape.map((d) => (d === null ? 'None' : String(d))).join(', ')})`;
}

function outputShape(layer: Layer): string {
  const nodes = layer.inboundNodes;
  if (!nodes.length) return '?';
  const outs = nodes[nodes.length - 1].outputs;
  return outs.length === 1 ? shapeText(outs[0].shape) : `[${outs.map((o) => shapeText(o.shape)).join(', ')}]`;
}

/** Keras's readable byte size: `112.00 B`, `3.91 KB`. */
export function readableSize(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];
  for (const unit of units) {
    if (bytes / 1024 < 1) return `${bytes.toFixed(2)} ${unit}`;
    bytes /= 1024;
  }
  return `${bytes.toFixed(2)} PB`;
}

function count(weights: Variable[]): number {
  return [...new Set(weights)].reduce((n, w) => n + w.value.size, 0);
}

function isChain(model: Model, nodes: readonly LayerNode[]): boolean {
  if (model.inputs.length !== 1 || model.outputs.length !== 1) return false;
  const consumers = new Map<unknown, number>();
  const layerNodes = new Map<Layer, number>();
  for (const n of nodes) {
    if (n.inputs.length > 1) return false;
    layerNodes.set(n.layer, (layerNodes.get(n.layer) ?? 0) + 1);
    for (const t of n.inputs) consumers.set(t, (consumers.get(t) ?? 0) + 1);
  }
  return [...consumers.values(), ...layerNodes.values()].every((c) => c <= 1);
}

/** The summary table of a model, as Keras 3 prints it (`model.summary()`). */
export function summaryText(model: Model, nodes: readonly LayerNode[], sequential: boolean, options: SummaryOptions = {}): string {
  const chain = sequential || isChain(model, nodes);
  const header = chain ? ['Layer (type)', 'Output Shape', 'Param #'] : ['Layer (type)', 'Output Shape', 'Param #', 'Connected to'];
  const g = globalThis as unknown as { process?: { stdout?: { columns?: number } } };
  // A terminal may report 0 columns (a pty with no size): fall back to 80, as Keras does.
  const reported = g.process?.stdout?.columns;
  const columns = reported && reported > 0 ? reported : 80;
  const lineLength = options.lineLength ?? Math.min(chain ? 88 : 108, columns - 4);
  const positions = options.positions ?? (chain ? [0.45, 0.8, 1] : [0.3, 0.56, 0.74, 1]);
  let current = 0;
  const raw = positions.map((p) => {
    const end = p <= 1 ? Math.floor(p * lineLength) : p;
    const w = end - current;
    current += w;
    return w + 2; // rich adds one space of padding each side
  });
  const total = raw.reduce((a, b) => a + b, 0);
  const widths = shrink(raw, Math.max(0, total - (lineLength - raw.length - 1)));
  const inGraph = new Set(nodes);
  const rows = model.layers.map((layer) => {
    const params = layer.built ? layer.countParams().toLocaleString('en-US') : '0 (unbuilt)';
    const row = [`${layer.name} (${layer.className})`, outputShape(layer), params];
    if (!chain) {
      const links = layer.inboundNodes
        .filter((n) => inGraph.has(n))
        .flatMap((n) => n.inputs.map((t) => `${t.node!.layer.name}[${t.node!.layer.inboundNodes.indexOf(t.node!)}][${t.outputIndex}]`));
      row.push(links.length ? links.join(', ') : '-');
    }
    return row;
  });
  const rule = (l: string, m: string, r: string, f: string) => l + widths.map((w) => f.repeat(w)).join(m) + r;
  const cells = (row: string[], bar: string) => {
    const wrapped = row.map((c, i) => wrap(c, widths[i] - 2));
    const height = Math.max(...wrapped.map((w) => w.length));
    const out: string[] = [];
    for (let k = 0; k < height; k++) {
      out.push(bar + wrapped.map((w, i) => {
        const t = w[k] ?? '';
        const pad = widths[i] - 2 - t.length;
        return ' ' + (i === 2 ? ' '.repeat(pad) + t : t + ' '.repeat(pad)) + ' ';
      }).join(bar) + bar);
    }
    return out;
  };
  const lines = [`Model: "${model.name}"`, rule('┏', '┳', '┓', '━'), ...cells(header, '┃'), rule('┡', '╇', '┩', '━')];
  rows.forEach((row, i) => {
    if (i > 0) lines.push(rule('├', '┼', '┤', '─'));
    lines.push(...cells(row, '│'));
  });
  lines.push(rule('└', '┴', '┘', '─'));
  const trainable = count(model.trainableWeights);
  const frozen = count(model.nonTrainableWeights);
  lines.push(` Total params: ${(trainable + frozen).toLocaleString('en-US')} (${readableSize((trainable + frozen) * 4)})`);
  lines.push(` Trainable params: ${trainable.toLocaleString('en-US')} (${readableSize(trainable * 4)})`);
  lines.push(` Non-trainable params: ${frozen.toLocaleString('en-US')} (${readableSize(frozen * 4)})`);
  return lines.join('\n');
}
