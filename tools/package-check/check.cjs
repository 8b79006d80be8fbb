#!/usr/bin/env node
// The packaging check (run by scripts/check.sh after the build): packs every published package,
// lints each tarball (static rules, publint, Are the Types Wrong), then installs each package ALONE
// in a fresh folder with only the @strata tarballs it depends on, and runs its smoke case through
// require and import and its types through a strict .cts/.mts compile. Row-1 packages must stay
// under a size budget and must not pull in layers or models.
//
//   node tools/package-check/check.cjs [@strata/name ...]      (default: every package)
//   PACKAGE_CHECK_JOBS=n   lone installs run at once (default 2)
//   PACKAGE_CHECK_KEEP=1   keep the temp folder to look at
//
// Exit code 1 when any package fails; the packages must be built first.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { checkPackage, changesetCoverage } = require('./static-checks.cjs');
const { loadLinters, runPublint, runAttw } = require('./lint-tarballs.cjs');
const { loneInstall, run, cleanEnv } = require('./lone-install.cjs');
const { ROW_1, ROW_1_BUDGET } = require('./smoke-cases.cjs');

const ROOT = path.resolve(__dirname, '../..');
const JOBS = Math.max(1, Number(process.env.PACKAGE_CHECK_JOBS) || 2);
const t0 = Date.now();
const secs = (ms) => `${(ms / 1000).toFixed(1)}s`;
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

/** Published packages (private ones skipped), dependencies before dependents. */
function loadPackages() {
  const all = new Map();
  for (const d of fs.readdirSync(path.join(ROOT, 'packages')).sort()) {
    const file = path.join(ROOT, 'packages', d, 'package.json');
    if (!fs.existsSync(file)) continue;
    const pkg = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (!pkg.private) all.set(pkg.name, { pkg, dir: path.join(ROOT, 'packages', d), rel: `packages/${d}` });
  }
  const internal = (p) => Object.keys({ ...p.dependencies, ...p.peerDependencies }).filter((n) => all.has(n));
  const order = [];
  const visit = (name, stack = []) => {
    if (order.includes(name)) return;
    if (stack.includes(name)) throw new Error(`dependency cycle: ${[...stack, name].join(' -> ')}`);
    for (const dep of internal(all.get(name).pkg)) visit(dep, [...stack, name]);
    order.push(name);
  };
  for (const name of all.keys()) visit(name);
  const closure = (name) => {
    const seen = new Set([name]);
    for (const n of seen) for (const dep of internal(all.get(n).pkg)) seen.add(dep);
    return order.filter((n) => seen.has(n));
  };
  return { all, order, closure };
}

async function pool(items, jobs, fn) {
  const results = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, items.length) }, worker));
  return results;
}

