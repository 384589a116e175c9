#!/usr/bin/env bash
# Usage: scripts/appstore.sh
# Builds build/artifacts/pilotfeedback-<version>.tar.gz as the Nextcloud app store expects it:
# one top folder pilotfeedback/ with appinfo, lib, templates, img, l10n, the built js/ (and
# css/ if the build made one) and openapi.json: an include list, so that tests, sources,
# node_modules, scripts, docs and the development app (dev/: demo and benchmark seeding)
# cannot ship. The app needs no Composer packages at run time (composer.json requires only
# PHP; Nextcloud autoloads lib/), so no vendor/ ships. Before packing, appinfo/info.xml is
# validated against the server's resources/app-info.xsd, as the app store does. Run
# `npm run build` first (make appstore does).
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$REPO_DIR"

app=pilotfeedback
version="$(sed -n 's|.*<version>\(.*\)</version>.*|\1|p' appinfo/info.xml | head -n1)"
[[ -n "$version" ]] || die "appinfo/info.xml has no <version>"
npm_version="$(node -p 'require("./package.json").version')"
[[ "$version" == "$npm_version" ]] \
	|| die "appinfo/info.xml says version $version but package.json says $npm_version; make them equal"
[[ -f js/$app-main.mjs && -f js/$app-admin.mjs ]] \
	|| die "no built frontend in js/; run npm run build (or make appstore)"
if php -r 'exit(count(json_decode(file_get_contents("composer.json"), true)["require"] ?? []) > 1 ? 0 : 1);'; then
	die "composer.json requires packages besides PHP: ship them (composer install --no-dev into the tarball) before building for the app store"
fi

# The app store refuses an info.xml that its schema does not accept.
command -v xmllint >/dev/null || die "xmllint is missing: apt-get install libxml2-utils"
xsd="$("$(dirname "$0")/nextcloud-source.sh")/resources/app-info.xsd"
[[ -f "$xsd" ]] || die "$xsd is missing: the Nextcloud server source has no app-info schema"
if ! validation="$(xmllint --noout --schema "$xsd" appinfo/info.xml 2>&1)"; then
	die "appinfo/info.xml does not validate against the app store's schema $xsd: $validation"
fi

stage="$REPO_DIR/build/appstore"
artifact="$REPO_DIR/build/artifacts/$app-$version.tar.gz"
rm -rf "$stage"
mkdir -p "$stage/$app" "$(dirname "$artifact")"

shipped=(appinfo lib templates img l10n js openapi.json)
[[ -d css ]] && shipped+=(css)
[[ -f LICENSE || -f COPYING ]] && shipped+=($(ls -d LICENSE COPYING 2>/dev/null))
rsync -a --exclude="*.map" "${shipped[@]}" "$stage/$app/"

# A tarball that ships what it must not is a build error, not a warning.
for path in dev src test node_modules vendor scripts docs; do
	[[ ! -e "$stage/$app/$path" ]] || die "build/appstore/$app/$path must not ship"
done
for path in appinfo/info.xml lib/AppInfo/Application.php templates img l10n js; do
	[[ -e "$stage/$app/$path" ]] || die "build/appstore/$app/$path is missing"
done
! grep -rqi 'PilotFeedbackDev\|DemoSeeder\|BenchSeeder' "$stage/$app" \
	|| die "build/appstore/$app mentions the development app (demo or bench seeding); it must not ship"
maps="$(find "$stage/$app" -name '*.map' | wc -l)"
((maps == 0)) || die "build/appstore/$app holds $maps source maps"

# Reproducible: sorted entries, fixed owner, the last commit's time.
mtime="$(git log -1 --format=%cI 2>/dev/null || date -u +%FT%TZ)"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="$mtime" \
	-C "$stage" -cf - "$app" | gzip -n -9 >"$artifact"
size=$(stat -c %s "$artifact")
log "Built ${artifact#"$REPO_DIR"/} ($((size / 1024)) KiB, $(tar -tzf "$artifact" | grep -vc '/$') files)"
# The app store's and the admins' download; a bigger tarball means something slipped in.
((size <= 3 * 1024 * 1024)) || die "the tarball is $((size / 1024)) KiB, over the 3 MiB budget: check js/ for source maps or unused chunks"
