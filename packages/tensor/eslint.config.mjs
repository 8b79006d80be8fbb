import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    files: ['**/*.json'],
    rules: {
      '@nx/dependency-checks': [
        'error',
        {
          ignoredFiles: ['{projectRoot}/eslint.config.{js,cjs,mjs}', '{projectRoot}/jest.config.{js,cjs,mjs,ts,cts,mts}'],
          // The published declarations import ndarray's and seedrandom's types, so users need them.
          ignoredDependencies: ['@types/ndarray', '@types/seedrandom'],
        },
      ],
    },
    languageOptions: { parser: await import('jsonc-eslint-parser') },
  },
];
