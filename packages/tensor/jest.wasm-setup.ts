// Setup of the `tensor-wasm` jest project (jest.config.cjs): gemm runs on WebAssembly at every size.
import { setBackend } from './src/lib/wasm/backend';

setBackend('wasm');
