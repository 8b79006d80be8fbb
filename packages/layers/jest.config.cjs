module.exports = {
  displayName: 'layers',
  preset: '../../jest.preset.js',
  coverageDirectory: 'test-output/jest/coverage',
};
