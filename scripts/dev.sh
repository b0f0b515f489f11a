#!/usr/bin/env bash
# npm run dev: builds the package, starts the sandbox seeded with demo data, and starts a real n8n
# (pinned version, installed once into a cache folder outside the repository) with this package
# loaded, a Hellotext credential pointing at the sandbox and the example workflows imported.
#   npm run dev                 everything; Ctrl+C stops n8n and the sandbox
#   scripts/dev.sh --install    only install n8n into the cache
#   npm run dev -- --no-build   use the dist/ that is there
# Environment: N8N_PORT (5678), SANDBOX_PORT (4010), N8N_NODES_HELLOTEXT_CACHE (~/.cache/n8n-nodes-hellotext),
# N8N_RUNNERS_BROKER_PORT (n8n's task broker, 5679: set it to run next to another n8n),
# HELLOTEXT_DEV_USER_FOLDER (n8n's data: credentials, workflows; default <cache>/n8n-user; the editor
# test points it at a scratch folder so it never touches yours).
# Run it through scripts/with-node24.sh (npm run dev does): n8n 2.x needs Node 24.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

N8N_VERSION=2.41.1
cache="${N8N_NODES_HELLOTEXT_CACHE:-$HOME/.cache/n8n-nodes-hellotext}"
n8n_dir="$cache/n8n-$N8N_VERSION"
n8n_bin="$n8n_dir/node_modules/.bin/n8n"

install_n8n() {
	[ -f "$n8n_dir/.installed" ] && return 0
	mkdir -p "$n8n_dir"
	local log="$cache/n8n-install.log"
	echo "Installing n8n@$N8N_VERSION into $n8n_dir (once; about 3 minutes and 3 GB; log: $log)..." >&2
	# npm prints hundreds of deprecation warnings for n8n's dependencies: keep them in the log and
	# show it only when the install fails. (`set -e` does not apply inside an `if`: hence the &&.)
	if ! (
		cd "$n8n_dir" &&
			{ [ -f package.json ] || echo '{ "name": "n8n-dev-install", "private": true }' >package.json; } &&
			# Plain `npm install n8n` fails on an optional Kafka native build; n8n needs no install
			# scripts except sqlite3's native binding (isolated-vm ships prebuilds).
			npm install --ignore-scripts --no-audit --no-fund --save-exact "n8n@$N8N_VERSION" &&
			npm rebuild sqlite3
	) >"$log" 2>&1; then
		cat "$log" >&2
		echo "Installing n8n@$N8N_VERSION failed (output above, also in $log)." >&2
		exit 1
	fi
	touch "$n8n_dir/.installed"
	echo "n8n@$N8N_VERSION installed." >&2
}

install_n8n
[ "${1:-}" = "--install" ] && exit 0

n8n_port="${N8N_PORT:-5678}"
sandbox_port="${SANDBOX_PORT:-4010}"
sandbox_token="sandbox-token"
# The id and name the example workflows (examples/*.json) reference.
credential_id="hellotextSandbox"
credential_name="Hellotext sandbox"
owner_email="dev@example.com"
owner_password="Hellotext-dev-1"

export N8N_USER_FOLDER="${HELLOTEXT_DEV_USER_FOLDER:-$cache/n8n-user}"
export N8N_PORT="$n8n_port"
export N8N_LISTEN_ADDRESS="${N8N_LISTEN_ADDRESS:-127.0.0.1}"
export N8N_SECURE_COOKIE=false
export N8N_DIAGNOSTICS_ENABLED=false
export N8N_VERSION_NOTIFICATIONS_ENABLED=false
export N8N_PERSONALIZATION_ENABLED=false
export N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS=true
unset N8N_CUSTOM_EXTENSIONS

