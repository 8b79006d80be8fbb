// Tests of the layer-plugin generator, run by `npm test` (scripts/check.sh) with
//   node --test tools/nx-plugin/src/generators/layer-plugin/generator.test.cjs
// It runs the generator on virtual trees and checks the files; then it writes one generated package
// to a temp folder in the workspace, type-checks its layer, register helper and specs against the
// real @strata sources with the workspace's compiler options, and runs its specs with its own
// jest.config.cjs.
'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { test } = require('node:test');
const { readJson, writeJson } = require('@nx/devkit');
const { createTreeWithEmptyWorkspace } = require('@nx/devkit/testing');
const generator = require('./generator.cjs');

const ROOT = path.resolve(__dirname, '../../../../..');

/** A virtual workspace with npm workspaces, the two Strata packages a plugin needs, a root tsconfig and changesets. */
function workspace(versions = { tensor: '0.3.1', layers: '0.2.0' }) {
  const tree = createTreeWithEmptyWorkspace();
  writeJson(tree, 'package.json', { name: '@strata/source', private: true, workspaces: ['packages/*', 'tools/*'] });
  writeJson(tree, 'tsconfig.json', { files: [], references: [{ path: './packages/tensor' }] });
  writeJson(tree, '.changeset/config.json', {});
  for (const [dir, version] of Object.entries(versions)) writeJson(tree, `packages/${dir}/package.json`, { name: `@strata/${dir}`, version });
  return tree;
}

function generatedFiles(tree, dir) {
  return tree.listChanges().map((c) => c.path).filter((p) => p.startsWith(`${dir}/`)).map((p) => p.slice(dir.length + 1)).sort();
}

