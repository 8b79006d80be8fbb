module.exports = {
  displayName: 'regularizers',
  preset: '../../jest.preset.js',
  coverageDirectory: 'test-output/jest/coverage',
};
