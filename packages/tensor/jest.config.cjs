const base = {
  preset: '../../jest.preset.js',
  coverageDirectory: 'test-output/jest/coverage',
};

module.exports = {
  projects: [
    { ...base, displayName: 'tensor' },
    {
      // The specs of everything built on gemm, again with the WebAssembly kernel forced for every
      // size (on the default backend their small cases would take the TypeScript one).
      ...base,
      displayName: 'tensor-wasm',
      setupFiles: ['<rootDir>/jest.wasm-setup.ts'],
      testMatch: ['<rootDir>/src/lib/ops/{matmul,conv,conv-transpose,conv-depthwise,conv-keras-fixtures}.spec.ts'],
    },
  ],
};