test('scaffolds a publishable package with the layer, its spec and register()', async () => {
  const tree = workspace();
  const done = await generator(tree, { name: '@acme/scale-layers', className: 'ScaleShift2D' });
  assert.equal(typeof done, 'function');
  const dir = 'packages/scale-layers';
  assert.deepEqual(generatedFiles(tree, dir), [
    'README.md', 'eslint.config.mjs', 'jest.config.cjs', 'package.json',
    'src/index.ts', 'src/lib/register.spec.ts', 'src/lib/register.ts', 'src/lib/scale-shift2d.spec.ts', 'src/lib/scale-shift2d.ts',
    'tsconfig.json', 'tsconfig.lib.json', 'tsconfig.spec.json',
  ]);

  const pkg = readJson(tree, `${dir}/package.json`);
  assert.equal(pkg.name, '@acme/scale-layers');
  assert.equal(pkg.version, '0.1.0');
  assert.deepEqual(pkg.dependencies, { '@strata/layers': '^0.2.0', '@strata/tensor': '^0.3.1', tslib: '^2.8.1' });
  assert.deepEqual(pkg.exports['.'], { '@strata/source': './src/index.ts', types: './dist/index.d.ts', default: './dist/index.js' });
  assert.deepEqual(Object.keys(pkg.exports['.']), ['@strata/source', 'types', 'default']);
  assert.deepEqual(pkg.nx, { tags: ['scope:plugin'] });
  assert.equal(pkg.sideEffects, false);
  assert.equal(pkg.private, undefined);
  assert.deepEqual(pkg.publishConfig, { access: 'public' });
  assert.deepEqual(pkg.files, ['dist', '!**/*.tsbuildinfo', '!**/*.d.ts.map']);
  assert.deepEqual(pkg.engines, { node: '>=20' });
  assert.equal(pkg.main, './dist/index.js');

  const lib = readJson(tree, `${dir}/tsconfig.lib.json`);
  assert.equal(lib.extends, '../../tsconfig.base.json');
  assert.deepEqual(lib.references, [{ path: '../layers/tsconfig.lib.json' }, { path: '../tensor/tsconfig.lib.json' }]);
  assert.deepEqual(readJson(tree, `${dir}/tsconfig.spec.json`).compilerOptions.types, ['jest', 'node']);
  assert.deepEqual(readJson(tree, 'tsconfig.json').references, [{ path: './packages/tensor' }, { path: './packages/scale-layers' }]);

  const layer = tree.read(`${dir}/src/lib/scale-shift2d.ts`, 'utf8');
  assert.match(layer, /export class ScaleShift2D extends Layer \{/);
  assert.match(layer, /static override readonly className: string = 'ScaleShift2D';/);
  for (const method of ['constructor(', 'override build(', 'override call(', 'override computeOutputShape(', 'override getConfig(']) {
    assert.ok(layer.includes(method), `the layer has ${method}`);
  }
  assert.match(tree.read(`${dir}/src/lib/register.ts`, 'utf8'), /export const REGISTERED_PACKAGE = 'acme_scale_layers';/);
  assert.match(tree.read(`${dir}/src/lib/register.spec.ts`, 'utf8'), /'acme_scale_layers>ScaleShift2D'/);
  const spec = tree.read(`${dir}/src/lib/scale-shift2d.spec.ts`, 'utf8');
  assert.match(spec, /import \{ checkLayerContract \} from '@strata\/layers\/testing';/);
  assert.match(spec, /checkGradients\(/);
  assert.match(tree.read(`${dir}/jest.config.cjs`, 'utf8'), /preset: '\.\.\/\.\.\/jest\.preset\.js'/);
  assert.match(tree.read(`${dir}/eslint.config.mjs`, 'utf8'), /from '\.\.\/\.\.\/eslint\.config\.mjs'/);
  assert.doesNotMatch(tree.read(`${dir}/README.md`, 'utf8'), /<%|%>/);
  assert.match(tree.read('.changeset/scale-layers.md', 'utf8'), /^---\n"@acme\/scale-layers": minor\n---\n/);
});

test('honours --directory and --registeredPackage, and an unscoped name', async () => {
  const tree = workspace();
  await generator(tree, { name: 'my-layers', className: 'Gate', directory: 'plugins/vision/my-layers', registeredPackage: 'vision' });
  const dir = 'plugins/vision/my-layers';
  assert.equal(readJson(tree, `${dir}/package.json`).name, 'my-layers');
  const lib = readJson(tree, `${dir}/tsconfig.lib.json`);
  assert.equal(lib.extends, '../../../tsconfig.base.json');
  assert.deepEqual(lib.references, [{ path: '../../../packages/layers/tsconfig.lib.json' }, { path: '../../../packages/tensor/tsconfig.lib.json' }]);
  assert.match(tree.read(`${dir}/jest.config.cjs`, 'utf8'), /preset: '\.\.\/\.\.\/\.\.\/jest\.preset\.js'/);
  assert.match(tree.read(`${dir}/src/lib/register.ts`, 'utf8'), /REGISTERED_PACKAGE = 'vision';/);
  assert.ok(tree.exists(`${dir}/src/lib/gate.ts`));
});

test('rejects bad options with messages naming them', async () => {
  const tree = workspace();
  await assert.rejects(generator(tree, { name: '@acme/x', className: 'lowercase' }), /className must be a PascalCase identifier.*received className="lowercase"/);
  await assert.rejects(generator(tree, { name: 'Not A Name', className: 'X' }), /name must be an npm package name.*received name="Not A Name"/);
  await assert.rejects(generator(tree, { name: 'x', className: 'X', registeredPackage: 'a>b' }), /registeredPackage must be non-empty.*received registeredPackage="a>b"/);
  await assert.rejects(generator(tree, { name: 'x', className: 'X', directory: '../outside' }), /directory must be inside the workspace/);
  await assert.rejects(generator(tree, { name: '@strata/layers', className: 'X' }), /directory must be new or empty, received directory="packages\/layers"/);
  const bare = createTreeWithEmptyWorkspace();
  await assert.rejects(generator(bare, { name: 'x', className: 'X' }), /expected the workspace packages @strata\/layers, @strata\/tensor.*none for @strata\/layers, @strata\/tensor/);
});

test('the generated package type-checks and its specs pass, against the workspace packages', async () => {
  // Seed the virtual tree with the real versions, so the dependency ranges are today's.
  const real = (p) => JSON.parse(fs.readFileSync(path.join(ROOT, p), 'utf8'));
  const tree = workspace({ tensor: real('packages/tensor/package.json').version, layers: real('packages/layers/package.json').version });
  // On disk under tools/nx-plugin/test-output (git-ignored, so Nx and ESLint skip it), where the
  // generated relative paths (jest preset, tsconfig base) reach the real root and @strata/* resolve.
  fs.mkdirSync(path.join(ROOT, 'tools/nx-plugin/test-output'), { recursive: true });
  const tmp = fs.mkdtempSync(path.join(ROOT, 'tools/nx-plugin/test-output/layer-plugin-'));
  const dir = path.relative(ROOT, tmp).split(path.sep).join('/');
  await generator(tree, { name: '@acme/compile-check', className: 'CompileCheck', directory: dir });
  assert.equal(readJson(tree, `${dir}/package.json`).dependencies['@strata/layers'], `^${real('packages/layers/package.json').version}`);
  try {
    // Not package.json: no workspace package should appear, even for a moment.
    for (const file of generatedFiles(tree, dir).filter((f) => f !== 'package.json')) {
      fs.mkdirSync(path.dirname(path.join(tmp, file)), { recursive: true });
      fs.writeFileSync(path.join(tmp, file), tree.read(`${dir}/${file}`));
    }
    // The workspace's compiler options (strict, nodenext, the @strata/source condition), for the
    // library and its specs at once, so that no referenced project needs to be built first.
    fs.writeFileSync(path.join(tmp, 'tsconfig.check.json'), JSON.stringify({
      extends: './tsconfig.lib.json',
      compilerOptions: { composite: false, declarationMap: false, emitDeclarationOnly: false, noEmit: true, rootDir: '.', types: ['jest', 'node'] },
      include: ['src/**/*.ts'],
      exclude: [],
      references: [],
    }));
    const node = (args) => execFileSync(process.execPath, args, { cwd: tmp, encoding: 'utf8', stdio: 'pipe' });
    try {
      node([path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.check.json']);
    } catch (e) {
      assert.fail(`tsc rejected the generated sources:\n${e.stdout}${e.stderr}`);
    }
    // The generated jest.config.cjs, as is: its preset path must reach the root's.
    try {
      node([path.join(ROOT, 'node_modules/jest/bin/jest.js'), '--config', 'jest.config.cjs', '--ci', '--silent']);
    } catch (e) {
      assert.fail(`the generated specs failed:\n${e.stdout}${e.stderr}`);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