async function main() {
  const { all, order, closure } = loadPackages();
  const wanted = process.argv.slice(2);
  for (const w of wanted) if (!all.has(w)) throw new Error(`unknown package ${w}; known: ${order.join(', ')}`);
  const selected = wanted.length ? order.filter((n) => wanted.includes(n)) : order;
  const needed = order.filter((n) => selected.some((s) => closure(s).includes(n)));
  const failures = new Map(selected.map((n) => [n, []]));
  const fail = (name, msg) => failures.get(name).push(msg);

  const unbuilt = needed.filter((n) => !fs.existsSync(path.join(all.get(n).dir, all.get(n).pkg.main || 'dist/index.js')));
  if (unbuilt.length) {
    console.error(`package-check: not built: ${unbuilt.join(', ')} (run \`npx nx run-many -t build\` first)`);
    process.exit(1);
  }

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'strata-package-check-'));
  try {
    // 1. Pack every needed package in one npm call.
    const packStart = Date.now();
    const packArgs = ['pack', '--json', '--pack-destination', path.join(tmp, 'tgz'), ...needed.flatMap((n) => ['-w', all.get(n).rel])];
    fs.mkdirSync(path.join(tmp, 'tgz'));
    const pack = await run('npm', packArgs, { cwd: ROOT, env: cleanEnv() });
    const jsonStart = pack.out.indexOf('[');
    if (pack.code !== 0 || jsonStart < 0) throw new Error(`npm pack failed:\n${pack.out}`);
    const packed = new Map(JSON.parse(pack.out.slice(jsonStart)).map((p) => [p.name, p]));
    const tarball = (n) => path.join(tmp, 'tgz', packed.get(n).filename);
    console.log(`package-check: packed ${needed.length} packages in ${secs(Date.now() - packStart)}`);

    // 2. Static checks, with changeset coverage for packages never released.
    const covered = changesetCoverage(ROOT);
    for (const name of selected) {
      const { pkg, dir } = all.get(name);
      for (const p of checkPackage(pkg, dir, packed.get(name).files.map((f) => f.path))) fail(name, p);
      if (!fs.existsSync(path.join(dir, 'CHANGELOG.md')) && !covered.has(name)) {
        fail(name, 'never released (no CHANGELOG.md) and no pending changeset names it: add .changeset/<name>.md');
      }
    }

    // 3. Lone installs in the background while publint and attw run here.
    const installStart = Date.now();
    const tscPath = require.resolve('typescript/lib/tsc.js', { paths: [ROOT] });
    const installs = pool(selected, JOBS, (name) => loneInstall({
      name, pkg: all.get(name).pkg, dir: path.join(tmp, 'install', name.replace('@strata/', '')),
      tarballs: closure(name).map(tarball), expected: closure(name), tscPath,
    }));

    const lintStart = Date.now();
    const linters = await loadLinters();
    const lintNotes = [];
    const suggested = new Map();
    for (const name of selected) {
      if (linters.publint) {
        const { problems, suggestions } = await runPublint(linters, tarball(name));
        for (const p of problems) fail(name, `publint: ${p}`);
        for (const s of suggestions) suggested.set(s, [...(suggested.get(s) || []), name]);
      }
      if (linters.attw) {
        const { problems, entries } = await runAttw(linters, tarball(name));
        for (const p of problems) fail(name, `attw: ${p}`);
        lintNotes.push(`${name}: attw ${entries.join('; ')}`);
      }
    }
    const lintMs = Date.now() - lintStart;
    for (const [code, names] of suggested) {
      lintNotes.push(`publint suggests ${code} for ${names.length === selected.length ? 'every package' : names.join(', ')} (advice, not a failure)`);
    }
    if (!linters.publint) console.log('package-check: publint is not installed: SKIPPED (the static checks still ran)');
    if (!linters.attw) console.log('package-check: @arethetypeswrong/core is not installed: SKIPPED (the .cts/.mts compile still ran)');

    const results = await installs;
    const installMs = Date.now() - installStart;

    // 4. Report.
    console.log('\npackage                 tarball   lone install           budget      require  import  types   time (install+require+import+types)');
    for (const r of results) {
      const row1 = ROW_1.includes(r.name);
      for (const p of r.problems) fail(r.name, p);
      if (row1 && r.installed) {
        const heavy = r.installed.filter((n) => !['@strata/tensor', r.name].includes(n));
        if (heavy.length) fail(r.name, `row-1 package, but its install pulls in ${heavy.join(', ')} (only @strata/tensor is allowed)`);
      }
      if (row1 && r.size && r.size.total > ROW_1_BUDGET) {
        fail(r.name, `install is ${kb(r.size.total)} unpacked, over the row-1 budget of ${kb(ROW_1_BUDGET)}`);
      }
      const flag = (v) => (v === undefined ? '-' : v ? 'ok' : 'FAIL');
      const time = Object.values(r.times).reduce((a, b) => a + b, 0);
      console.log([
        r.name.padEnd(23), kb(packed.get(r.name).size).padStart(9), (r.size ? kb(r.size.total) : '-').padStart(12),
        (r.installed ? `(${r.installed.length} ours)` : '').padEnd(10),
        (row1 ? `< ${kb(ROW_1_BUDGET)}` : '').padEnd(11), flag(r.require).padEnd(8), flag(r.import).padEnd(7),
        flag(r.types).padEnd(7), `${secs(time)} (${Object.values(r.times).map(secs).join('+')})`,
      ].join(' '));
    }
    for (const r of results.filter((x) => ROW_1.includes(x.name) && x.size)) {
      const top = Object.entries(r.size.perPackage).sort((a, b) => b[1] - a[1]).slice(0, 4);
      console.log(`  ${r.name}: ${top.map(([n, s]) => `${n} ${kb(s)}`).join(', ')}`);
    }
    if (lintNotes.length) console.log(`\n${lintNotes.join('\n')}`);

    // One problem shared by several packages (a dependency's fault, usually) is printed once.
    const failed = [...failures].filter(([, ps]) => ps.length);
    const byProblem = new Map();
    for (const [name, ps] of failed) for (const p of ps) byProblem.set(p, [...(byProblem.get(p) || []), name]);
    for (const [p, names] of byProblem) console.error(`\nFAILED ${names.join(', ')}:\n  ${p.replace(/\n/g, '\n    ')}`);
    console.log(`\npackage-check: ${selected.length - failed.length} of ${selected.length} packages pass; ` +
      `installs ${secs(installMs)} (${JOBS} at once), publint+attw ${secs(lintMs)}, total ${secs(Date.now() - t0)}`);
    process.exitCode = failed.length ? 1 : 0;
  } finally {
    if (process.env.PACKAGE_CHECK_KEEP) console.log(`package-check: kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`package-check: ${e && e.stack ? e.stack : e}`);
  process.exit(1);
});
