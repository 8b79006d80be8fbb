// Checks DESIGN.md's layering from each package's declared dependencies and Nx tags:
// a package may depend only on packages in rows above it, and carries the tag scope:<name>.
const fs = require('fs');
const path = require('path');

const ROW = { tensor: 0, initializers: 1, regularizers: 1, constraints: 1, activations: 1,
  layers: 2, optimizers: 2, losses: 2, models: 3, saving: 4 };
const problems = [];
for (const dir of fs.readdirSync('packages')) {
  const file = path.join('packages', dir, 'package.json');
  if (!fs.existsSync(file)) continue;
  const pkg = JSON.parse(fs.readFileSync(file, 'utf8'));
  const me = pkg.name.replace('@strata/', '');
  if (!(me in ROW)) continue;
  if (!(pkg.nx?.tags ?? []).includes(`scope:${me}`)) problems.push(`${pkg.name} lacks the Nx tag scope:${me}`);
  for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies, ...pkg.devDependencies })) {
    const other = dep.replace('@strata/', '');
    if (dep.startsWith('@strata/') && other in ROW && ROW[other] >= ROW[me]) {
      problems.push(`${pkg.name} (row ${ROW[me]}) depends on ${dep} (row ${ROW[other]}): only rows above may be imported`);
    }
  }
}
if (problems.length) {
  console.error('Layering broken (see DESIGN.md):\n  ' + problems.join('\n  '));
  process.exit(1);
}
console.log('layering: ok');
