#!/usr/bin/env bash
# Usage: scripts/stages.sh <make target>...
# Runs each make target as a stage, prints its wall time as it ends, and at the end a table
# of every stage with its time and result. A failed stage does not stop the later ones (so
# one run shows every failure), except the stages in STAGES_STOP_ON (default: requirements
# deps), after which nothing else can work. Exits 1 if any stage failed.
set -uo pipefail

stop_on=" ${STAGES_STOP_ON:-requirements deps} "
names=()
results=()
failed=0
total_start=$SECONDS
for stage in "$@"; do
	printf '\n\033[1;34m### stage %s\033[0m\n' "$stage"
	start=$SECONDS
	make --no-print-directory "$stage"
	rc=$?
	took=$((SECONDS - start))
	names+=("$stage")
	if ((rc == 0)); then
		results+=("ok      $(printf '%5d s' "$took")")
		printf '\033[1;34m### stage %s: ok in %d s\033[0m\n' "$stage" "$took"
	else
		failed=1
		results+=("FAILED  $(printf '%5d s' "$took")")
		printf '\033[1;31m### stage %s: FAILED (exit %d) after %d s\033[0m\n' "$stage" "$rc" "$took"
		if [[ "$stop_on" == *" $stage "* ]]; then
			echo "Stage $stage failed; the later stages need it, so they do not run." >&2
			break
		fi
	fi
done

echo
echo 'Stages (wall time):'
for i in "${!names[@]}"; do
	printf '  %-20s %s\n' "${names[$i]}" "${results[$i]}"
done
for stage in "$@"; do
	[[ " ${names[*]} " == *" $stage "* ]] || printf '  %-20s %s\n' "$stage" 'not run'
done
printf '  %-20s         %5d s\n' total $((SECONDS - total_start))
exit "$failed"
