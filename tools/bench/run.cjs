#!/usr/bin/env node
// Strata against TensorFlow.js (cpu and wasm backends), side by side in one Node process.
//
//   node tools/bench/run.cjs [--quick] [--only <substring>] [--cpu-time]
//
// Strata is required as `@strata/tensor`, i.e. its built dist (build it first:
// `npx tsc -b packages/tensor/tsconfig.lib.json`, or `npm run bench` which builds then runs).
//
// Cases live in tools/bench/cases/*.cjs (files starting with `_` are skipped). Each file
// exports one case or an array of them:
//
//   { name: 'matmul 512x512x512',            // matched by --only
//     flops: 2 * 512 ** 3,                     // floating-point operations per call
//     setup({ engine, strata, tf }) { ... } }  // engine: 'strata' | 'tfjs'
//
// `setup` is called once per engine (for tfjs, with the backend under test already active):
// for 'strata' it gets `strata` (the @strata/tensor module) and returns `{ strata: () => any }`;
// for 'tfjs' it gets `tf` and returns `{ tfjs: () => any, dispose?: () => void }`. A tfjs thunk
// must force completion (`dataSync()`) and dispose what it creates. A thunk or engine that
// throws is reported as "n/a" with a footnote; the other engines still run.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { measure } = require('./lib.cjs');

function parseArgs(argv) {
  const opts = { quick: false, only: null, cpuTime: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') opts.quick = true;
    else if (a === '--cpu-time') opts.cpuTime = true;
    else if (a === '--only') opts.only = argv[++i] ?? '';
    else if (a.startsWith('--only=')) opts.only = a.slice('--only='.length);
    else if (a === '--help' || a === '-h') {
      console.log('usage: node tools/bench/run.cjs [--quick] [--only <substring>] [--cpu-time]');
      process.exit(0);
    } else {
      console.error(`bench: unknown argument ${a}`);
      process.exit(2);
    }
  }
  return opts;
}

function loadCases(only) {
  const dir = path.join(__dirname, 'cases');
  const cases = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.cjs') && !f.startsWith('_')).sort()) {
    const exported = require(path.join(dir, file));
    for (const c of Array.isArray(exported) ? exported : [exported]) cases.push(c);
  }
  return only ? cases.filter((c) => c.name.toLowerCase().includes(only.toLowerCase())) : cases;
}

function shortError(e) {
  const msg = e && e.message ? e.message : String(e);
  return msg.split('\n')[0].slice(0, 200);
}

// Loads each engine, keeping going when one is missing; returns [{ label, kind, backend, lib, error }].
async function loadEngines(notes) {
  const engines = [];
  let strata = null;
  let strataError = null;
  try {
    strata = require('@strata/tensor');
    if (typeof strata.matmul !== 'function') strataError = '@strata/tensor has no matmul export (stale dist?)';
  } catch (e) {
    strataError = `cannot load @strata/tensor (build it first): ${shortError(e)}`;
  }
  engines.push({ label: 'Strata', kind: 'strata', lib: strata, error: strataError });

  let tf = null;
  let tfError = null;
  try {
    // tfjs greets Node users on stderr; the table on stdout is unaffected.
    tf = require('@tensorflow/tfjs');
  } catch (e) {
    tfError = `cannot load @tensorflow/tfjs: ${shortError(e)}`;
  }
  for (const backend of ['cpu', 'wasm']) {
    let error = tfError;
    if (!error) {
      try {
        if (backend === 'wasm') require('@tensorflow/tfjs-backend-wasm');
        if (!(await tf.setBackend(backend))) error = `tf.setBackend('${backend}') returned false`;
        await tf.ready();
      } catch (e) {
        error = `tfjs ${backend} backend failed to start: ${shortError(e)}`;
      }
    }
    engines.push({ label: `tfjs-${backend}`, kind: 'tfjs', backend, lib: tf, error });
  }
  for (const e of engines) if (e.error) notes.push(`${e.label}: ${e.error}`);
  return engines;
}

