import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gemm } from '../ops/kernels-matmul';
import { setBackend } from './backend';
import { GEMM_WASM_SOURCE_SHA256 } from './gemm-wasm-binary';
import { gemmWasm, isWasmAvailable, setWasmRetainBytes, wasmMemoryBytes } from './gemm-wasm';

const pkg = join(__dirname, '../../..');

/** The digest assembly/build.mjs records: compiler version, then every .ts/.mjs file of assembly/. */
function sourceHash(): string {
  const version = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')).devDependencies.assemblyscript;
  const dir = join(pkg, 'assembly');
  const h = createHash('sha256').update(`assemblyscript@${version}\0`);
  for (const f of readdirSync(dir).filter((name) => /\.(ts|mjs)$/.test(name)).sort()) {
    h.update(`${f}\0${readFileSync(join(dir, f), 'utf8')}\0`);
  }
  return h.digest('hex');
}

/** Drops the live instance: a call that ends above a 0-byte budget releases its memory. */
function releaseInstance(): void {
  const prev = setWasmRetainBytes(0);
  gemmWasm(1, 1, 1, Float32Array.of(1), 0, false, Float32Array.of(1), 0, false, new Float32Array(1), 0, false);
  setWasmRetainBytes(prev);
}

describe('gemmWasm', () => {
  afterEach(() => setBackend('auto'));

  it('ships a binary built from the current assembly/ sources (else run `npm run build:wasm -w @strata/tensor`)', () => {
    expect(GEMM_WASM_SOURCE_SHA256).toBe(sourceHash());
  });

  it('loads on Node, which has WebAssembly SIMD', () => {
    expect(isWasmAvailable()).toBe(true);
  });

  it('multiplies a 2x2 pair by hand, with offsets and accumulation', () => {
    const c = Float32Array.of(7, 1, 1, 1, 1);
    expect(gemmWasm(2, 2, 2, Float32Array.of(0, 1, 2, 3, 4), 1, false, Float32Array.of(5, 6, 7, 8), 0, false, c, 1, true)).toBe(true);
    expect(Array.from(c)).toEqual([7, 20, 23, 44, 51]);
  });

  it('declines products that cannot fit in 32-bit memory, leaving C alone', () => {
    const c = Float32Array.of(3);
    expect(gemmWasm(70000, 70000, 1, new Float32Array(1), 0, false, new Float32Array(1), 0, false, c, 0, false)).toBe(false);
    expect(Array.from(c)).toEqual([3]);
  });

  it('releases an instance whose memory grew past the budget and starts a fresh one', () => {
    releaseInstance();
    expect(wasmMemoryBytes()).toBe(0);
    const c = new Float32Array(4);
    gemmWasm(2, 2, 2, Float32Array.of(1, 2, 3, 4), 0, true, Float32Array.of(5, 6, 7, 8), 0, true, c, 0, false);
    expect(Array.from(c)).toEqual([23, 31, 34, 46]);
    expect(wasmMemoryBytes()).toBeGreaterThan(0);
  });

  it('is what gemm runs on the auto backend for products past the threshold, and only those', () => {
    const a = new Float32Array(16 * 16).fill(1);
    const c = new Float32Array(16 * 16);
    releaseInstance();
    gemm(2, 2, 2, a, 0, false, a, 0, false, c, 0);
    expect(wasmMemoryBytes()).toBe(0);
    gemm(16, 16, 16, a, 0, false, a, 0, false, c, 0);
    expect(wasmMemoryBytes()).toBeGreaterThan(0);
    expect(c[0]).toBe(16);
  });

  it('is never run on the js backend and always on the wasm backend', () => {
    const a = new Float32Array(64 * 64).fill(0.5);
    const c = new Float32Array(64 * 64);
    setBackend('js');
    releaseInstance();
    gemm(64, 64, 64, a, 0, false, a, 0, false, c, 0);
    expect(wasmMemoryBytes()).toBe(0);
    expect(c[0]).toBe(16);
    setBackend('wasm');
    gemm(1, 1, 1, a, 0, false, a, 0, false, c, 0);
    expect(wasmMemoryBytes()).toBeGreaterThan(0);
    expect(c[0]).toBe(0.25);
  });
});
