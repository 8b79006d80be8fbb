import { ValueError, show } from '../errors';
import { isWasmAvailable } from './gemm-wasm';

/**
 * Which kernels run the heavy ops (today: `gemm`, so matmul, dense layers and convolutions):
 * `'auto'` uses WebAssembly SIMD where the engine has it and the product is large enough to pay
 * for copying operands into WebAssembly memory, TypeScript otherwise; `'wasm'` forces the
 * WebAssembly kernels for every size; `'js'` forces the plain TypeScript kernels.
 */
export type Backend = 'auto' | 'wasm' | 'js';

const BACKENDS: readonly Backend[] = ['auto', 'wasm', 'js'];
let current: Backend = 'auto';

/**
 * Chooses the kernels behind the heavy ops, for debugging and comparison; the default `'auto'`
 * is the fast choice. Results agree across backends to float32 rounding (sums run in a
 * different order), not bit for bit.
 *
 * @throws ValueError for an unknown name, or `'wasm'` where WebAssembly SIMD is unavailable.
 *
 * @example
 * setBackend('js');   // plain TypeScript everywhere
 * matmul(a, b);
 * setBackend('auto'); // back to the default
 */
export function setBackend(backend: Backend): void {
  if (!BACKENDS.includes(backend)) {
    throw new ValueError(`setBackend: backend must be one of 'auto', 'wasm', 'js', received backend=${show(backend)}`);
  }
  if (backend === 'wasm' && !isWasmAvailable()) {
    throw new ValueError(
      `setBackend: WebAssembly SIMD is not available in this JavaScript engine, received backend='wasm' (use 'auto' or 'js')`,
    );
  }
  current = backend;
}

/**
 * The backend chosen by {@link setBackend}: `'auto'` (the default), `'wasm'` or `'js'`.
 *
 * @example
 * getBackend(); // 'auto'
 */
export function getBackend(): Backend {
  return current;
}
