// h5wasm ships only ES modules ("exports" has an "import" condition alone). Jest runs CommonJS:
// map the bare name to its ESM build and let @swc/jest transform it like our sources (the
// library itself keeps a real `import('h5wasm')`, which Node resolves natively).
module.exports = {
  displayName: 'saving',
  preset: '../../jest.preset.js',
  coverageDirectory: 'test-output/jest/coverage',
  moduleNameMapper: { '^h5wasm$': require.resolve('../../node_modules/h5wasm/dist/esm/hdf5_hl.js') },
  transformIgnorePatterns: ['/node_modules/(?!h5wasm/)'],
};
