#!/usr/bin/env bash
# The differential check of the rules engine (issue 12, "proof that nothing changed"): the same
# random contract/table pairs go through `shared` as built at BASE_REF and as it is now in this
# worktree (uncommitted changes included), and every artifact must be identical byte for byte.
#
#   scripts/differential.sh [BASE_REF] [COUNT]
#     BASE_REF  the "before" commit; default: the merge-base of HEAD with origin/main (main when
#               there is no origin)
#     COUNT     how many pairs; default 100000 (a few minutes on 2 cores)
#   DIFFERENTIAL_SEED=<long> picks another set of pairs (default 20260601).
#
# How: builds shared here (./mvnw -pl shared package) and at BASE_REF in a temporary
# `git worktree` (removed afterwards), compiles the harness
# (benchmarks/src/main/java/dev/schemadrift/bench/differential) once against each jar, with the same
# dependency class path (shared's runtime dependencies as built here), and runs
# dev.schemadrift.bench.differential.DifferentialCheck against each. Each run writes one line per
# pair, `<index> <sha-256 of the artifact or of the refused input's message>`; the two files are
# compared with cmp. Prints "identical: N pairs" and the coverage summary (statuses, rules fired),
# or the differing pair indices with both artifacts, and exits 1.
# Work files (hash files, *.samples with every 500th artifact, summaries) stay in target/differential/.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
jdk=$(scripts/find-jdk.sh)
java="$jdk/bin/java"
javac="$jdk/bin/javac"
started=$(date +%s)
step() { echo "differential: $* ($(($(date +%s) - started)) s)" >&2; }

if [ -n "${1:-}" ]; then
  base_ref=$1
elif git rev-parse -q --verify origin/main >/dev/null; then
  base_ref=$(git merge-base HEAD origin/main)
else
  base_ref=$(git merge-base HEAD main)
fi
base=$(git rev-parse --verify "$base_ref^{commit}")
count=${2:-100000}
seed=${DIFFERENTIAL_SEED:-20260601}
out=$root/target/differential
rm -rf "$out"
mkdir -p "$out"
maven=(./mvnw -q -Dmaven.test.skip=true -Djacoco.skip=true -Dspotless.check.skip=true -pl shared)

shared_jar() {
  find "$1/shared/target" -maxdepth 1 -name 'shared-*.jar' ! -name '*-tests.jar' ! -name '*-sources.jar' |
    head -1
}

step "building shared as it is now in $root"
"${maven[@]}" package dependency:build-classpath -DincludeScope=runtime \
  -Dmdep.outputFile="$out/classpath.txt" >"$out/build-current.log" 2>&1 ||
  { cat "$out/build-current.log" >&2; exit 2; }
cp "$(shared_jar "$root")" "$out/shared-current.jar"
dependencies=$(cat "$out/classpath.txt")

step "building shared at $(git rev-parse --short "$base") ($base_ref)"
tree=$(mktemp -d "${TMPDIR:-/tmp}/differential-base.XXXXXX")
cleanup() {
  git -C "$root" worktree remove --force "$tree" 2>/dev/null || true
  rm -rf "$tree"
}
trap cleanup EXIT
rmdir "$tree"
git worktree add --quiet --detach "$tree" "$base"
(cd "$tree" && "${maven[@]}" package) >"$out/build-base.log" 2>&1 ||
  { cat "$out/build-base.log" >&2; exit 2; }
cp "$(shared_jar "$tree")" "$out/shared-base.jar"
cleanup
trap - EXIT

# Compiled against each jar, so a change that keeps the source API but not the binary one (a
# return type, a record component) cannot break the run; the source is the same for both.
sources=(benchmarks/src/main/java/dev/schemadrift/bench/differential/*.java)
for side in base current; do
  "$javac" --release 21 -Xlint:all -Werror -d "$out/harness-$side" \
    -cp "$out/shared-$side.jar:$dependencies" "${sources[@]}"
done
classpath() { echo "$out/harness-$1:$out/shared-$1.jar:$dependencies"; }
check=dev.schemadrift.bench.differential.DifferentialCheck

step "running $count pairs (seed $seed) against both builds"
# Both runs at once: each is one thread, and the machine has two cores.
run() {
  "$java" -XX:+UseSerialGC -cp "$(classpath "$1")" "$check" "$seed" "$count" "$out/$1.txt" \
    >"$out/$1-summary.txt" 2>"$out/$1-errors.txt"
}
run base &
base_pid=$!
run current &
current_pid=$!
status=0
wait "$base_pid" || { echo "differential: the run against the base build failed:" >&2; status=2; }
wait "$current_pid" || { echo "differential: the run against this worktree failed:" >&2; status=2; }
cat "$out/base-errors.txt" "$out/current-errors.txt" >&2
[ "$status" = 0 ] || exit "$status"

if cmp -s "$out/base.txt" "$out/current.txt"; then
  cat "$out/current-summary.txt"
  echo "identical: $count pairs (seed $seed; $(git rev-parse --short "$base") vs this worktree;" \
    "$(($(date +%s) - started)) s)"
  exit 0
fi

paste -d' ' "$out/base.txt" "$out/current.txt" | awk '$2 != $4 {print $1}' >"$out/differing.txt"
echo "DIFFERENT: $(wc -l <"$out/differing.txt") of $count pairs differ (seed $seed;" \
  "$(git rev-parse --short "$base") vs this worktree). First: $(head -20 "$out/differing.txt" | tr '\n' ' ')"
echo "Summary before:"
cat "$out/base-summary.txt"
echo "Summary now:"
cat "$out/current-summary.txt"
for index in $(head -3 "$out/differing.txt"); do
  "$java" -cp "$(classpath base)" "$check" show "$seed" "$index" >"$out/pair-$index-base.txt"
  "$java" -cp "$(classpath current)" "$check" show "$seed" "$index" >"$out/pair-$index-current.txt"
  echo
  echo "=== pair $index, inputs and the artifact at $(git rev-parse --short "$base"):"
  cat "$out/pair-$index-base.txt"
  echo "=== pair $index, the artifact now:"
  sed -n '/^--- outcome /,$p' "$out/pair-$index-current.txt"
  echo "=== pair $index, diff (before -> now):"
  diff -u "$out/pair-$index-base.txt" "$out/pair-$index-current.txt" || true
done
exit 1
