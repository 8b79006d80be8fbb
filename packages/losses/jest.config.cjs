module.exports = {
  displayName: 'losses',
  preset: '../../jest.preset.js',
  coverageDirectory: 'test-output/jest/coverage',
};
