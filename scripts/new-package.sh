#!/usr/bin/env bash
# Scaffolds packages/<name> as @strata/<name> with the workspace's standard files.
# Usage: scripts/new-package.sh <name> "<description>" [internal deps...]
set -euo pipefail
name=$1; desc=$2; shift 2
dir=packages/$name
mkdir -p "$dir/src/lib"
for f in tsconfig.json tsconfig.lib.json tsconfig.spec.json eslint.config.mjs; do cp "packages/tensor/$f" "$dir/$f"; done
sed "s/'tensor'/'$name'/" packages/tensor/jest.config.cjs > "$dir/jest.config.cjs"
node -e '
const [name, desc, ...deps] = process.argv.slice(1);
const dependencies = {};
for (const d of deps) dependencies[`@strata/${d}`] = "^" + require(`./packages/${d}/package.json`).version;
dependencies.tslib = "^2.8.1";
const pkg = {
  name: `@strata/${name}`, version: "0.1.0", description: desc, license: "MIT", type: "commonjs",
  main: "./dist/index.js", types: "./dist/index.d.ts",
  exports: { "./package.json": "./package.json",
    ".": { "@strata/source": "./src/index.ts", types: "./dist/index.d.ts", default: "./dist/index.js" } },
  files: ["dist", "!**/*.tsbuildinfo"], sideEffects: false, publishConfig: { access: "public" },
  nx: { tags: [`scope:${name}`] }, dependencies,
};
require("fs").writeFileSync(`packages/${name}/package.json`, JSON.stringify(pkg, null, 2) + "\n");
' "$name" "$desc" "$@"
[ -f "$dir/src/index.ts" ] || echo "export {};" > "$dir/src/index.ts"
