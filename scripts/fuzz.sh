#!/usr/bin/env bash
# `make fuzz` (docs/RELIABILITY.md, "Fuzzing"): runs each Jazzer fuzz test of the shared module in
# fuzzing mode for FUZZ_SECONDS (default 60), one JVM per target (Jazzer fuzzes one test per run).
# Jazzer keeps what it learns in shared/.cifuzz-corpus/ (ignored by git) and writes each finding
# (crash-<sha1>) into the target's inputs folder,
# shared/src/test/resources/<package>/<Class>Inputs/<method>/, from where `verify` replays it as a
# regression test once committed. Logs and the summary land in target/fuzz/.
#   FUZZ_SECONDS=600 make fuzz          longer runs
#   FUZZ_TARGETS='type/TypeParserFuzzTest#parse' make fuzz   some targets only
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
seconds=${FUZZ_SECONDS:-60}
targets=${FUZZ_TARGETS:-"type/TypeParserFuzzTest#parse contract/ContractReaderFuzzTest#read
  contract/OdcsContractReaderFuzzTest#read catalog/GlueTableReaderFuzzTest#read
  artifact/TableCheckFuzzTest#compared"}
out=target/fuzz
mkdir -p "$out"
summary=$out/summary.txt
: >"$summary"
failed=0

for target in $targets; do
  folder=${target%#*} method=${target#*#}
  class=${folder##*/} package=${folder%/*}
  # Jazzer writes findings into the inputs folder only when it exists, else into shared/.
  mkdir -p "shared/src/test/resources/dev/schemadrift/$package/${class}Inputs/$method"
  log=$out/$class.$method.log
  echo "fuzz: $class#$method for $seconds s (log: $log)" >&2
  status=0
  # RegexInjection flags the contract reader compiling input.regex, which is a regular expression
  # by design, compiled only to refuse a bad one and never matched by the monitor: off.
  JAZZER_FUZZ=1 ./mvnw -pl shared test -Djacoco.skip=true -Dspotless.check.skip=true \
    -Dtest="$class#$method" -Dsurefire.failIfNoSpecifiedTests=false -Djazzer.hooks=true \
    -Djazzer.disabled_hooks=com.code_intelligence.jazzer.sanitizers.RegexInjection \
    -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1=-max_total_time="$seconds" \
    >"$log" 2>&1 || status=$?
  done_line=$(grep -E '^Done [0-9]+ runs in' "$log" | tail -1 || true)
  cov_line=$(grep -E '^#[0-9]+.*(DONE|cov:)' "$log" | tail -1 || true)
  {
    echo "$class#$method: ${done_line:-no summary} | ${cov_line:-no coverage line}"
    if [ "$status" -ne 0 ]; then
      echo "  FAILED (exit $status): a finding or a broken run; see $log"
      grep -oE 'Test unit written to [^ ]+' "$log" | sort -u | sed 's/^/  /' || true
    fi
  } | tee -a "$summary"
  [ "$status" -eq 0 ] || failed=1
done
echo "fuzz: summary in $summary" >&2
exit "$failed"
