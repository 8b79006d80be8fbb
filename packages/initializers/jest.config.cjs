module.exports = {
  displayName: 'initializers',
  preset: '../../jest.preset.js',
  coverageDirectory: 'test-output/jest/coverage',
};
