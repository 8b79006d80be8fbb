module.exports = {
  displayName: 'optimizers',
  preset: '../../jest.preset.js',
  coverageDirectory: 'test-output/jest/coverage',
};
