#!/usr/bin/env bash
# Usage: scripts/check-requirements.sh dev|test
# Checks, before anything is built, that the programs and PHP extensions that make dev or
# make test need are installed, and names all that are missing with how to install them
# (Debian package names; .ci/run installs all of them).
set -euo pipefail
source "$(dirname "$0")/common.sh"

purpose="${1:-}"
[[ "$purpose" == dev || "$purpose" == test ]] || die "usage: $0 dev|test"

missing=()   # human-readable lines
packages=()  # Debian packages that would provide them

need() { # <what is missing> <debian package>
	missing+=("$1")
	[[ " ${packages[*]} " == *" $2 "* ]] || packages+=("$2")
}

have() {
	command -v "$1" >/dev/null 2>&1
}

# PHP 8.2+ and the extensions Nextcloud needs.
if ! have php; then
	need 'PHP 8.2 or newer (php)' php8.2-cli
elif ! php -r 'exit(PHP_VERSION_ID >= 80200 ? 0 : 1);'; then
	need "PHP 8.2 or newer (found $(php -r 'echo PHP_VERSION;'))" php8.2-cli
else
	phpv="$(php -r 'echo PHP_MAJOR_VERSION, ".", PHP_MINOR_VERSION;')"
	declare -A ext_package=(
		[pdo_sqlite]=sqlite3 [gd]=gd [zip]=zip [curl]=curl [intl]=intl [mbstring]=mbstring
		[dom]=xml [simplexml]=xml [xmlreader]=xml [xmlwriter]=xml [bcmath]=bcmath [gmp]=gmp
	)
	# In CI every database runs, so their drivers are requirements too; elsewhere
	# scripts/test-integration.sh names the databases it skips and why.
	if [[ "$purpose" == test && "${CI:-}" == true ]]; then
		ext_package[pdo_pgsql]=pgsql
		ext_package[pdo_mysql]=mysql
	fi
	for ext in "${!ext_package[@]}"; do
		php -r 'exit(extension_loaded($argv[1]) ? 0 : 1);' "$ext" \
			|| need "the PHP extension $ext" "php$phpv-${ext_package[$ext]}"
	done
fi

have composer || need 'Composer (composer)' composer
have rsync || need 'rsync' rsync
have curl || need 'curl' curl
have tar || need 'tar' tar
case "${NEXTCLOUD_ARCHIVE:-}" in
	*.xz) have xz || need "xz, to unpack NEXTCLOUD_ARCHIVE=$NEXTCLOUD_ARCHIVE" xz-utils ;;
	*.bz2) have bzip2 || need "bzip2, to unpack NEXTCLOUD_ARCHIVE=$NEXTCLOUD_ARCHIVE" bzip2 ;;
	'') [[ -n "${NEXTCLOUD_DIR:-}" ]] || have bzip2 || need 'bzip2, to unpack the downloaded Nextcloud release' bzip2 ;;
esac

# Node.js: the versions package.json's "engines" names.
engines="$(sed -n 's/.*"node": *"\([^"]*\)".*/\1/p' "$REPO_DIR/package.json" | head -n1)"
if ! have node || ! have npm; then
	need "Node.js ($engines) with npm" nodejs
else
	nodev="$(node -p 'process.versions.node')"
	# A small semver check for the forms "^A.B.C || ^D.E.F || >=G" that engines uses.
	if ! node -e '
		const [have, range] = process.argv.slice(1)
		const v = have.split(".").map(Number)
		const ge = (a, b) => a[0] !== b[0] ? a[0] > b[0] : a[1] !== b[1] ? a[1] > b[1] : a[2] >= b[2]
		const ok = range.split("||").map((s) => s.trim()).some((part) => {
			const m = part.match(/^(\^|>=)\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/)
			if (!m) return false
			const want = [Number(m[2]), Number(m[3] ?? 0), Number(m[4] ?? 0)]
			return m[1] === ">=" ? ge(v, want) : v[0] === want[0] && ge(v, want)
		})
		process.exit(ok ? 0 : 1)
	' "$nodev" "$engines"; then
		need "Node.js $engines (found $nodev; see .nvmrc)" nodejs
	fi
fi

if [[ "$purpose" == test ]]; then
	chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
	[[ -x "$chromium" ]] || need "Chromium for the browser suite (looked for $chromium; CHROMIUM_PATH sets another)" chromium
	# The report writers' real-client check (scripts/test-documents.sh).
	if ! have soffice; then
		need 'LibreOffice Writer, headless (soffice), for the report documents' libreoffice-writer-nogui
		need 'LibreOffice Calc, headless, for the spreadsheet exports' libreoffice-calc-nogui
	elif [[ -d /usr/lib/libreoffice/program && ! -e /usr/lib/libreoffice/program/libsclo.so ]]; then
		need 'LibreOffice Calc, headless, for the spreadsheet exports' libreoffice-calc-nogui
	fi
	have pdftotext && have pdfimages && have pdfinfo || need 'pdftotext, pdfimages and pdfinfo' poppler-utils
fi

if ((${#missing[@]})); then
	{
		echo "error: make $purpose needs what is missing here:"
		printf '  - %s\n' "${missing[@]}"
		echo "On Debian or Ubuntu: sudo apt-get install ${packages[*]}"
		if [[ " ${packages[*]} " == *" nodejs "* ]]; then
			echo "(Debian 12's own nodejs is too old: take Node.js $engines from nodejs.org, NodeSource or nvm.)"
		fi
	} >&2
	exit 1
fi
echo "Requirements for make $purpose: all present (PHP $(php -r 'echo PHP_VERSION;'), Node.js $nodev, $(composer --version 2>/dev/null | awk '{print $1, $2, $3}'))"
