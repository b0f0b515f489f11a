#!/usr/bin/env bash
# Runs tests on another tested n8n line (scripts/cache.sh lines) than the devDependencies' n8n 2.x: that
# n8n's own n8n-core and n8n-workflow (test/support/n8n-install.ts), installed once into the cache
# folder, under the Node.js it runs on. Default: the packed-package test (test/package), the example
# workflows included. Needs the build (npm run build, on Node 24) and the devDependencies.
#   scripts/test-on-n8n.sh 1.123                   npm run test:n8n-1.123
#   scripts/test-on-n8n.sh 1.123 test/nodes        other test folders or vitest arguments
set -euo pipefail
cd "$(dirname "$0")/.."
entry=$(scripts/cache.sh line "${1:?usage: scripts/test-on-n8n.sh <n8n version> [vitest arguments]}")
shift
read -r version node_major _ <<<"$entry"
HELLOTEXT_N8N_DIR=$(scripts/cache.sh n8n "$version")
node_bin=$(scripts/cache.sh node "$node_major")
export HELLOTEXT_N8N_DIR PATH="$node_bin:$PATH"
echo "n8n $version: n8n-core $(node -p 'require(process.argv[1]).version' "$HELLOTEXT_N8N_DIR/node_modules/n8n-core/package.json"), n8n-workflow $(node -p 'require(process.argv[1]).version' "$HELLOTEXT_N8N_DIR/node_modules/n8n-workflow/package.json"), Node $(node -v)"
# vitest directly under that Node (npm's scripts would bring Node 24: scripts/with-node24.sh).
[ $# -gt 0 ] || set -- test/package
exec node node_modules/vitest/vitest.mjs run "$@"
