import { Tensor, record } from '@strata/tensor';

/**
 * How a normalization sees its input: the data viewed as `[b, m, g, cg, i]`, statistics per
 * `(b, g)` over `(m, cg, i)`, the affine `gamma`/`beta` per channel `(g, cg)`.
 *
 * - BatchNormalization on axis `a`: `[1, prod(before a), C, 1, prod(after a)]`.
 * - LayerNormalization over trailing axes: `[rows, 1, 1, D, 1]`.
 * - GroupNormalization on axis `a`: `[batch, prod(1..a-1), groups, C / groups, prod(after a)]`.
 */
export interface GroupLayout {
  b: number;
  m: number;
  g: number;
  cg: number;
  i: number;
}

/** Per-group statistics, `b * g` entries each. */
export interface GroupStats {
  mean: Float32Array;
  variance: Float32Array;
}

/**
 * Mean and biased variance per `(b, g)` (two passes in float64, as `ops.moments`' two-pass
 * `jnp.var`, without its float32 accumulation error).
 */
export function groupMoments(x: Float32Array | Int32Array | Uint8Array, L: GroupLayout): GroupStats {
  const nStats = L.b * L.g;
  const inner = L.cg * L.i;
  const count = L.m * inner;
  const sum = new Float64Array(nStats);
  let p = 0;
  for (let bb = 0; bb < L.b; bb++) {
    for (let mm = 0; mm < L.m; mm++) {
      for (let gg = 0; gg < L.g; gg++) {
        let acc = 0;
        for (let k = 0; k < inner; k++) acc += x[p++];
        sum[bb * L.g + gg] += acc;
      }
    }
  }
  const mean = new Float64Array(nStats);
  for (let s = 0; s < nStats; s++) mean[s] = count > 0 ? sum[s] / count : NaN;
  const sq = new Float64Array(nStats);
  p = 0;
  for (let bb = 0; bb < L.b; bb++) {
    for (let mm = 0; mm < L.m; mm++) {
      for (let gg = 0; gg < L.g; gg++) {
        const mu = mean[bb * L.g + gg];
        let acc = 0;
        for (let k = 0; k < inner; k++) {
          const d = x[p++] - mu;
          acc += d * d;
        }
        sq[bb * L.g + gg] += acc;
      }
    }
  }
  const variance = new Float32Array(nStats);
  for (let s = 0; s < nStats; s++) variance[s] = count > 0 ? sq[s] / count : NaN;
  return { mean: Float32Array.from(mean), variance };
}

/**
 * `y = (x - mean) * rsqrt(variance + epsilon) * gamma + beta`, computed in Keras's order
 * (`inv = rsqrt(var + eps) * gamma; y = x * inv + (beta - mean * inv)`), with one fused backward.
 *
 * With `batchStats` the statistics are the input's own (`groupMoments`), and the gradient flows
 * through them (the standard normalization gradient); otherwise `stats` are constants (a
 * BatchNormalization's moving statistics). `gamma`/`beta` have `g * cg` elements, or are null.
 */
