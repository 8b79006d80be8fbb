module.exports = {
  displayName: 'activations',
  preset: '../../jest.preset.js',
  coverageDirectory: 'test-output/jest/coverage',
};
