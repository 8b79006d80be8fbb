// The end-to-end specs save and load .keras files with @strata/saving, whose HDF5 library
// (h5wasm) ships only ES modules: map it to its ESM build and let @swc/jest transform it, as
// packages/saving/jest.config.cjs does.
module.exports = {
  displayName: 'squeeze-excitation',
  preset: '../../jest.preset.js',
  coverageDirectory: 'test-output/jest/coverage',
  moduleNameMapper: { '^h5wasm$': require.resolve('../../node_modules/h5wasm/dist/esm/hdf5_hl.js') },
  transformIgnorePatterns: ['/node_modules/(?!h5wasm/)'],
};
