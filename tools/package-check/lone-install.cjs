// One package installed the way a user would get it: a fresh folder, its tarball and the tarballs of
// the @strata packages it depends on (and nothing else of ours), third-party dependencies from the
// npm cache or registry. Then its smoke case runs through require and import, and its declarations
// are compiled from a .cts and a .mts file.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { execFile } = require('node:child_process');
const { CASES } = require('./smoke-cases.cjs');

/** Runs a command; resolves to { code, out, ms } and never rejects. */
function run(cmd, args, opts = {}) {
  const start = Date.now();
  return new Promise((resolve) => {
    execFile(cmd, args, { maxBuffer: 64 * 1024 * 1024, timeout: 120_000, ...opts }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      const out = `${stdout}${stderr}`.split('\n').filter((l) => l && !/Unknown (user|project) config/.test(l)).join('\n');
      resolve({ code, out, ms: Date.now() - start });
    });
  });
}

/**
 * npm exports its own settings to scripts as npm_config_* (the workspace's prefix among them): a
 * child npm would inherit them and install into the workspace. Keep only where the cache and the
 * user's configuration live.
 */
function cleanEnv() {
  const keep = new Set(['npm_config_cache', 'npm_config_userconfig', 'npm_config_globalconfig', 'npm_config_registry']);
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) || keep.has(k.toLowerCase())));
}

const CLOSE = `const close = (actual, expected, tol = 1e-5) => {
  const walk = (a, e, at) => {
    if (Array.isArray(e)) {
      assert.ok(Array.isArray(a) && a.length === e.length, \`\${at}: expected \${JSON.stringify(e)}, received \${JSON.stringify(a)}\`);
      e.forEach((x, i) => walk(a[i], x, \`\${at}[\${i}]\`));
    } else {
      assert.ok(typeof a === 'number' && Math.abs(a - e) <= tol * (1 + Math.abs(e)), \`\${at}: expected \${e}, received \${a}\`);
    }
  };
  walk(actual, expected, 'value');
};`;

function smokeSources(name, pkg) {
  const c = CASES[name];
  const entries = Object.keys(pkg.exports || { '.': null }).filter((k) => k !== './package.json').map((k) => name + k.slice(1));
  const imports = Object.entries(c.imports);
  const names = imports.flatMap(([, ns]) => ns);
  const cjs = [
    `'use strict';`,
    `const assert = require('node:assert/strict');`,
    ...imports.map(([spec, ns]) => `const { ${ns.join(', ')} } = require('${spec}');`),
    CLOSE,
    `for (const [k, v] of Object.entries({ ${names.join(', ')} })) assert.ok(v !== undefined, 'require: ' + k + ' is undefined');`,
    `(async () => {${c.body}\n})().then(() => console.log('ok'), (e) => { console.error(e && e.stack ? e.stack : e); process.exit(1); });`,
  ].join('\n');
  const esm = [
    `import assert from 'node:assert/strict';`,
    `import { createRequire } from 'node:module';`,
    ...imports.map(([spec, ns]) => `import { ${ns.join(', ')} } from '${spec}';`),
    `const require = createRequire(import.meta.url);`,
    CLOSE,
    c.body,
    // Node's CommonJS lexer decides which names ESM sees: every name require() gives must be importable.
    `for (const spec of ${JSON.stringify(entries)}) {`,
    `  const ns = await import(spec);`,
    `  const missing = Object.keys(require(spec)).filter((k) => !(k in ns));`,
    `  assert.deepEqual(missing, [], spec + ': exports that ESM import cannot see');`,
    `}`,
    `console.log('ok');`,
  ].join('\n');
  const typeImports = Object.entries(c.typeImports || {});
  const ts = [
    ...imports.map(([spec, ns]) => `import { ${ns.join(', ')} } from '${spec}';`),
    ...typeImports.map(([spec, ns]) => `import type { ${ns.join(', ')} } from '${spec}';`),
    c.types,
  ].join('\n');
  return { cjs, esm, ts };
}

