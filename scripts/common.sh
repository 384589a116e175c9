# Shared settings for the scripts in this folder; source it, don't run it.

REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Nextcloud instances, downloads and logs live here, never inside the repository.
RUNTIME="${PILOTFEEDBACK_RUNTIME:-$HOME/.cache/pilotfeedback}"
NEXTCLOUD_VERSION="${NEXTCLOUD_VERSION:-34.0.1}"
ADMIN_PASSWORD='admin'
DEMO_PASSWORD='Pilot-Feedback-2026'
DEMO_USERS=(bmi rki-coord rki-tester1 rki-tester2 bsh-coord bsh-tester1 bsh-tester2)

log() {
	printf '\033[1m==> %s\033[0m\n' "$*" >&2
}

die() {
	printf 'error: %s\n' "$*" >&2
	exit 1
}
