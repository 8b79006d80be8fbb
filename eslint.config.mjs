import nx from '@nx/eslint-plugin';

// The layering of ../shared/DESIGN.md: a package may import only from rows above it.
const rows = [
  ['tensor'],
  ['initializers', 'regularizers', 'constraints', 'activations'],
  ['layers', 'optimizers', 'losses'],
  ['models'],
  ['saving'],
];
const depConstraints = rows.flatMap((row, i) =>
  row.map((name) => ({
    sourceTag: `scope:${name}`,
    onlyDependOnLibsWithTags: [
      `scope:${name}`,
      ...rows.slice(0, i).flat().map((n) => `scope:${n}`),
    ],
  })),
);

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/out-tsc', '**/test-output', 'docs-api', '**/jest.config.cjs', '**/node_modules'],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx', '**/*.cjs', '**/*.mjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
          depConstraints: [
            ...depConstraints,
            // Plugin packages (tools/nx-plugin's layer-plugin generator) build on every row, never on another plugin.
            { sourceTag: 'scope:plugin', onlyDependOnLibsWithTags: rows.flat().map((n) => `scope:${n}`) },
            { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['*'] },
          ],
        },
      ],
    },
  },
];
