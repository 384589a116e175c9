#!/usr/bin/env bash
# Prints the path of a pristine Nextcloud server directory, from the first of:
# - NEXTCLOUD_DIR: an unpacked Nextcloud server directory, used as it is;
# - NEXTCLOUD_ARCHIVE: a local release archive (.tar.bz2 as published, .tar.xz or .tar.gz),
#   unpacked once into $RUNTIME/release/ (keyed by its SHA-256, so a changed archive is
#   unpacked again) -- the offline install path;
# - otherwise the official release, downloaded once and checked against its SHA-256
#   (not in CI, which must not depend on the internet: there it fails instead).
# Every source is checked to be a Nextcloud release; the message says what is missing.
set -euo pipefail
source "$(dirname "$0")/common.sh"

# Files every Nextcloud server release has; without them occ or the web server cannot run.
required=(version.php occ index.php lib/base.php 3rdparty/autoload.php core apps)

# check_release <dir> <what it came from> [<how to name dir>]: dies naming what is missing.
check_release() {
	local dir="$1" origin="$2" shown="${3:-$1}" missing=() f
	for f in "${required[@]}"; do
		[[ -e "$dir/$f" ]] || missing+=("$f")
	done
	if (( ${#missing[@]} )); then
		die "$origin is not a Nextcloud server release: $shown lacks ${missing[*]}." \
			"Use the archive or folder of a Nextcloud server release (e.g. nextcloud-$NEXTCLOUD_VERSION.tar.bz2 from download.nextcloud.com)."
	fi
	grep -q "OC_Version" "$dir/version.php" \
		|| die "$origin is not a Nextcloud server release: $shown/version.php has no \$OC_Version"
}

if [[ -n "${NEXTCLOUD_DIR:-}" ]]; then
	[[ -d "$NEXTCLOUD_DIR" ]] || die "NEXTCLOUD_DIR=$NEXTCLOUD_DIR does not exist; set it to an unpacked Nextcloud server directory, or unset it"
	check_release "$NEXTCLOUD_DIR" "NEXTCLOUD_DIR=$NEXTCLOUD_DIR"
	cd "$NEXTCLOUD_DIR" && pwd
	exit 0
fi

# unpack <archive> <target dir>: unpacks the archive's nextcloud/ into <target>/nextcloud,
# atomically: it is unpacked beside the target and moved in, so an interrupted run never
# leaves something that looks complete, and two runs at once don't see each other's half.
unpack() {
	local archive="$1" target="$2" flag
	case "$archive" in
		*.tar.bz2 | *.tbz2) flag=-j ;;
		*.tar.xz | *.txz) flag=-J ;;
		*.tar.gz | *.tgz) flag=-z ;;
		*) die "$archive: unknown archive type; use a .tar.bz2, .tar.xz or .tar.gz Nextcloud release" ;;
	esac
	mkdir -p "$(dirname "$target")"
	local tmp
	tmp="$(mktemp -d "$target.unpacking.XXXXXX")"
	# shellcheck disable=SC2064 # expand now: the trap must remove this run's folder
	trap "rm -rf '$tmp'" EXIT
	log "Unpacking $archive into $target (once)"
	tar "$flag" -xf "$archive" -C "$tmp" \
		|| die "could not unpack $archive (a broken or incomplete download?); replace it with a complete release archive"
	[[ -d "$tmp/nextcloud" ]] \
		|| die "$archive is not a Nextcloud server release: it has no top folder nextcloud/ (found: $(ls "$tmp" | head -5 | tr '\n' ' '))"
	check_release "$tmp/nextcloud" "$archive" "its folder nextcloud/"
	mkdir -p "$target"
	mv -T "$tmp/nextcloud" "$target/nextcloud" 2>/dev/null || [[ -f "$target/nextcloud/occ" ]] \
		|| die "could not move the unpacked release to $target/nextcloud"
}

if [[ -n "${NEXTCLOUD_ARCHIVE:-}" ]]; then
	archive="$NEXTCLOUD_ARCHIVE"
	[[ -f "$archive" ]] || die "NEXTCLOUD_ARCHIVE=$archive does not exist (relative paths are taken from $(pwd)); set it to a Nextcloud release archive such as nextcloud-$NEXTCLOUD_VERSION.tar.bz2"
	[[ -r "$archive" ]] || die "NEXTCLOUD_ARCHIVE=$archive is not readable"
	archive="$(cd "$(dirname "$archive")" && pwd)/$(basename "$archive")"
	# Keyed by the content, so a replaced archive of the same name is unpacked again.
	sum="$(sha256sum "$archive" | cut -c1-16)"
	target="$RUNTIME/release/$(basename "$archive" | sed -E 's/\.(tar\.(bz2|xz|gz)|tbz2|txz|tgz)$//')-$sum"
	if [[ ! -f "$target/nextcloud/occ" ]]; then
		unpack "$archive" "$target"
	fi
	check_release "$target/nextcloud" "the unpacked NEXTCLOUD_ARCHIVE in $target (delete that folder to unpack again)"
	echo "$target/nextcloud"
	exit 0
fi

release_dir="$RUNTIME/release/$NEXTCLOUD_VERSION"
if [[ ! -f "$release_dir/nextcloud/occ" ]]; then
	if [[ "${CI:-}" == true ]]; then
		die "no Nextcloud to test against: set NEXTCLOUD_ARCHIVE to a Nextcloud release archive (.ci/run uses ../shared/nextcloud/nextcloud-$NEXTCLOUD_VERSION.tar.xz beside the repository when it exists) or NEXTCLOUD_DIR to an unpacked Nextcloud; CI does not download it"
	fi
	archive="nextcloud-$NEXTCLOUD_VERSION.tar.bz2"
	url="https://download.nextcloud.com/server/releases/$archive"
	log "Downloading $url (set NEXTCLOUD_ARCHIVE or NEXTCLOUD_DIR to use a local Nextcloud instead)"
	mkdir -p "$release_dir"
	curl -fsSL -o "$release_dir/$archive" "$url" \
		|| die "could not download $url; without internet access, set NEXTCLOUD_ARCHIVE to a release archive (see README.md, Offline install)"
	curl -fsSL -o "$release_dir/$archive.sha256" "$url.sha256" || die "could not download $url.sha256"
	(cd "$release_dir" && sha256sum --check --quiet "$archive.sha256") \
		|| die "checksum mismatch for $archive; delete $release_dir and try again"
	unpack "$release_dir/$archive" "$release_dir"
	rm -f "$release_dir/$archive"
fi
echo "$release_dir/nextcloud"
