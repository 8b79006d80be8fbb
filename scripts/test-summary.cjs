// Adds up every package's Jest JSON results and prints the "N passed, N failed" line CI reads.
const fs = require('fs');
const path = require('path');

let passed = 0;
let failed = 0;
let files = 0;
for (const dir of fs.readdirSync('packages')) {
  const f = path.join('packages', dir, 'test-output', 'jest-results.json');
  if (!fs.existsSync(f)) continue;
  const r = JSON.parse(fs.readFileSync(f, 'utf8'));
  files++;
  passed += r.numPassedTests;
  failed += r.numFailedTests + (r.numRuntimeErrorTestSuites || 0);
}
// The plugin generator's tests run under node's test runner (TAP): count them too.
const tap = path.join('test-output', 'generator.tap');
if (fs.existsSync(tap)) {
  const text = fs.readFileSync(tap, 'utf8');
  const count = (key) => Number((text.match(new RegExp(`^# ${key} (\\d+)$`, 'm')) || [])[1] || 0);
  passed += count('pass');
  failed += count('fail');
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(files === 0 || passed === 0 || failed > 0 ? 1 : 0);
