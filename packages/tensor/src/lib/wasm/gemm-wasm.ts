// Loads the WebAssembly SIMD GEMM (assembly/gemm.ts, shipped as base64 in gemm-wasm-binary.ts)
// and runs products through it. Operands cannot be shared with JavaScript typed arrays, so each
// call copies op(A) and op(B) into the module's linear memory and C back out; measured on
// Node 20 these copies cost 2-7% of a 128x784x256 product, so no operand is cached across calls.
import { GEMM_WASM_BASE64 } from './gemm-wasm-binary';

/** The parts of the WebAssembly JS API used here (lib es2022 does not declare them). */
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}

interface KernelExports {
  memory: { readonly buffer: ArrayBuffer; grow(pages: number): number };
  dataStart(): number;
  gemm(m: number, n: number, k: number, a: number, transA: boolean, b: number, transB: boolean, c: number, accumulate: boolean): void;
}

const PAGE = 65536;
// Linear memory never shrinks; an instance that grew past this is dropped after its call so the
// garbage collector can take the memory back (the compiled module is kept: a new instance is cheap).
let retainBytes = 64 * 1024 * 1024;
// wasm32 addresses are 32-bit.
const MAX_BYTES = 2 ** 32 - PAGE;

let compiled: object | null | undefined;
let kernel: KernelExports | null = null;
let heap = new Float32Array(0);

function decodeBase64(s: string): Uint8Array {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const code = new Uint8Array(128);
  for (let i = 0; i < alphabet.length; i++) code[alphabet.charCodeAt(i)] = i;
  const body = s.replace(/=+$/, '');
  const out = new Uint8Array((body.length * 3) >> 2);
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (let i = 0; i < body.length; i++) {
    acc = (acc << 6) | code[body.charCodeAt(i)];
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

/** Compiles the module once; null when the engine has no WebAssembly or no SIMD (validation fails). */
function compile(): object | null {
  if (compiled !== undefined) return compiled;
  compiled = null;
  try {
    const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
    const bytes = decodeBase64(GEMM_WASM_BASE64);
    // Synchronous compilation is allowed for modules this small (browsers cap it at 4 KB on the main thread).
    if (wasm && wasm.validate(bytes)) compiled = new wasm.Module(bytes);
  } catch {
    compiled = null;
  }
  return compiled;
}

function instance(): KernelExports | null {
  if (kernel) return kernel;
  const module = compile();
  if (!module) return null;
  const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly as WasmApi;
  kernel = new wasm.Instance(module, {}).exports as KernelExports;
  heap = new Float32Array(kernel.memory.buffer);
  return kernel;
}

/**
 * Whether this JavaScript engine runs the WebAssembly SIMD kernels (WebAssembly with the
 * fixed-width SIMD proposal: Node >= 16.4, current browsers).
 *
 * @example
 * isWasmAvailable(); // true on Node 20
 */
export function isWasmAvailable(): boolean {
  return compile() !== null;
}

/** Grows linear memory to at least `bytes`; false when it cannot. */
function reserve(k: KernelExports, bytes: number): boolean {
  if (bytes > MAX_BYTES) return false;
  const have = k.memory.buffer.byteLength;
  if (have < bytes) {
    try {
      k.memory.grow(Math.ceil((bytes - have) / PAGE));
    } catch {
      return false;
    }
  }
  // Growing detaches the old ArrayBuffer.
  if (heap.buffer !== k.memory.buffer) heap = new Float32Array(k.memory.buffer);
  return true;
}

const align = (bytes: number): number => Math.ceil(bytes / 64) * 64;

/**
 * `C (+)= op(A) · op(B)` by the WebAssembly kernel, with the contract of `gemm` (sizes all > 0).
 * Returns false, having done nothing, when the kernel is unavailable or the operands do not fit
 * in 32-bit linear memory; the caller then runs the TypeScript kernel.
 *
 * @example
 * const c = new Float32Array(4);
 * gemmWasm(2, 2, 2, Float32Array.of(1, 2, 3, 4), 0, false, Float32Array.of(5, 6, 7, 8), 0, false, c, 0, false);
 * // true; c = [19, 22, 43, 50]
 */
export function gemmWasm(
  m: number, n: number, k: number,
  a: Float32Array, aOff: number, transA: boolean,
  b: Float32Array, bOff: number, transB: boolean,
  c: Float32Array, cOff: number, accumulate: boolean,
): boolean {
  const kern = instance();
  if (!kern) return false;
  const aPtr = kern.dataStart();
  const bPtr = align(aPtr + m * k * 4);
  const cPtr = align(bPtr + k * n * 4);
  if (!reserve(kern, cPtr + m * n * 4)) return false;
  const c0 = cPtr >>> 2;
  heap.set(a.subarray(aOff, aOff + m * k), aPtr >>> 2);
  heap.set(b.subarray(bOff, bOff + k * n), bPtr >>> 2);
  if (accumulate) heap.set(c.subarray(cOff, cOff + m * n), c0);
  kern.gemm(m, n, k, aPtr, transA, bPtr, transB, cPtr, accumulate);
  c.set(heap.subarray(c0, c0 + m * n), cOff);
  if (kern.memory.buffer.byteLength > retainBytes) {
    kernel = null;
    heap = new Float32Array(0);
  }
  return true;
}

/** @internal Bytes of linear memory the live instance holds (0 when none): lets tests check the release. */
export function wasmMemoryBytes(): number {
  return kernel ? kernel.memory.buffer.byteLength : 0;
}

/** @internal Sets the memory size past which an instance is released (tests use tiny ones); returns the previous one. */
export function setWasmRetainBytes(bytes: number): number {
  const prev = retainBytes;
  retainBytes = bytes;
  return prev;
}
