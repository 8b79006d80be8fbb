module.exports = {
  displayName: 'models',
  preset: '../../jest.preset.js',
  coverageDirectory: 'test-output/jest/coverage',
};
