// The layer-plugin generator: a publishable package of custom Strata layers, shaped like the
// workspace's own packages (CommonJS build by `tsc --build`, the @strata/source condition for
// sources, Jest through the root preset, ESLint with the module-boundary and dependency checks).
//
//   npx nx g @strata/nx-plugin:layer-plugin --name=@acme/layers --className=ScaleShift
'use strict';

const path = require('node:path');
const { generateFiles, joinPathFragments, logger, offsetFromRoot, readJson, updateJson, writeJson } = require('@nx/devkit');

/** What a layer plugin imports from Strata; their versions in the workspace become its dependency ranges. */
const STRATA_DEPENDENCIES = ['@strata/layers', '@strata/tensor'];
const TSLIB_RANGE = '^2.8.1';
const NAME_PATTERN = /^(@[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*$/;
const CLASS_PATTERN = /^[A-Z][A-Za-z0-9]*$/;

/** Keras's `to_snake_case` (as `snakeCase` in @strata/tensor): 'SqueezeExcitation' -> 'squeeze_excitation', 'Conv2D' -> 'conv2d'. */
function snakeCase(name) {
  return name
    .replace(/\W+/g, '')
    .replace(/(.)([A-Z][a-z]+)/g, '$1_$2')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

/** The folders npm workspaces look in ('packages/*' -> 'packages'), to find the Strata packages. */
function workspacePackageDirs(tree) {
  if (!tree.exists('package.json')) return [];
  const ws = readJson(tree, 'package.json').workspaces ?? [];
  const patterns = Array.isArray(ws) ? ws : (ws.packages ?? []);
  const dirs = [];
  for (const pattern of patterns) {
    if (pattern.endsWith('/*')) {
      const parent = pattern.slice(0, -2);
      for (const child of tree.children(parent)) dirs.push(joinPathFragments(parent, child));
    } else {
      dirs.push(pattern);
    }
  }
  return dirs.filter((d) => tree.exists(joinPathFragments(d, 'package.json')));
}

/** Folder and version of each Strata package the plugin depends on; an error names any that is missing. */
function findStrataPackages(tree) {
  const found = {};
  for (const dir of workspacePackageDirs(tree)) {
    const pkg = readJson(tree, joinPathFragments(dir, 'package.json'));
    if (STRATA_DEPENDENCIES.includes(pkg.name)) found[pkg.name] = { dir, version: pkg.version };
  }
  const missing = STRATA_DEPENDENCIES.filter((n) => !found[n]);
  if (missing.length) {
    throw new Error(
      `layer-plugin: expected the workspace packages ${STRATA_DEPENDENCIES.join(', ')} (npm workspaces of the root package.json), ` +
        `received none for ${missing.join(', ')}`,
    );
  }
  return found;
}

function normalizeOptions(tree, options) {
  const { name, className } = options;
  if (typeof name !== 'string' || !NAME_PATTERN.test(name)) {
    throw new Error(`layer-plugin: name must be an npm package name such as '@acme/layers', received name=${JSON.stringify(name)}`);
  }
  if (typeof className !== 'string' || !CLASS_PATTERN.test(className)) {
    throw new Error(`layer-plugin: className must be a PascalCase identifier such as 'ScaleShift', received className=${JSON.stringify(className)}`);
  }
  const bareName = name.replace(/^@[^/]+\//, '');
  const directory = path.posix.normalize((options.directory ?? `packages/${bareName}`).replace(/\\/g, '/')).replace(/\/$/, '');
  if (directory.startsWith('..') || path.posix.isAbsolute(directory)) {
    throw new Error(`layer-plugin: directory must be inside the workspace, received directory=${JSON.stringify(options.directory)}`);
  }
  if (tree.exists(directory) && tree.children(directory).length > 0) {
    throw new Error(`layer-plugin: directory must be new or empty, received directory=${JSON.stringify(directory)} (it has files)`);
  }
  const registeredPackage = options.registeredPackage ?? name.replace(/^@/, '').replace(/[/.-]/g, '_');
  if (!registeredPackage || /[>\s]/.test(registeredPackage)) {
    throw new Error(`layer-plugin: registeredPackage must be non-empty, without '>' or spaces, received registeredPackage=${JSON.stringify(registeredPackage)}`);
  }
  return {
    name,
    bareName,
    className,
    directory,
    registeredPackage,
    fileName: snakeCase(className).replace(/_/g, '-'),
    description: options.description ?? `Custom Strata layers: ${className}, serialized as '${registeredPackage}>${className}'.`,
    offset: offsetFromRoot(directory),
  };
}

function writePackageJson(tree, o, strata) {
  const dependencies = {};
  for (const dep of STRATA_DEPENDENCIES) dependencies[dep] = `^${strata[dep].version}`;
  dependencies.tslib = TSLIB_RANGE;
  writeJson(tree, joinPathFragments(o.directory, 'package.json'), {
    name: o.name,
    version: '0.1.0',
    description: o.description,
    license: 'MIT',
    type: 'commonjs',
    main: './dist/index.js',
    types: './dist/index.d.ts',
    exports: {
      './package.json': './package.json',
      '.': { '@strata/source': './src/index.ts', types: './dist/index.d.ts', default: './dist/index.js' },
    },
    files: ['dist', '!**/*.tsbuildinfo', '!**/*.d.ts.map'],
    sideEffects: false,
    publishConfig: { access: 'public' },
    nx: { tags: ['scope:plugin'] },
    dependencies,
    engines: { node: '>=20' },
  });
}

// The project references `nx sync` would write, so the new package builds before the next sync.
function writeTsconfigs(tree, o, strata) {
  const base = `${o.offset}tsconfig.base.json`;
  writeJson(tree, joinPathFragments(o.directory, 'tsconfig.json'), {
    extends: base,
    files: [],
    include: [],
    references: [{ path: './tsconfig.lib.json' }, { path: './tsconfig.spec.json' }],
  });
  writeJson(tree, joinPathFragments(o.directory, 'tsconfig.lib.json'), {
    extends: base,
    compilerOptions: { rootDir: 'src', outDir: 'dist', tsBuildInfoFile: 'dist/tsconfig.lib.tsbuildinfo', emitDeclarationOnly: false, types: [] },
    include: ['src/**/*.ts'],
    exclude: ['jest.config.cjs', 'src/**/*.spec.ts', 'src/**/*.test.ts'],
    references: STRATA_DEPENDENCIES.map((dep) => ({
      path: path.posix.relative(o.directory, joinPathFragments(strata[dep].dir, 'tsconfig.lib.json')),
    })),
  });
  writeJson(tree, joinPathFragments(o.directory, 'tsconfig.spec.json'), {
    extends: base,
    compilerOptions: { rootDir: '.', outDir: './out-tsc/jest', types: ['jest', 'node'] },
    include: ['jest.config.cjs', 'src/**/*.spec.ts', 'src/**/*.test.ts', 'src/**/*.d.ts', 'src/**/*.json'],
    references: [{ path: './tsconfig.lib.json' }],
  });
  if (tree.exists('tsconfig.json')) {
    updateJson(tree, 'tsconfig.json', (json) => {
      const ref = `./${o.directory}`;
      json.references ??= [];
      if (!json.references.some((r) => path.posix.normalize(r.path) === path.posix.normalize(ref))) json.references.push({ path: ref });
      return json;
    });
  }
}

// A first release must be named by a pending changeset (tools/package-check enforces it).
function writeChangeset(tree, o) {
  if (!tree.exists('.changeset/config.json')) return;
  tree.write(
    joinPathFragments('.changeset', `${o.bareName}.md`),
    `---\n"${o.name}": minor\n---\n\nFirst release of ${o.name}: the \`${o.className}\` layer, registered as \`'${o.registeredPackage}>${o.className}'\`.\n`,
  );
}

/**
 * Writes a publishable custom-layer package: package.json (tag scope:plugin, depends on
 * @strata/tensor and @strata/layers at the workspace's versions), tsconfig.json / .lib.json /
 * .spec.json, jest.config.cjs, eslint.config.mjs, README.md, src/index.ts, the layer with its
 * spec (checkLayerContract, golden values, gradient check), and register.ts with its spec; adds
 * the project reference to the root tsconfig.json and a changeset for the first release.
 */
async function layerPluginGenerator(tree, options) {
  const o = normalizeOptions(tree, options);
  const strata = findStrataPackages(tree);
  writePackageJson(tree, o, strata);
  writeTsconfigs(tree, o, strata);
  generateFiles(tree, path.join(__dirname, 'files'), o.directory, { ...o, tmpl: '' });
  writeChangeset(tree, o);
  return () => {
    logger.info(
      [
        `Created ${o.name} in ${o.directory}: ${o.className} in src/lib/${o.fileName}.ts, registered as '${o.registeredPackage}>${o.className}'.`,
        'Next: npm install (links the new workspace package), npx nx sync, then',
        `  (cd ${o.directory} && npx jest) and npx eslint ${o.directory}`,
        '  and add a smoke case for it in tools/package-check/smoke-cases.cjs.',
      ].join('\n'),
    );
  };
}

module.exports = layerPluginGenerator;
module.exports.default = layerPluginGenerator;
module.exports.normalizeOptions = normalizeOptions;
module.exports.snakeCase = snakeCase;
