module.exports = {
  displayName: 'tensor',
  preset: '../../jest.preset.js',
  coverageDirectory: 'test-output/jest/coverage',
};
