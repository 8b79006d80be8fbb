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
//
// Optional case fields (see README.md): `unit` + `items` (a throughput such as samples/s instead
// of GFLOP/s), `async` (the thunk returns a promise), `timing` (overrides the repetitions),
// `isolate` (each engine runs in a fresh child process, whose peak RSS is reported), and a
// fixture's `warmup` thunk (used for the warm-up calls instead of the timed thunk).
'use strict';

const childProcess = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { measure, measureAsync } = require('./lib.cjs');

// Marks the result line a child process prints on stdout (tfjs and cases may print too).
const CHILD_RESULT = '@@strata-bench-result ';

function parseArgs(argv) {
  const opts = { quick: false, only: null, cpuTime: false, child: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') opts.quick = true;
    else if (a === '--cpu-time') opts.cpuTime = true;
    else if (a === '--only') opts.only = argv[++i] ?? '';
    else if (a.startsWith('--only=')) opts.only = a.slice('--only='.length);
    // Internal: run one case on one engine and print the result (see runIsolated).
    else if (a === '--child') opts.child = { name: argv[++i], engine: argv[++i] };
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

// Loads each engine (or only the one labelled `only`), keeping going when one is missing;
// returns [{ label, kind, backend, lib, error }].
async function loadEngines(notes, only = null) {
  const engines = [];
  if (!only || only === 'Strata') {
    let strata = null;
    let strataError = null;
    try {
      strata = require('@strata/tensor');
      if (typeof strata.matmul !== 'function') strataError = '@strata/tensor has no matmul export (stale dist?)';
    } catch (e) {
      strataError = `cannot load @strata/tensor (build it first): ${shortError(e)}`;
    }
    engines.push({ label: 'Strata', kind: 'strata', lib: strata, error: strataError });
  }
  const backends = ['cpu', 'wasm'].filter((b) => !only || only === `tfjs-${b}`);
  if (backends.length === 0) return engines;

  let tf = null;
  let tfError = null;
  try {
    // tfjs greets Node users on stderr; the table on stdout is unaffected.
    tf = require('@tensorflow/tfjs');
  } catch (e) {
    tfError = `cannot load @tensorflow/tfjs: ${shortError(e)}`;
  }
  for (const backend of backends) {
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

/** The timing of one case: the run's, overridden by the case's own (capped to one call by --quick). */
function caseTiming(c, timing, quick) {
  const t = { ...timing, ...(c.timing || {}) };
  if (quick && c.timing) Object.assign(t, { warmup: Math.min(t.warmup, 1), minReps: 1, maxReps: 1 });
  return t;
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
    return c.async ? await measureAsync(thunk, timing, fixture.warmup || thunk) : measure(thunk, timing);
  } finally {
    if (fixture.dispose) fixture.dispose();
  }
}

/**
 * Runs one case on one engine in a fresh Node process, so that the process's peak resident
 * memory (`process.resourceUsage().maxRSS`) belongs to that engine and case alone.
 */
function runIsolated(c, engine, opts) {
  if (engine.error) return null;
  const args = [__filename, '--child', c.name, engine.label];
  if (opts.quick) args.push('--quick');
  if (opts.cpuTime) args.push('--cpu-time');
  const res = childProcess.spawnSync(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = (res.stdout || '').split('\n').find((l) => l.startsWith(CHILD_RESULT));
  if (!line) {
    throw new Error(`child process ${res.error ? `failed: ${shortError(res.error)}` : `exited with ${res.status ?? res.signal} and no result`}`);
  }
  const r = JSON.parse(line.slice(CHILD_RESULT.length));
  if (r.error) throw new Error(r.error);
  return r;
}

/** The child side of runIsolated: prints `{ ms, reps, rssMB }` or `{ error }` as one marked line. */
async function childMain(opts, timing) {
  let result;
  try {
    const c = loadCases(null).find((x) => x.name === opts.child.name);
    if (!c) throw new Error(`no case named ${JSON.stringify(opts.child.name)}`);
    const [engine] = await loadEngines([], opts.child.engine);
    if (!engine) throw new Error(`no engine labelled ${JSON.stringify(opts.child.engine)}`);
    if (engine.error) throw new Error(engine.error);
    const r = await runCase(c, engine, caseTiming(c, timing, opts.quick));
    result = { ...r, rssMB: process.resourceUsage().maxRSS / 1024 };
  } catch (e) {
    result = { error: shortError(e) };
  }
  process.stdout.write(`${CHILD_RESULT}${JSON.stringify(result)}\n`);
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

/** The throughput of one call: GFLOP/s from `flops`, or `items` per second for cases with a `unit`. */
function unitOf(c) {
  return c.unit ? { label: c.unit, perCall: c.items, scale: 1e3 } : { label: 'GFLOP/s', perCall: c.flops, scale: 1e-6 };
}

/** One Markdown table for the cases sharing a unit. */
function table(group, engines) {
  const { label } = unitOf(group[0].c);
  const withRss = group.some((g) => g.c.isolate);
  const header = ['case'];
  for (const e of engines) header.push(`${e.label} ms`, `${e.label} ${label}`, ...(withRss ? [`${e.label} peak RSS MB`] : []));
  header.push('Strata/tfjs-cpu', 'Strata/tfjs-wasm');
  const lines = [`| ${header.join(' | ')} |`, `|${header.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`];
  for (const { c, results } of group) {
    const { perCall, scale } = unitOf(c);
    const row = [c.name];
    results.forEach((r) => {
      row.push(fmt(r && r.ms, 2), fmt(r && (perCall * scale) / r.ms, label === 'GFLOP/s' ? 2 : 0));
      if (withRss) row.push(fmt(r && r.rssMB, 0));
    });
    // Speed ratios: how many times faster Strata is (time of tfjs / time of Strata).
    for (const i of [1, 2]) {
      row.push(results[0] && results[i] ? `${(results[i].ms / results[0].ms).toFixed(2)}x` : 'n/a');
    }
    lines.push(`| ${row.join(' | ')} |`);
  }
  return lines;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const timing = opts.quick
    ? { warmup: 1, minTime: 100, minReps: 1, maxReps: 5 }
    : { warmup: 2, minTime: 500, minReps: 3, maxReps: 50 };
  timing.cpuTime = opts.cpuTime;
  if (opts.child) return childMain(opts, timing);
  const cases = loadCases(opts.only);
  if (cases.length === 0) {
    console.error(`bench: no case matches --only ${JSON.stringify(opts.only)}`);
    process.exit(1);
  }
  const notes = [];
  const engines = await loadEngines(notes);

  const measured = [];
  for (const c of cases) {
    const results = [];
    for (const e of engines) {
      let r = null;
      try {
        r = c.isolate ? runIsolated(c, e, opts) : await runCase(c, e, caseTiming(c, timing, opts.quick));
      } catch (err) {
        notes.push(`${c.name} on ${e.label}: ${shortError(err)}`);
      }
      results.push(r);
      const rss = r && r.rssMB ? `, peak RSS ${r.rssMB.toFixed(0)} MB` : '';
      process.stderr.write(`${c.name} | ${e.label}: ${r ? `${r.ms.toFixed(2)} ms (${r.reps} reps${rss})` : 'n/a'}\n`);
    }
    measured.push({ c, results });
  }

  const out = [];
  const mode = [opts.quick && '--quick', opts.cpuTime && '--cpu-time'].filter(Boolean).join(' ');
  out.push(`Environment: ${environment(engines)}${mode ? ` (${mode})` : ''}`);
  // One table per unit, in the order the units first appear.
  const units = [...new Set(measured.map((m) => unitOf(m.c).label))];
  for (const unit of units) {
    out.push('');
    out.push(...table(measured.filter((m) => unitOf(m.c).label === unit), engines));
  }
  out.push('');
  out.push(
    `Median ${opts.cpuTime ? 'CPU' : 'wall-clock'} time per call; ratios are speed-ups of Strata ` +
      '(tfjs time / Strata time: above 1x means Strata is faster).',
  );
  if (measured.some((m) => m.c.isolate)) {
    out.push('Peak RSS: `process.resourceUsage().maxRSS` of a fresh Node process running only that case on that engine.');
  }
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
