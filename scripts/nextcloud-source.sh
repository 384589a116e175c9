#!/usr/bin/env bash
# Prints the path of a pristine Nextcloud server directory: $NEXTCLOUD_DIR if set,
# otherwise the official release, downloaded once and checked against its SHA-256.
set -euo pipefail
source "$(dirname "$0")/common.sh"

if [[ -n "${NEXTCLOUD_DIR:-}" ]]; then
	[[ -f "$NEXTCLOUD_DIR/occ" && -f "$NEXTCLOUD_DIR/version.php" ]] \
		|| die "NEXTCLOUD_DIR=$NEXTCLOUD_DIR is not a Nextcloud server directory (no occ or version.php)"
	cd "$NEXTCLOUD_DIR" && pwd
	exit 0
fi

release_dir="$RUNTIME/release/$NEXTCLOUD_VERSION"
if [[ ! -f "$release_dir/nextcloud/occ" ]]; then
	archive="nextcloud-$NEXTCLOUD_VERSION.tar.bz2"
	url="https://download.nextcloud.com/server/releases/$archive"
	log "Downloading $url (set NEXTCLOUD_DIR to use a local Nextcloud instead)"
	mkdir -p "$release_dir"
	curl -fsSL -o "$release_dir/$archive" "$url"
	curl -fsSL -o "$release_dir/$archive.sha256" "$url.sha256"
	(cd "$release_dir" && sha256sum --check --quiet "$archive.sha256") \
		|| die "checksum mismatch for $archive"
	# Unpack beside the target and move it in, so an interrupted run never looks complete.
	rm -rf "$release_dir/unpacking" && mkdir "$release_dir/unpacking"
	tar -xjf "$release_dir/$archive" -C "$release_dir/unpacking"
	mv "$release_dir/unpacking/nextcloud" "$release_dir/nextcloud"
	rm -r "$release_dir/unpacking" "$release_dir/$archive"
fi
echo "$release_dir/nextcloud"
