// Training curves as a hand-written SVG: two panels (loss, accuracy), train and validation lines,
// axes with ticks, a legend. No dependency, so the demo installs nothing beyond Strata.
'use strict';

const COLORS = { train: '#1f77b4', val: '#e4572e' };
const FONT = 'font-family="system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif"';

function escapeXml(s) {
  return String(s).replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]);
}

/** 1, 2 or 5 times a power of ten: the tick step giving about `count` ticks over `span`. */
function niceStep(span, count) {
  const raw = span / Math.max(count, 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
}

/** An axis range containing [lo, hi], widened to whole tick steps, and its ticks. */
function niceAxis(lo, hi, count = 5) {
  if (!(hi > lo)) {
    const pad = Math.abs(lo) * 0.1 || 0.1;
    [lo, hi] = [lo - pad, hi + pad];
  }
  const step = niceStep(hi - lo, count);
  const min = Math.floor(lo / step + 1e-9) * step;
  const max = Math.ceil(hi / step - 1e-9) * step;
  const ticks = [];
  for (let v = min; v <= max + step / 2; v += step) ticks.push(Number(v.toPrecision(12)));
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  return { min, max, ticks, label: (v) => v.toFixed(decimals) };
}

/** One panel: frame, grid, ticks, the series as polylines with a dot per epoch. */
function panel({ x0, y0, width, height, title, series, yRange, reference }) {
  const epochs = Math.max(...series.map((s) => s.values.length));
  const values = series.flatMap((s) => s.values).concat(reference ? [reference.value] : []).filter(Number.isFinite);
  const [lo, hi] = yRange ? yRange(values) : [Math.min(...values), Math.max(...values)];
  const y = niceAxis(lo, hi);
  // A single epoch sits mid-panel rather than on the frame.
  const [xMin, xMax] = epochs > 1 ? [1, epochs] : [0, 2];
  const xStep = Math.max(1, Math.ceil(epochs / 10));
  const px = (e) => x0 + ((e - xMin) / (xMax - xMin)) * width;
  const py = (v) => y0 + height - ((v - y.min) / (y.max - y.min)) * height;
  const out = [];
  out.push(`<text x="${x0 + width / 2}" y="${y0 - 14}" text-anchor="middle" font-size="15" font-weight="600">${escapeXml(title)}</text>`);
  for (const t of y.ticks) {
    const yy = py(t).toFixed(1);
    out.push(`<line x1="${x0}" y1="${yy}" x2="${x0 + width}" y2="${yy}" stroke="#e6e6e6"/>`);
    out.push(`<text x="${x0 - 8}" y="${yy}" dy="0.32em" text-anchor="end" font-size="12" fill="#444">${y.label(t)}</text>`);
  }
  for (let e = 1; e <= Math.max(epochs, 1); e += xStep) {
    const xx = px(e).toFixed(1);
    out.push(`<line x1="${xx}" y1="${y0 + height}" x2="${xx}" y2="${y0 + height + 5}" stroke="#444"/>`);
    out.push(`<text x="${xx}" y="${y0 + height + 19}" text-anchor="middle" font-size="12" fill="#444">${e}</text>`);
  }
  out.push(`<text x="${x0 + width / 2}" y="${y0 + height + 38}" text-anchor="middle" font-size="12" fill="#444">epoch</text>`);
  out.push(`<rect x="${x0}" y="${y0}" width="${width}" height="${height}" fill="none" stroke="#444"/>`);
  if (reference && Number.isFinite(reference.value)) {
    const yy = py(reference.value).toFixed(1);
    out.push(`<line x1="${x0}" y1="${yy}" x2="${x0 + width}" y2="${yy}" stroke="#2a9d4b" stroke-width="1.5" stroke-dasharray="2 3"/>`);
    out.push(`<text x="${x0 + 6}" y="${yy}" dy="-0.45em" font-size="12" fill="#2a9d4b">${escapeXml(reference.label)}</text>`);
  }
  for (const s of series) {
    const pts = s.values.map((v, i) => [px(i + 1), py(v)]).filter(([, v]) => Number.isFinite(v));
    if (!pts.length) continue;
    const dash = s.kind === 'val' ? ' stroke-dasharray="6 4"' : '';
    out.push(`<polyline fill="none" stroke="${COLORS[s.kind]}" stroke-width="2"${dash} points="${pts.map(([a, b]) => `${a.toFixed(1)},${b.toFixed(1)}`).join(' ')}"/>`);
    for (const [a, b] of pts) out.push(`<circle cx="${a.toFixed(1)}" cy="${b.toFixed(1)}" r="3" fill="${COLORS[s.kind]}"/>`);
  }
  return out.join('\n');
}

function legend(x, y) {
  const item = (dx, kind, label) => {
    const dash = kind === 'val' ? ' stroke-dasharray="6 4"' : '';
    return (
      `<line x1="${x + dx}" y1="${y}" x2="${x + dx + 28}" y2="${y}" stroke="${COLORS[kind]}" stroke-width="2"${dash}/>` +
      `<circle cx="${x + dx + 14}" cy="${y}" r="3" fill="${COLORS[kind]}"/>` +
      `<text x="${x + dx + 36}" y="${y}" dy="0.32em" font-size="13">${label}</text>`
    );
  };
  return item(0, 'train', 'training') + item(110, 'val', 'validation');
}

/**
 * The SVG text of a Keras `History`: loss and accuracy per epoch, training and validation.
 * `history` maps 'loss', 'val_loss', 'accuracy', 'val_accuracy' to per-epoch numbers; a
 * `testAccuracy` is drawn as a horizontal reference line in the accuracy panel.
 */
function trainingCurvesSvg(history, { title, subtitle = '', testAccuracy } = {}) {
  const W = 980;
  const H = 460;
  const top = 112;
  const panelH = H - top - 56;
  const panelW = (W - 3 * 80) / 2 + 20;
  const seriesOf = (key) =>
    [
      { kind: 'train', values: history[key] || [] },
      { kind: 'val', values: history[`val_${key}`] || [] },
    ].filter((s) => s.values.length);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" ${FONT}>`,
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
    `<text x="${W / 2}" y="30" text-anchor="middle" font-size="18" font-weight="700">${escapeXml(title || 'Training curves')}</text>`,
    subtitle ? `<text x="${W / 2}" y="50" text-anchor="middle" font-size="13" fill="#555">${escapeXml(subtitle)}</text>` : '',
    legend(W / 2 - 95, 74),
    panel({
      x0: 70, y0: top, width: panelW, height: panelH, title: 'Loss', series: seriesOf('loss'),
      yRange: (v) => [0, Math.max(...v)],
    }),
    panel({
      x0: 70 + panelW + 90, y0: top, width: panelW, height: panelH, title: 'Accuracy', series: seriesOf('accuracy'),
      yRange: (v) => [Math.min(...v), Math.min(1, Math.max(...v))],
      reference: testAccuracy === undefined ? undefined : { value: testAccuracy, label: `test ${(100 * testAccuracy).toFixed(2)}%` },
    }),
    '</svg>',
  ];
  return parts.filter(Boolean).join('\n') + '\n';
}

module.exports = { trainingCurvesSvg, niceAxis };
