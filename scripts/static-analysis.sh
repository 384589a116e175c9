#!/usr/bin/env bash
# Static analysis of lib/ with psalm (psalm.xml, errorLevel 1). The OCP types come from the
# Nextcloud server that scripts/nextcloud-source.sh resolves (NEXTCLOUD_DIR, the archive, or the
# downloaded release): it is linked to build/nextcloud-server, where psalm.xml reads it.
# Extra arguments go to psalm, e.g. `scripts/static-analysis.sh --no-cache`.
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$REPO_DIR"

psalm=vendor/bin/psalm
[[ -x "$psalm" ]] || die "psalm is not installed: run 'composer install' (it installs vendor-bin/psalm too)"

server="$("$REPO_DIR/scripts/nextcloud-source.sh")" || die "no Nextcloud server for the OCP types (see scripts/nextcloud-source.sh)"
[[ -d "$server/lib/public" && -d "$server/3rdparty/doctrine/dbal/src" ]] \
	|| die "$server lacks lib/public or 3rdparty/: psalm needs an unpacked Nextcloud server with its 3rdparty folder"
mkdir -p build
ln -sfn "$server" build/nextcloud-server

log "psalm over lib/ with the OCP types of $server"
"$psalm" --no-progress --no-cache --threads=2 "$@"
