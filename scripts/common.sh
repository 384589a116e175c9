# Shared settings for the scripts in this folder; source it, don't run it.

REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Nextcloud instances, downloads and logs live here, never inside the repository.
RUNTIME="${PILOTFEEDBACK_RUNTIME:-$HOME/.cache/pilotfeedback}"
NEXTCLOUD_VERSION="${NEXTCLOUD_VERSION:-34.0.1}"
ADMIN_PASSWORD='admin'
DEMO_PASSWORD='Pilot-Feedback-2026'
DEMO_USERS=(bmi rki-coord rki-tester1 rki-tester2 bsh-coord bsh-tester1 bsh-tester2)

# Prints the table of logins of the demo data: the administrator and every demo user with their role.
print_logins() {
	local user org role
	printf '  %-14s %-21s %s\n' login password role
	printf '  %-14s %-21s %s\n' admin "$ADMIN_PASSWORD" 'Nextcloud administrator'
	for user in "${DEMO_USERS[@]}"; do
		org="${user%%-*}"
		case "$user" in
			bmi) role='consolidator (BMI)' ;;
			*-coord) role="coordinator (${org^^})" ;;
			*) role="tester (${org^^})" ;;
		esac
		printf '  %-14s %-21s %s\n' "$user" "$DEMO_PASSWORD" "$role"
	done
}

log() {
	printf '\033[1m==> %s\033[0m\n' "$*" >&2
}

die() {
	printf 'error: %s\n' "$*" >&2
	exit 1
}
