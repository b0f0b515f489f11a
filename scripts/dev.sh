#!/usr/bin/env bash
# npm run dev: builds the package, starts the sandbox seeded with demo data, and starts a real n8n
# (pinned version, installed once into a cache folder outside the repository) with this package
# loaded, a Hellotext credential pointing at the sandbox and the example workflows imported.
#   npm run dev                 everything; Ctrl+C stops n8n and the sandbox
#   scripts/dev.sh --install    only install n8n into the cache; prints the folder it is in
#   npm run dev -- --no-build   use the dist/ that is there
# Environment: N8N_PORT (5678), SANDBOX_PORT (4010), N8N_NODES_HELLOTEXT_CACHE (~/.cache/n8n-nodes-hellotext),
# N8N_RUNNERS_BROKER_PORT (n8n's task broker, 5679: set it to run next to another n8n),
# HELLOTEXT_DEV_USER_FOLDER (n8n's data: credentials, workflows; default <cache>/n8n-user; the editor
# test points it at a scratch folder so it never touches yours).
# Needs Node 24 (n8n 2.x does): on an older Node, scripts/with-node24.sh npm run dev.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

# The pinned n8n (the newest tested line, scripts/cache.sh), installing the package, the environment.
source scripts/n8n.sh

install_n8n
if [ "${1:-}" = "--install" ]; then
	echo "$n8n_dir"
	exit 0
fi

n8n_port="${N8N_PORT:-5678}"
sandbox_port="${SANDBOX_PORT:-4010}"
sandbox_token="sandbox-token"
# The id and name the example workflows (examples/*.json) reference.
credential_id="hellotextSandbox"
credential_name="Hellotext sandbox"
owner_email="dev@example.com"
owner_password="Hellotext-dev-1"

n8n_environment "${HELLOTEXT_DEV_USER_FOLDER:-$n8n_cache/n8n-user}"
export N8N_PORT="$n8n_port"

pids=()
cleanup() {
	for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
	wait 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# 1. Build, then pack and install the tarball as a community package (install_packed_package).
if [ "${1:-}" != "--no-build" ]; then
	echo "Building the package..." >&2
	npm run build >&2
fi
install_packed_package "$N8N_USER_FOLDER"

# 2. The sandbox, seeded with demo data.
mkdir -p "$N8N_USER_FOLDER"
sandbox_log="$N8N_USER_FOLDER/sandbox.log"
: >"$sandbox_log" # there before the loop below reads it, however late the sandbox starts writing
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
hash_file="$n8n_cache/owner-password.bcrypt"
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
