// Loads every package's built CommonJS entry in a fresh process, as a user's `require` would:
// catches load-order problems (import cycles) that Jest's transform does not reproduce.
const fs = require('fs');
const path = require('path');

let failed = 0;
for (const dir of fs.readdirSync('packages')) {
  const pkgFile = path.join('packages', dir, 'package.json');
  if (!fs.existsSync(pkgFile)) continue;
  const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
  try {
    const m = require(path.resolve('packages', dir, pkg.main));
    if (Object.keys(m).length === 0) throw new Error('no exports');
  } catch (e) {
    failed++;
    console.error(`${pkg.name}: its built entry does not load: ${e.message}`);
  }
}
if (failed) process.exit(1);
console.log('built entries: all load');