pids=()
cleanup() {
	for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
	wait 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# 1. Build, pack, and install the tarball where n8n installs community packages
#    (<user folder>/.n8n/nodes/node_modules): n8n loads it with the loader it uses for a package
#    installed from Settings > Community nodes, under its real name (n8n-nodes-hellotext.*).
if [ "${1:-}" != "--no-build" ]; then
	echo "Building the package..." >&2
	npm run build >&2
fi
[ -d dist ] || { echo "dist/ is missing: run npm run build." >&2; exit 1; }
nodes_dir="$N8N_USER_FOLDER/.n8n/nodes"
package_dir="$nodes_dir/node_modules/n8n-nodes-hellotext"
work=$(mktemp -d)
tarball=$(npm pack --silent --ignore-scripts --pack-destination "$work" | tail -n 1)
rm -rf "$package_dir"
mkdir -p "$package_dir"
tar -xzf "$work/$tarball" -C "$package_dir" --strip-components=1
rm -rf "$work"
# The peer dependency, as n8n provides it: n8n's own n8n-workflow.
ln -sfn "$n8n_dir/node_modules/n8n-workflow" "$nodes_dir/node_modules/n8n-workflow"
[ -f "$nodes_dir/package.json" ] || echo '{ "name": "installed-nodes", "private": true }' >"$nodes_dir/package.json"

# 2. The sandbox, seeded with demo data.
mkdir -p "$N8N_USER_FOLDER"
sandbox_log="$N8N_USER_FOLDER/sandbox.log"
node test/sandbox/cli.ts --port "$sandbox_port" --token "$sandbox_token" >"$sandbox_log" 2>&1 &
sandbox_pid=$!
pids+=("$sandbox_pid")
sandbox_url=""
for _ in $(seq 1 100); do
	sandbox_url=$(sed -n 's/^Hellotext sandbox listening on \(http[^ ]*\).*/\1/p' "$sandbox_log" | head -n 1)
	[ -n "$sandbox_url" ] && break
	kill -0 "$sandbox_pid" 2>/dev/null || break
	sleep 0.1
done
if [ -z "$sandbox_url" ]; then
	cat "$sandbox_log" >&2
	echo "The sandbox did not start (is port $sandbox_port free? SANDBOX_PORT=... picks another)." >&2
	exit 1
fi
echo "Sandbox: $sandbox_url (token $sandbox_token)" >&2

# 3. The credential and the example workflows (imported on every run: same ids, updated in place).
import_dir="$N8N_USER_FOLDER/import"
mkdir -p "$import_dir"
cat >"$import_dir/credentials.json" <<JSON
[
  {
    "id": "$credential_id",
    "name": "$credential_name",
    "type": "hellotextApi",
    "data": { "token": "$sandbox_token", "baseUrl": "$sandbox_url" }
  }
]
JSON
"$n8n_bin" import:credentials --input="$import_dir/credentials.json" >&2
"$n8n_bin" import:workflow --separate --input="$repo/examples" >&2

# 4. n8n, with an owner account set from the environment (no sign-up form).
hash_file="$cache/owner-password.bcrypt"
if [ ! -s "$hash_file" ]; then
	# Written aside and moved in place: another `npm run dev` may be reading it.
	node -e 'process.stdout.write(require(process.argv[1]).hashSync(process.argv[2], 10))' \
		"$n8n_dir/node_modules/bcryptjs" "$owner_password" >"$hash_file.$$"
	mv "$hash_file.$$" "$hash_file"
fi
export N8N_INSTANCE_OWNER_MANAGED_BY_ENV=true
export N8N_INSTANCE_OWNER_EMAIL="$owner_email"
export N8N_INSTANCE_OWNER_FIRST_NAME=Dev
export N8N_INSTANCE_OWNER_LAST_NAME=User
N8N_INSTANCE_OWNER_PASSWORD_HASH=$(cat "$hash_file")
export N8N_INSTANCE_OWNER_PASSWORD_HASH

"$n8n_bin" start &
n8n_pid=$!
pids+=("$n8n_pid")
url="http://localhost:$n8n_port"
ready=""
for _ in $(seq 1 180); do
	if curl -fs "$url/healthz/readiness" >/dev/null 2>&1; then ready=1; break; fi
	kill -0 "$n8n_pid" 2>/dev/null || break
	sleep 1
done
[ -n "$ready" ] || { echo "n8n did not come up on $url." >&2; exit 1; }
cat >&2 <<MSG

  n8n $N8N_VERSION with n8n-nodes-hellotext: $url
  Log in as $owner_email / $owner_password
  Example workflows: "Hellotext example: ..." using the credential "$credential_name" ($sandbox_url)
  Run one from another shell (ids in examples/*.json; the other port keeps clear of this n8n's task broker):
    N8N_USER_FOLDER=$N8N_USER_FOLDER N8N_RUNNERS_BROKER_PORT=$((${N8N_RUNNERS_BROKER_PORT:-5679} + 11)) $n8n_bin execute --id hellotextEx1Prfl
  Ctrl+C stops n8n and the sandbox.

MSG
echo "Open $url"
wait "$n8n_pid"
