#!/usr/bin/env bash
# Proves the layering rule bites: a row-1 package importing its sibling, and tensor importing a
# row-1 package, must both be lint errors. Writes two probe files, lints them, removes them.
set -uo pipefail
probe1=packages/initializers/src/boundary-probe.ts
probe2=packages/tensor/src/boundary-probe.ts
trap 'rm -f "$probe1" "$probe2"' EXIT
echo "import { relu } from '@strata/activations'; export const probe = relu;" > "$probe1"
echo "import { HeUniform } from '@strata/initializers'; export const probe = HeUniform;" > "$probe2"
fail=0
out1=$(npx eslint --no-warn-ignored "$probe1" 2>&1)
echo "$out1" | grep -q 'scope:initializers" can only depend on libs tagged with' || { echo "boundary probe 1 was not rejected:"; echo "$out1"; fail=1; }
out2=$(npx eslint --no-warn-ignored "$probe2" 2>&1)
echo "$out2" | grep -qE 'Circular dependency|scope:tensor" can only depend on libs tagged with' || { echo "boundary probe 2 was not rejected:"; echo "$out2"; fail=1; }
[ $fail = 0 ] && echo "module boundaries: forbidden imports are rejected (initializers->activations, tensor->initializers)"
exit $fail
