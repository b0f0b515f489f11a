#!/usr/bin/env bash
# Installs this package into n8n user folders the way n8n installs a community package: the
# packed tarball (npm pack of the dist/ that is there) unpacked into
# <user folder>/.n8n/nodes/node_modules/n8n-nodes-hellotext, and the peer dependency n8n-workflow
# as n8n provides it: a link to the n8n installation's own copy. n8n then loads it with the loader
# it uses for packages installed from Settings > Community nodes, under its real name.
#   scripts/install-package.sh N8N_DIR USER_FOLDER...
# N8N_DIR is the folder n8n is installed in (what `scripts/dev.sh --install` prints).
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { echo "usage: $0 N8N_DIR USER_FOLDER..." >&2; exit 2; }
n8n_dir=$1
shift
[ -d dist ] || { echo "dist/ is missing: run npm run build." >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tarball=$(npm pack --silent --ignore-scripts --pack-destination "$work" | tail -n 1)
for user_folder in "$@"; do
	nodes_dir="$user_folder/.n8n/nodes"
	package_dir="$nodes_dir/node_modules/n8n-nodes-hellotext"
	rm -rf "$package_dir"
	mkdir -p "$package_dir"
	tar -xzf "$work/$tarball" -C "$package_dir" --strip-components=1
	ln -sfn "$n8n_dir/node_modules/n8n-workflow" "$nodes_dir/node_modules/n8n-workflow"
	[ -f "$nodes_dir/package.json" ] || echo '{ "name": "installed-nodes", "private": true }' >"$nodes_dir/package.json"
done
