#!/usr/bin/env bash
# The pinned n8n and this package installed into it, for scripts/dev.sh and, through
# test/support/process.ts, the tests and bench/realN8n.ts: one place that knows the n8n version,
# where it is cached, how it is installed, how the packed tarball becomes a community package and
# which environment n8n runs with.
#   source scripts/n8n.sh                        defines the variables and functions below
#   scripts/n8n.sh version                       prints the pinned n8n version
#   scripts/n8n.sh install                       installs n8n into the cache (once), prints its binary
#   scripts/n8n.sh install-package USER_FOLDER...  packs dist/ once and installs it into each
#                                                USER_FOLDER/.n8n/nodes
#   scripts/n8n.sh environment USER_FOLDER       prints the environment below (n8n_environment) as
#                                                NAME=value lines, for an n8n started from elsewhere
#   scripts/n8n.sh n8n USER_FOLDER ARGS...       runs the pinned n8n with that user folder and the
#                                                environment below
# Environment: N8N_NODES_HELLOTEXT_CACHE (~/.cache/n8n-nodes-hellotext). n8n 2.x needs Node 24: run
# through scripts/with-node24.sh.

n8n_repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n8n_cache="${N8N_NODES_HELLOTEXT_CACHE:-$HOME/.cache/n8n-nodes-hellotext}"
# The newest tested n8n line (scripts/cache.sh lines), e.g. 2.41.1.
N8N_VERSION=$("$n8n_repo/scripts/cache.sh" line 2 | cut -d' ' -f1)
n8n_dir="$n8n_cache/n8n-$N8N_VERSION"
n8n_bin="$n8n_dir/node_modules/.bin/n8n"

# Installs the pinned n8n into the cache once (scripts/cache.sh: the one place that installs n8n).
install_n8n() {
	"$n8n_repo/scripts/cache.sh" n8n "$N8N_VERSION" >/dev/null
}

# Packs the build output that is there and installs the tarball where n8n installs community
# packages (<user folder>/.n8n/nodes/node_modules), in each user folder given (queue mode: main and
# every worker): n8n loads it with the loader it uses for a package installed from Settings >
# Community nodes, under its real name (n8n-nodes-hellotext.*).
install_packed_package() {
	[ -d "$n8n_repo/dist" ] || { echo "dist/ is missing: run npm run build." >&2; return 1; }
	local work tarball user_folder nodes_dir package_dir
	work=$(mktemp -d)
	tarball=$(cd "$n8n_repo" && npm pack --silent --ignore-scripts --pack-destination "$work" | tail -n 1)
	for user_folder in "$@"; do
		nodes_dir="$user_folder/.n8n/nodes"
		package_dir="$nodes_dir/node_modules/n8n-nodes-hellotext"
		rm -rf "$package_dir"
		mkdir -p "$package_dir"
		tar -xzf "$work/$tarball" -C "$package_dir" --strip-components=1
		# The peer dependency, as n8n provides it: n8n's own n8n-workflow.
		ln -sfn "$n8n_dir/node_modules/n8n-workflow" "$nodes_dir/node_modules/n8n-workflow"
		[ -f "$nodes_dir/package.json" ] || echo '{ "name": "installed-nodes", "private": true }' >"$nodes_dir/package.json"
	done
	rm -rf "$work"
}

# The environment every n8n command here runs with: the given user folder, loopback, no telemetry,
# no prompts, and no custom extensions leaking in from the caller's shell.
n8n_settings=(
	N8N_SECURE_COOKIE=false
	N8N_DIAGNOSTICS_ENABLED=false
	N8N_VERSION_NOTIFICATIONS_ENABLED=false
	N8N_PERSONALIZATION_ENABLED=false
	N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS=true
)
n8n_environment() {
	export N8N_USER_FOLDER="$1"
	export N8N_LISTEN_ADDRESS="${N8N_LISTEN_ADDRESS:-127.0.0.1}"
	export "${n8n_settings[@]}"
	unset N8N_CUSTOM_EXTENSIONS
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
	set -euo pipefail
	case "${1:-}" in
	version)
		echo "$N8N_VERSION"
		;;
	install)
		install_n8n
		echo "$n8n_bin"
		;;
	install-package)
		shift
		[ $# -ge 1 ] || { echo "usage: scripts/n8n.sh install-package USER_FOLDER..." >&2; exit 2; }
		install_packed_package "$@"
		;;
	environment)
		n8n_environment "${2:?usage: scripts/n8n.sh environment USER_FOLDER}"
		printf '%s\n' "N8N_USER_FOLDER=$N8N_USER_FOLDER" "N8N_LISTEN_ADDRESS=$N8N_LISTEN_ADDRESS" "${n8n_settings[@]}"
		;;
	n8n)
		n8n_environment "${2:?usage: scripts/n8n.sh n8n USER_FOLDER ARGS...}"
		shift 2
		exec "$n8n_bin" "$@"
		;;
	*)
		sed -n '2,16p' "$0" >&2
		exit 2
		;;
	esac
fi
