#!/usr/bin/env bash
# Usage: scripts/appstore.sh
# Builds build/artifacts/pilotfeedback-<version>.tar.gz as the Nextcloud app store expects it:
# one top folder pilotfeedback/ with appinfo, lib, templates, img, l10n, the built js/ (and
# css/ if the build made one) and openapi.json. No tests, sources, node_modules, scripts,
# docs or development tools, and not the benchmark seeder (registered in
# appinfo/register_command.php only where its class exists). The app needs no Composer
# packages at run time (composer.json requires only PHP; Nextcloud autoloads lib/), so no
# vendor/ ships. Run `npm run build` first (make appstore does).
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

# Files that are part of the repository but must not ship.
excluded=(lib/Command/BenchSeed.php lib/Service/BenchSeeder.php)

stage="$REPO_DIR/build/appstore"
artifact="$REPO_DIR/build/artifacts/$app-$version.tar.gz"
rm -rf "$stage"
mkdir -p "$stage/$app" "$(dirname "$artifact")"

shipped=(appinfo lib templates img l10n js openapi.json)
[[ -d css ]] && shipped+=(css)
[[ -f LICENSE || -f COPYING ]] && shipped+=($(ls -d LICENSE COPYING 2>/dev/null))
rsync -a "${excluded[@]/#/--exclude=/}" "${shipped[@]}" "$stage/$app/"

# A tarball that ships what it must not is a build error, not a warning.
for path in "${excluded[@]}" src test node_modules vendor scripts docs; do
	[[ ! -e "$stage/$app/$path" ]] || die "build/appstore/$app/$path must not ship"
done
for path in appinfo/info.xml lib/AppInfo/Application.php templates img l10n js; do
	[[ -e "$stage/$app/$path" ]] || die "build/appstore/$app/$path is missing"
done
php -l "$stage/$app/appinfo/register_command.php" >/dev/null

# Reproducible: sorted entries, fixed owner, the last commit's time.
mtime="$(git log -1 --format=%cI 2>/dev/null || date -u +%FT%TZ)"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="$mtime" \
	-C "$stage" -cf - "$app" | gzip -n -9 >"$artifact"
log "Built ${artifact#"$REPO_DIR"/} ($(du -h "$artifact" | cut -f1), $(tar -tzf "$artifact" | grep -vc '/$') files)"
