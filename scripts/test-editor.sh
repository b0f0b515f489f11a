#!/usr/bin/env bash
# npm run test:editor: the browser test (test/editor/editor.e2e.ts). It starts `npm run dev` itself
# (n8n 2.41.1 with the packed package, the sandbox) on free ports with a scratch n8n user folder,
# drives Chromium through playwright-core, and stops everything after. Needs Debian's `chromium`
# (playwright-core downloads no browser): CI installs it here; elsewhere the script says how.
#   npm run test:editor          pictures go to .cache/editor-screenshots/
#   npm run screenshots          the same test, pictures into docs/images/ (the README's)
# Environment: CHROMIUM_PATH (/usr/bin/chromium), EDITOR_SCREENSHOTS (where the pictures go).
set -euo pipefail
cd "$(dirname "$0")/.."

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
	if [ -n "${CI:-}" ] && [ "$(id -u)" = 0 ]; then
		log=$(mktemp)
		echo "Installing Chromium from Debian (apt-get install chromium)..." >&2
		if ! { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium; } >"$log" 2>&1; then
			cat "$log" >&2
			echo "Installing Chromium failed (output above)." >&2
			exit 1
		fi
		rm -f "$log"
	else
		echo "The editor test needs Chromium at $chromium." >&2
		echo "On Debian or Ubuntu: sudo apt-get install chromium (or point CHROMIUM_PATH at a Chromium or Chrome)." >&2
		exit 1
	fi
fi

exec scripts/with-node24.sh npx vitest run --config vitest.editor.config.ts "$@"
