module.exports = {
  displayName: 'constraints',
  preset: '../../jest.preset.js',
  coverageDirectory: 'test-output/jest/coverage',
};