async function runCase(c, engine, timing) {
  if (engine.error) return null;
  let fixture;
  if (engine.kind === 'tfjs') {
    await engine.lib.setBackend(engine.backend);
    fixture = c.setup({ engine: 'tfjs', tf: engine.lib });
  } else {
    fixture = c.setup({ engine: 'strata', strata: engine.lib });
  }
  const thunk = engine.kind === 'tfjs' ? fixture.tfjs : fixture.strata;
  if (typeof thunk !== 'function') throw new Error(`case has no ${engine.kind} thunk`);
  try {
    return measure(thunk, timing);
  } finally {
    if (fixture.dispose) fixture.dispose();
  }
}

const fmt = (x, digits) => (x === null || !Number.isFinite(x) ? 'n/a' : x.toFixed(digits));

function environment(engines) {
  const cpu = os.cpus()[0];
  const lines = [`Node ${process.version}, ${cpu ? cpu.model.trim() : 'unknown CPU'}, ${os.cpus().length} cores`];
  const tfEngine = engines.find((e) => e.kind === 'tfjs' && !e.error);
  if (tfEngine) {
    const tf = tfEngine.lib;
    let wasm = '';
    try {
      wasm = `, wasm SIMD ${tf.env().getBool('WASM_HAS_SIMD_SUPPORT')}, threads ${tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT')}`;
    } catch {
      // The wasm flags only exist when the wasm backend loaded.
    }
    lines.push(`TensorFlow.js ${tf.version && tf.version.tfjs}${wasm}`);
  }
  return lines.join('; ');
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const timing = opts.quick
    ? { warmup: 1, minTime: 100, minReps: 1, maxReps: 5 }
    : { warmup: 2, minTime: 500, minReps: 3, maxReps: 50 };
  timing.cpuTime = opts.cpuTime;
  const cases = loadCases(opts.only);
  if (cases.length === 0) {
    console.error(`bench: no case matches --only ${JSON.stringify(opts.only)}`);
    process.exit(1);
  }
  const notes = [];
  const engines = await loadEngines(notes);

  const header = ['case'];
  for (const e of engines) header.push(`${e.label} ms`, `${e.label} GFLOP/s`);
  header.push('Strata/tfjs-cpu', 'Strata/tfjs-wasm');
  const rows = [];
  for (const c of cases) {
    const results = [];
    for (const e of engines) {
      let r = null;
      try {
        r = await runCase(c, e, timing);
      } catch (err) {
        notes.push(`${c.name} on ${e.label}: ${shortError(err)}`);
      }
      results.push(r);
      process.stderr.write(`${c.name} | ${e.label}: ${r ? `${r.ms.toFixed(2)} ms (${r.reps} reps)` : 'n/a'}\n`);
    }
    const gflops = results.map((r) => (r ? c.flops / (r.ms * 1e6) : null));
    const row = [c.name];
    results.forEach((r, i) => row.push(fmt(r && r.ms, 2), fmt(gflops[i], 2)));
    // Speed ratios: how many times faster Strata is (time of tfjs / time of Strata).
    for (const i of [1, 2]) {
      row.push(results[0] && results[i] ? `${(results[i].ms / results[0].ms).toFixed(2)}x` : 'n/a');
    }
    rows.push(row);
  }

  const out = [];
  const mode = [opts.quick && '--quick', opts.cpuTime && '--cpu-time'].filter(Boolean).join(' ');
  out.push(`Environment: ${environment(engines)}${mode ? ` (${mode})` : ''}`);
  out.push('');
  out.push(`| ${header.join(' | ')} |`);
  out.push(`|${header.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`);
  for (const r of rows) out.push(`| ${r.join(' | ')} |`);
  out.push('');
  out.push(
    `Median ${opts.cpuTime ? 'CPU' : 'wall-clock'} time per call; ratios are speed-ups of Strata ` +
      '(tfjs time / Strata time: above 1x means Strata is faster).',
  );
  if (notes.length) {
    out.push('');
    for (const n of notes) out.push(`- n/a: ${n}`);
  }
  console.log(out.join('\n'));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