const TSCONFIG = {
  compilerOptions: {
    module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2022'],
    // A strict consumer that also checks libraries' declarations: a .d.ts importing a module whose
    // types were not declared as a dependency fails here and nowhere else.
    strict: true, noEmit: true, types: [], skipLibCheck: false,
  },
  files: ['smoke-types.cts', 'smoke-types.mts'],
};

/** Sum of the sizes of the files under `dir` (symlinks not followed), and per top-level package. */
function unpackedSize(nodeModules) {
  const perPackage = {};
  let total = 0;
  const walk = (dir, owner) => {
    for (const ent of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, ent.name);
      if (ent.isDirectory()) walk(p, owner || null);
      else if (ent.isFile()) {
        const size = fs.statSync(p).size;
        total += size;
        if (owner) perPackage[owner] = (perPackage[owner] || 0) + size;
      }
    }
  };
  for (const ent of fs.readdirSync(nodeModules, { withFileTypes: true })) {
    if (!ent.isDirectory() || ent.name === '.bin') continue; // .package-lock.json is npm's bookkeeping
    const scoped = ent.name.startsWith('@') ? fs.readdirSync(path.join(nodeModules, ent.name)).map((n) => `${ent.name}/${n}`) : [ent.name];
    for (const name of scoped) walk(path.join(nodeModules, name), name);
  }
  return { total, perPackage };
}

/**
 * Installs `name` alone into `dir` from `tarballs` (its own and its @strata closure's) and runs its
 * checks. Resolves to a result record; `problems` is empty when everything passed.
 */
async function loneInstall({ name, pkg, dir, tarballs, expected, tscPath }) {
  const result = { name, problems: [], times: {} };
  // Outputs name the temp folder: drop it, so that one problem shared by many packages reads the same.
  const tidy = (text) => text.split(dir + path.sep).join('').split(dir).join('.');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'strata-smoke', version: '0.0.0', private: true }));
  const install = await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--no-package-lock', '--ignore-scripts', '--loglevel=error', ...tarballs], { cwd: dir, env: cleanEnv() });
  result.times.install = install.ms;
  if (install.code !== 0) {
    result.problems.push(`npm install failed:\n${tidy(install.out)}`);
    return result;
  }
  const nm = path.join(dir, 'node_modules');
  const ours = fs.existsSync(path.join(nm, '@strata')) ? fs.readdirSync(path.join(nm, '@strata')).map((n) => `@strata/${n}`) : [];
  const extra = ours.filter((n) => !expected.includes(n));
  const missing = expected.filter((n) => !ours.includes(n));
  if (extra.length) result.problems.push(`the install pulled in ${extra.join(', ')}, which ${name} does not depend on`);
  if (missing.length) result.problems.push(`the install lacks ${missing.join(', ')}`);
  result.installed = ours;
  result.size = unpackedSize(nm);

  if (!CASES[name]) {
    result.problems.push(`no smoke case: add one for ${name} to tools/package-check/smoke-cases.cjs`);
    return result;
  }
  const src = smokeSources(name, pkg);
  fs.writeFileSync(path.join(dir, 'smoke.cjs'), src.cjs);
  fs.writeFileSync(path.join(dir, 'smoke.mjs'), src.esm);
  fs.writeFileSync(path.join(dir, 'smoke-types.cts'), src.ts);
  fs.writeFileSync(path.join(dir, 'smoke-types.mts'), src.ts);
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2));
  for (const [label, file] of [['require', 'smoke.cjs'], ['import', 'smoke.mjs']]) {
    const r = await run(process.execPath, [file], { cwd: dir, timeout: 60_000 });
    result.times[label] = r.ms;
    result[label] = r.code === 0;
    if (r.code !== 0) result.problems.push(`the ${label} smoke test failed:\n${tidy(r.out).split('\n').slice(0, 12).join('\n')}`);
  }
  const tsc = await run(process.execPath, [tscPath, '-p', 'tsconfig.json'], { cwd: dir });
  result.times.types = tsc.ms;
  result.types = tsc.code === 0;
  if (tsc.code !== 0) result.problems.push(`its types do not compile for a strict consumer (.cts and .mts, nodenext):\n${tidy(tsc.out).split('\n').slice(0, 12).join('\n')}`);
  return result;
}

module.exports = { loneInstall, run, cleanEnv };
