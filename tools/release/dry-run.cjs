#!/usr/bin/env node
// `npm run release:dry`: the whole release on a throwaway copy of the work tree, so that nothing
// here changes. In the copy it applies the pending changesets (`changeset version`, then the
// lockfile update of `npm run version-packages`), builds every package from clean, and runs
// `npm publish --dry-run` for each package in dependency order (tensor first). It prints the
// versions that would be published and checks afterwards that the real tree is untouched.
//
//   PACKAGE_CHECK_KEEP=1 npm run release:dry    keeps the copy to look at
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const crypto = require('node:crypto');
const { execFileSync } = require('node:child_process');
const { changesetCoverage } = require('../package-check/static-checks.cjs');

const ROOT = path.resolve(__dirname, '../..');
const t0 = Date.now();
const secs = (ms) => `${(ms / 1000).toFixed(1)}s`;

/** npm passes its own settings to scripts as npm_config_* (dry_run and the prefix among them): start clean. */
const env = {
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) || /^npm_config_(cache|userconfig|globalconfig|registry)$/i.test(k))),
  CI: 'true', NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false',
};

function sh(cmd, args, cwd, label) {
  const start = Date.now();
  try {
    const out = execFileSync(cmd, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
    console.log(`release:dry: ${label} (${secs(Date.now() - start)})`);
    return out;
  } catch (e) {
    const out = `${e.stdout || ''}${e.stderr || ''}`.split('\n').filter((l) => !/Unknown (user|project) config/.test(l)).join('\n');
    throw new Error(`${label} failed:\n${out}`);
  }
}

/** The published packages of a tree, dependencies before dependents. */
function packagesOf(root) {
  const all = new Map();
  for (const d of fs.readdirSync(path.join(root, 'packages')).sort()) {
    const file = path.join(root, 'packages', d, 'package.json');
    if (!fs.existsSync(file)) continue;
    const pkg = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (!pkg.private) all.set(pkg.name, { pkg, dir: path.join(root, 'packages', d) });
  }
  const order = [];
  const visit = (name) => {
    if (order.includes(name)) return;
    for (const dep of Object.keys(all.get(name).pkg.dependencies || {})) if (all.has(dep)) visit(dep);
    order.push(name);
  };
  for (const name of all.keys()) visit(name);
  return order.map((name) => ({ name, ...all.get(name) }));
}

/** Hashes of every file a release writes, to prove the real tree was left alone. */
function fingerprint() {
  const files = ['package.json', 'package-lock.json'];
  for (const d of fs.readdirSync(path.join(ROOT, 'packages'))) files.push(`packages/${d}/package.json`, `packages/${d}/CHANGELOG.md`);
  for (const f of fs.readdirSync(path.join(ROOT, '.changeset'))) files.push(`.changeset/${f}`);
  const hash = (p) => (fs.existsSync(p) ? crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex') : '-');
  return new Map(files.map((f) => [f, hash(path.join(ROOT, f))]));
}

function changedSince(before) {
  const now = fingerprint();
  return [...new Set([...before.keys(), ...now.keys()])].filter((f) => before.get(f) !== now.get(f));
}

/** Copies the tracked and untracked-but-not-ignored files, and links node_modules back to the real install. */
function makeCopy(dest) {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' });
  for (const f of listed.split('\0').filter(Boolean)) {
    const src = path.join(ROOT, f);
    if (!fs.existsSync(src) || fs.lstatSync(src).isDirectory()) continue; // deleted in the tree, or a submodule
    fs.mkdirSync(path.dirname(path.join(dest, f)), { recursive: true });
    fs.copyFileSync(src, path.join(dest, f));
  }
  // Third-party packages are shared with the real install; the workspace links point into the copy.
  const nm = path.join(dest, 'node_modules');
  fs.mkdirSync(path.join(nm, '@strata'), { recursive: true });
  for (const ent of fs.readdirSync(path.join(ROOT, 'node_modules'))) {
    if (ent !== '@strata' && ent !== '.package-lock.json') fs.symlinkSync(path.join(ROOT, 'node_modules', ent), path.join(nm, ent));
  }
  for (const ws of ['packages', 'tools']) {
    for (const d of fs.readdirSync(path.join(dest, ws))) {
      const file = path.join(dest, ws, d, 'package.json');
      if (!fs.existsSync(file)) continue;
      const { name } = JSON.parse(fs.readFileSync(file, 'utf8'));
      if (name && name.startsWith('@strata/')) fs.symlinkSync(path.join(dest, ws, d), path.join(nm, name));
    }
  }
}

function main() {
  const before = packagesOf(ROOT);
  const covered = changesetCoverage(ROOT);
  const uncovered = before.filter((p) => !fs.existsSync(path.join(p.dir, 'CHANGELOG.md')) && !covered.has(p.name));
  if (uncovered.length) throw new Error(`never released and named by no pending changeset: ${uncovered.map((p) => p.name).join(', ')} (add .changeset/<name>.md)`);
  if (covered.size === 0) throw new Error('no pending changesets: there is nothing to release');

  const fp = fingerprint();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'strata-release-'));
  const copy = path.join(tmp, 'repo');
  try {
    makeCopy(copy);
    console.log(`release:dry: copied the work tree to ${copy} (${secs(Date.now() - t0)})`);
    const bin = (name) => path.join(copy, 'node_modules', '.bin', name);
    sh(bin('changeset'), ['version'], copy, 'changeset version');
    sh('npm', ['install', '--package-lock-only', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], copy, 'lockfile updated (npm install --package-lock-only)');
    sh(bin('nx'), ['run-many', '-t', 'build', '--skip-nx-cache', '--output-style=static'], copy, 'built every package from clean');

    const after = new Map(packagesOf(copy).map((p) => [p.name, p]));
    console.log('\npackage                 version          tarball   files  internal dependencies');
    for (const { name, pkg: old } of before) {
      const { pkg, dir } = after.get(name);
      const out = sh('npm', ['publish', '--dry-run', '--json', '--ignore-scripts'], dir, `npm publish --dry-run ${name}@${pkg.version}`);
      const info = JSON.parse(out.slice(out.indexOf('{')));
      const report = Array.isArray(info) ? info[0] : info[name] || info;
      if (report.version !== pkg.version) throw new Error(`${name}: npm would publish ${report.version}, expected ${pkg.version}`);
      const internal = Object.entries(pkg.dependencies || {}).filter(([d]) => after.has(d)).map(([d, r]) => `${d.replace('@strata/', '')} ${r}`);
      console.log(`  ${name.padEnd(22)} ${`${old.version} -> ${pkg.version}`.padEnd(16)} ${`${(report.size / 1000).toFixed(1)} kB`.padStart(9)} ${String(report.entryCount).padStart(6)}  ${internal.join(', ')}`);
    }
    const left = fs.readdirSync(path.join(copy, '.changeset')).filter((f) => f.endsWith('.md') && f !== 'README.md');
    if (left.length) throw new Error(`changeset version left ${left.join(', ')} unconsumed`);
  } finally {
    if (process.env.PACKAGE_CHECK_KEEP) console.log(`release:dry: kept ${copy}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
  const changed = changedSince(fp);
  if (changed.length) throw new Error(`${changed.join(', ')} changed in the real work tree while the dry run ran (by another process? the dry run writes only to its copy)`);
  console.log(`\nrelease:dry: every package would publish; the work tree is unchanged (${secs(Date.now() - t0)})`);
}

try {
  main();
} catch (e) {
  console.error(`release:dry: ${e.message}`);
  process.exit(1);
}
