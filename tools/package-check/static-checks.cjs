// Checks on a package's manifest and packed file list that need no install: the equivalent of
// publint's core rules for this repo's layout, plus the dependency scan that a hoisted install
// cannot do (a package that requires a transitive dependency it never declared still loads when
// the dependency happens to be hoisted; here it fails).
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { builtinModules } = require('node:module');

/** The workspace-only condition: it points at src/, which is not published, and no consumer sets it. */
const SOURCE_CONDITION = '@strata/source';

/** Every target string in an exports map, with the condition path that leads to it. */
function exportTargets(exportsField, trail = []) {
  if (typeof exportsField === 'string') return [{ trail, target: exportsField }];
  if (!exportsField || typeof exportsField !== 'object') return [];
  return Object.entries(exportsField).flatMap(([key, value]) => exportTargets(value, [...trail, key]));
}

/** The package name of a bare specifier ('@scope/name/sub' -> '@scope/name'), or null for a relative or builtin one. */
function packageOf(specifier) {
  if (specifier.startsWith('.') || specifier.startsWith('/')) return null;
  const bare = specifier.replace(/^node:/, '');
  if (specifier.startsWith('node:') || builtinModules.includes(bare.split('/')[0])) return null;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Module specifiers a compiled file asks for at run time (.js) or for its types (.d.ts). */
function specifiersIn(file, text) {
  const found = new Set();
  const patterns = file.endsWith('.d.ts')
    ? [/\bfrom\s+['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, /\bimport\s+['"]([^'"]+)['"]/g, /reference\s+types=['"]([^'"]+)['"]/g]
    : [/\brequire\(\s*['"]([^'"]+)['"]\s*\)/g, /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g];
  // Comments may quote imports (TSDoc examples do): drop them before scanning.
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"])\/\/.*$/gm, '$1');
  for (const re of patterns) for (const m of code.matchAll(re)) found.add(m[1]);
  return [...found];
}

/**
 * Problems with one package: `pkg` is its package.json, `dir` its folder, `files` the paths
 * `npm pack` put in the tarball (relative, e.g. 'dist/index.js').
 */
function checkPackage(pkg, dir, files) {
  const problems = [];
  const packed = new Set(files);
  const has = (p) => packed.has(p.replace(/^\.\//, ''));

  if (!pkg.license) problems.push('package.json has no "license"');
  if (pkg.sideEffects !== false) problems.push('package.json must say "sideEffects": false');
  if (!Array.isArray(pkg.files) || pkg.files.length === 0) problems.push('package.json has no "files" list');
  if (!pkg.description) problems.push('package.json has no "description"');
  if (!pkg.publishConfig || pkg.publishConfig.access !== 'public') problems.push('publishConfig.access must be "public"');
  if (!has('README.md')) problems.push('README.md is not in the tarball');
  for (const field of ['main', 'types']) {
    if (!pkg[field]) problems.push(`package.json has no "${field}"`);
    else if (!has(pkg[field])) problems.push(`"${field}": ${pkg[field]} is not in the tarball (built?)`);
  }

  const leaked = files.filter((f) => /(^|\/)(src|__fixtures__|test-output)\/|\.spec\.|\.tsbuildinfo$/.test(f));
  if (leaked.length) problems.push(`the tarball holds files no user needs: ${leaked.slice(0, 5).join(', ')}`);

  if (!pkg.exports || !pkg.exports['.']) problems.push('package.json has no exports["."]');
  for (const [subpath, entry] of Object.entries(pkg.exports || {})) {
    if (typeof entry === 'object' && entry) {
      const conditions = Object.keys(entry).filter((c) => c !== SOURCE_CONDITION);
      // Node and TypeScript take the first matching condition: "types" after "default" is never seen.
      if (!conditions.includes('types')) problems.push(`exports["${subpath}"] has no "types" condition`);
      else if (conditions.indexOf('types') > conditions.indexOf('default')) problems.push(`exports["${subpath}"]: "types" must come before "default"`);
      if (!conditions.includes('default') && !conditions.includes('require')) problems.push(`exports["${subpath}"] cannot be required (no "default"/"require" condition)`);
    }
  }
  for (const { trail, target } of exportTargets(pkg.exports)) {
    if (trail.includes(SOURCE_CONDITION)) continue;
    if (!has(target)) problems.push(`exports${trail.map((t) => `["${t}"]`).join('')} -> ${target} is not in the tarball`);
  }
  for (const [, map] of Object.entries(pkg.typesVersions || {})) {
    for (const [sub, targets] of Object.entries(map)) {
      for (const t of targets) if (!t.includes('*') && !has(t)) problems.push(`typesVersions "${sub}" -> ${t} is not in the tarball`);
    }
  }

  const declared = new Set([...Object.keys(pkg.dependencies || {}), ...Object.keys(pkg.peerDependencies || {})]);
  const undeclared = new Map();
  for (const file of files.filter((f) => f.endsWith('.js') || f.endsWith('.d.ts'))) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    for (const spec of specifiersIn(file, text)) {
      const name = packageOf(spec);
      if (name === null) {
        if (spec.startsWith('.') && !resolvesInTarball(file, spec, packed)) problems.push(`${file}: '${spec}' is not in the tarball`);
      } else if (name !== pkg.name && !declared.has(name) && !(file.endsWith('.d.ts') && declared.has(typesPackageOf(name)))) {
        undeclared.set(name, file);
      }
    }
  }
  for (const [name, file] of undeclared) problems.push(`${file} imports '${name}', which is not in "dependencies"`);
  return problems;
}

/** '@scope/name' -> '@types/scope__name', 'name' -> '@types/name'. */
function typesPackageOf(name) {
  return `@types/${name.startsWith('@') ? name.slice(1).replace('/', '__') : name}`;
}

function resolvesInTarball(fromFile, spec, packed) {
  const base = path.posix.join(path.posix.dirname(fromFile), spec);
  const candidates = fromFile.endsWith('.d.ts')
    ? [base, `${base}.d.ts`, `${base}/index.d.ts`, base.replace(/\.js$/, '.d.ts')]
    : [base, `${base}.js`, `${base}.json`, `${base}/index.js`];
  return candidates.some((c) => packed.has(c));
}

/**
 * Names of the packages that pending changesets (.changeset/*.md) bump. A package that was never
 * released (no CHANGELOG.md yet) must be among them, or `changeset version` would leave it out.
 */
function changesetCoverage(root) {
  const dir = path.join(root, '.changeset');
  const covered = new Set();
  for (const file of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    if (!file.endsWith('.md') || file === 'README.md') continue;
    const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(fs.readFileSync(path.join(dir, file), 'utf8'));
    for (const m of (front ? front[1] : '').matchAll(/^\s*["']?([^"':\s]+)["']?\s*:\s*(major|minor|patch)\s*$/gm)) covered.add(m[1]);
  }
  return covered;
}

module.exports = { checkPackage, changesetCoverage, SOURCE_CONDITION };
