const { transform: _tsJest, ...nxPreset } = require('@nx/jest/preset').default;
module.exports = {
  ...nxPreset,
  testEnvironment: 'node',
  // Resolve workspace packages to their TypeScript source, as tsc does, so tests never run stale builds.
  testEnvironmentOptions: { customExportConditions: ['@strata/source', 'node', 'require', 'default'] },
  transform: {
    '^.+\\.[cm]?[tj]s$': [
      '@swc/jest',
      {
        swcrc: false,
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
};