export function normalizeGroups(
  x: Tensor,
  L: GroupLayout,
  stats: GroupStats,
  gamma: Tensor | null,
  beta: Tensor | null,
  epsilon: number,
  batchStats: boolean,
): Tensor {
  const xd = x.data;
  const nStats = L.b * L.g;
  const nChan = L.g * L.cg;
  const gd = gamma?.data;
  const bd = beta?.data;
  const rstd = new Float32Array(nStats);
  for (let s = 0; s < nStats; s++) rstd[s] = 1 / Math.sqrt(Math.fround(stats.variance[s] + epsilon));
  const mean = stats.mean;
  const out = new Float32Array(x.size);
  if (L.b === 1) {
    // One statistic per channel group (BatchNormalization): fold everything into a scale and shift per channel.
    const scale = new Float32Array(nChan);
    const shift = new Float32Array(nChan);
    for (let c = 0; c < nChan; c++) {
      const s = Math.floor(c / L.cg);
      scale[c] = gd ? rstd[s] * gd[c] : rstd[s];
      shift[c] = (bd ? bd[c] : 0) + Math.fround(-mean[s] * scale[c]);
    }
    let p = 0;
    const rows = L.m;
    const inner = L.i;
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < nChan; c++) {
        const a = scale[c];
        const t = shift[c];
        for (const end = p + inner; p < end; p++) out[p] = Math.fround(xd[p] * a) + t;
      }
    }
  } else {
    let p = 0;
    for (let bb = 0; bb < L.b; bb++) {
      for (let mm = 0; mm < L.m; mm++) {
        for (let gg = 0; gg < L.g; gg++) {
          const s = bb * L.g + gg;
          const r = rstd[s];
          const mu = mean[s];
          for (let cc = 0; cc < L.cg; cc++) {
            const c = gg * L.cg + cc;
            const a = gd ? Math.fround(r * gd[c]) : r;
            const t = (bd ? bd[c] : 0) + Math.fround(-mu * a);
            for (let ii = 0; ii < L.i; ii++, p++) out[p] = Math.fround(xd[p] * a) + t;
          }
        }
      }
    }
  }
  const y = new Tensor(out, x.shape, 'float32');
  const inputs = [x, ...(gamma ? [gamma] : []), ...(beta ? [beta] : [])];
  return record(y, inputs, (dy) => {
    const g = backward(dy.data as Float32Array, xd, L, mean, rstd, gd, batchStats);
    const grads: Tensor[] = [new Tensor(g.dx, x.shape, 'float32')];
    if (gamma) grads.push(new Tensor(g.dgamma, gamma.shape, 'float32'));
    if (beta) grads.push(new Tensor(g.dbeta, beta.shape, 'float32'));
    return grads;
  });
}

function backward(
  dy: Float32Array,
  xd: ArrayLike<number>,
  L: GroupLayout,
  mean: Float32Array,
  rstd: Float32Array,
  gd: ArrayLike<number> | undefined,
  batchStats: boolean,
): { dx: Float32Array; dgamma: Float32Array; dbeta: Float32Array } {
  const nStats = L.b * L.g;
  const nChan = L.g * L.cg;
  const dgamma = new Float64Array(nChan);
  const dbeta = new Float64Array(nChan);
  // Per group: sums of dxhat and of dxhat * xhat, where xhat = (x - mean) * rstd, dxhat = dy * gamma.
  const sumD = new Float64Array(nStats);
  const sumDX = new Float64Array(nStats);
  let p = 0;
  for (let bb = 0; bb < L.b; bb++) {
    for (let mm = 0; mm < L.m; mm++) {
      for (let gg = 0; gg < L.g; gg++) {
        const s = bb * L.g + gg;
        const mu = mean[s];
        const r = rstd[s];
        let accD = 0;
        let accDX = 0;
        for (let cc = 0; cc < L.cg; cc++) {
          const c = gg * L.cg + cc;
          const gam = gd ? gd[c] : 1;
          let accG = 0;
          let accB = 0;
          for (let ii = 0; ii < L.i; ii++, p++) {
            const xhat = (xd[p] - mu) * r;
            const d = dy[p];
            accG += d * xhat;
            accB += d;
          }
          dgamma[c] += accG;
          dbeta[c] += accB;
          accD += accB * gam;
          accDX += accG * gam;
        }
        sumD[s] += accD;
        sumDX[s] += accDX;
      }
    }
  }
  const dx = new Float32Array(xd.length);
  const n = L.m * L.cg * L.i;
  p = 0;
  for (let bb = 0; bb < L.b; bb++) {
    for (let mm = 0; mm < L.m; mm++) {
      for (let gg = 0; gg < L.g; gg++) {
        const s = bb * L.g + gg;
        const mu = mean[s];
        const r = rstd[s];
        const meanD = batchStats ? sumD[s] / n : 0;
        const meanDX = batchStats ? sumDX[s] / n : 0;
        for (let cc = 0; cc < L.cg; cc++) {
          const gam = gd ? gd[gg * L.cg + cc] : 1;
          for (let ii = 0; ii < L.i; ii++, p++) {
            const dxhat = dy[p] * gam;
            dx[p] = batchStats ? r * (dxhat - meanD - (xd[p] - mu) * r * meanDX) : dxhat * r;
          }
        }
      }
    }
  }
  return { dx, dgamma: Float32Array.from(dgamma), dbeta: Float32Array.from(dbeta) };
}
