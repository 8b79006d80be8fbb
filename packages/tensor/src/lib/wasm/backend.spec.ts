import { ValueError } from '../errors';
import { Backend, getBackend, setBackend } from './backend';

describe('setBackend / getBackend', () => {
  afterEach(() => setBackend('auto'));

  it("defaults to 'auto' and reports each choice", () => {
    expect(getBackend()).toBe('auto');
    for (const b of ['js', 'wasm', 'auto'] as const) {
      setBackend(b);
      expect(getBackend()).toBe(b);
    }
  });

  it('rejects an unknown name and keeps the current backend', () => {
    setBackend('js');
    expect(() => setBackend('gpu' as Backend)).toThrow(ValueError);
    expect(() => setBackend('gpu' as Backend)).toThrow(
      "setBackend: backend must be one of 'auto', 'wasm', 'js', received backend='gpu'",
    );
    expect(getBackend()).toBe('js');
  });

  describe('in an engine without WebAssembly', () => {
    const g = globalThis as { WebAssembly?: unknown };
    const saved = g.WebAssembly;
    beforeAll(() => delete g.WebAssembly);
    afterAll(() => {
      g.WebAssembly = saved;
    });

    /** Fresh copies of the modules, so the kernel's one-time load sees the engine without WebAssembly. */
    function load(): {
      backend: typeof import('./backend');
      errors: typeof import('../errors');
      kernels: typeof import('../ops/kernels-matmul');
    } {
      let mods!: ReturnType<typeof load>;
      jest.isolateModules(() => {
        mods = { backend: require('./backend'), errors: require('../errors'), kernels: require('../ops/kernels-matmul') };
      });
      return mods;
    }

    it("rejects 'wasm' with a hint and stays on 'auto'", () => {
      const { backend, errors } = load();
      expect(() => backend.setBackend('wasm')).toThrow(errors.ValueError);
      expect(() => backend.setBackend('wasm')).toThrow(/not available in this JavaScript engine, received backend='wasm'/);
      expect(backend.getBackend()).toBe('auto');
    });

    it('falls back to the TypeScript kernel for large products', () => {
      const { kernels } = load();
      const a = new Float32Array(32 * 32).fill(2);
      const c = new Float32Array(32 * 32);
      kernels.gemm(32, 32, 32, a, 0, false, a, 0, false, c, 0);
      expect(c.every((v) => v === 128)).toBe(true);
    });
  });
});
