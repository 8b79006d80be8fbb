#!/usr/bin/env bash
# `npm test`: every check CI runs — sync, build, typecheck, lint, layering, then every package's
# tests, ending with the "N passed, N failed" line CI reads.
set -uo pipefail
export NX_NO_CLOUD=true NX_TUI=false NX_DAEMON="${NX_DAEMON:-false}"
cache=()
[ "${CI:-}" = "true" ] && cache=(--skip-nx-cache)
npx nx sync:check || exit 1
npx nx run-many -t build typecheck lint "${cache[@]}" --output-style=static || exit 1
node scripts/check-layering.cjs || exit 1
node scripts/smoke-dist.cjs || exit 1
bash scripts/prove-boundaries.sh || exit 1
npm run --silent docs:check || exit 1   # the docs' examples compile against the real API
for d in packages/*/; do mkdir -p "${d}test-output"; rm -f "${d}test-output/jest-results.json"; done
rm -f test-output/generator.tap
rc=0
npx nx run-many -t test "${cache[@]}" --output-style=static -- --json --outputFile=test-output/jest-results.json || rc=$?
# The layer-plugin generator (tools/nx-plugin): scaffolds a package on a virtual tree, type-checks what it wrote.
mkdir -p test-output
node --test --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination=test-output/generator.tap \
  tools/nx-plugin/src/generators/layer-plugin/generator.test.cjs || rc=1
node tools/package-check/check.cjs || rc=1
node scripts/test-summary.cjs || rc=1
exit "$rc"
