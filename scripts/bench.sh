#!/usr/bin/env bash
# The performance suite behind `make bench` (docs/PERFORMANCE.md): JMH (parse + diff against ORC,
# Iceberg and Avro; shapes and depth; first call in a fresh JVM), the peers' findings, the
# cold-start proxy, the CLI's start before and after its class-data archive, the local 10,000-table
# run, the 1,000-table run against moto and the event path against moto (one change event to its
# artifact, warm).
# Expects benchmarks/target/benchmarks.jar and cli/target/schema-drift.jar (make bench builds them).
# Everything lands in target/bench/; the summary is printed at the end and kept in summary.txt.
#   BENCH_QUICK=1   fewer iterations and tables (a smoke run, not for the figures)
#   BENCH_NO_MOTO=1 skip the runs against moto
#   BENCH_MOTO_DATABASES=100  the moto scale run with 100 databases of 100 tables (10,000 tables:
#                   first, unchanged, changed and full runs; about 12 minutes more)
#   CLI_BEFORE_COMMIT the commit whose launcher and CLI jar are the CLI start's baseline (default
#                   9412c7c, before the class-data archive; built once into target/bench/cli-before/)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
java="$(scripts/find-jdk.sh)/bin/java"
jar=benchmarks/target/benchmarks.jar
out=target/bench
mkdir -p "$out"
summary=$out/summary.txt
: >"$summary"
started=$(date +%s)

step() { echo "bench: $* ($(($(date +%s) - started)) s)" >&2; }
note() { echo "$*" | tee -a "$summary"; }

if [ "${BENCH_QUICK:-0}" = 1 ]; then
  jmh_options=(-wi 1 -w 1 -i 2 -r 1 -f 1)
  first_forks=(-f 3)
  rounds=3 cli_rounds=6 databases=10 per_database=100 moto_databases=2 moto_per_database=50 moto_events=30
else
  jmh_options=()
  first_forks=()
  rounds=6 cli_rounds=20 databases=100 per_database=100 moto_databases=10 moto_per_database=100 moto_events=200
fi
moto_databases=${BENCH_MOTO_DATABASES:-$moto_databases}

note "schema-drift benchmarks, $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
note "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB, load average $(cut -d' ' -f1-3 /proc/loadavg)"
note "java: $("$java" -version 2>&1 | head -1)"

step "training the first-call class archives (AppCDS, AOT cache)"
rm -f "$out/firstcall.jsa" "$out/firstcall.aot"
"$java" -XX:ArchiveClassesAtExit="$out/firstcall.jsa" -cp "$jar" dev.schemadrift.bench.FirstCallSteps >/dev/null 2>&1
"$java" -XX:AOTCacheOutput="$out/firstcall.aot" -cp "$jar" dev.schemadrift.bench.FirstCallSteps >/dev/null 2>&1 ||
  echo "bench: this JDK has no AOT cache (JDK 25+); that variant runs as a plain JVM" >&2
note "$("$java" -cp "$jar" dev.schemadrift.bench.FirstCallSteps)"

step "JMH: parse + diff, peers, shapes"
"$java" -cp "$jar" org.openjdk.jmh.Main "ParseDiffBenchmark|ShapeBenchmark" "${jmh_options[@]}" \
  -rf json -rff "$out/jmh.json" >"$out/jmh.txt" 2>&1
step "JMH: first call in fresh JVMs"
"$java" -cp "$jar" org.openjdk.jmh.Main FirstCallBenchmark "${first_forks[@]}" \
  -rf json -rff "$out/jmh-first.json" >"$out/jmh-first.txt" 2>&1
"$java" -cp "$jar" dev.schemadrift.bench.BenchSummary "$out/jmh.json" | tee -a "$summary"
"$java" -cp "$jar" dev.schemadrift.bench.BenchSummary "$out/jmh-first.json" | grep -v '^== Ratios' | tee -a "$summary"
"$java" -cp "$jar" dev.schemadrift.bench.PeerFindings 2>/dev/null | tee -a "$summary"
step "CPU time per operation (less sensitive to a shared machine)"
"$java" -cp "$jar" dev.schemadrift.bench.CpuTimeComparison 2>/dev/null | tee -a "$summary"
step "the widest table compared (GlueTable.MAX_COLUMNS columns against one)"
"$java" -cp "$jar" dev.schemadrift.bench.ColumnLimitBench 2>/dev/null | tee -a "$summary"

coldstart=("$java" -cp "$jar" dev.schemadrift.bench.ColdStartBench "$root"
  "benchmarks/target/classes:cli/target/schema-drift.jar" "$rounds" "$out")
step "cold start"
if [ "${BENCH_NO_MOTO:-0}" = 1 ]; then
  "${coldstart[@]}" >"$out/coldstart.txt" 2>&1
else
  scripts/with-moto.sh "${coldstart[@]}" >"$out/coldstart.txt" 2>&1
fi
grep '^coldstart' "$out/coldstart.txt" | tee -a "$summary"

# The CLI's start through bin/schema-drift: the project as it was at CLI_BEFORE_COMMIT (its
# launcher, find-jdk.sh and CLI jar, built here once from `git archive`) against today's, alternating;
# the ratio's budget is 0.60.
step "CLI start: before and after the class-data archive"
before_commit=$(git rev-parse --short "${CLI_BEFORE_COMMIT:-9412c7c}" 2>/dev/null || true)
before=$out/cli-before
if [ -n "$before_commit" ] && { [ "$(cat "$before/commit" 2>/dev/null)" = "$before_commit" ] || {
  rm -rf "$before" && mkdir -p "$before" && git archive "$before_commit" | tar -x -C "$before" &&
    (cd "$before" && ./mvnw -q -pl cli -am package -DskipTests -Djacoco.skip=true \
      -Dspotless.check.skip=true) >"$out/cli-before-build.txt" 2>&1 && echo "$before_commit" >"$before/commit"
}; }; then
  "$java" -cp "$jar" dev.schemadrift.bench.CliStartupBench "$root" "$before/bin/schema-drift" \
    bin/schema-drift "$out/cli-cache" "$cli_rounds" >"$out/clistartup.txt" 2>&1 || true
  grep '^clistartup' "$out/clistartup.txt" | tee -a "$summary"
else
  note "clistartup: skipped (commit ${CLI_BEFORE_COMMIT:-9412c7c} not in git history, or its build failed: $out/cli-before-build.txt)"
fi

step "jar sizes"
for file in schema-diff/target/schema-diff-lambda.jar report-generator/target/report-generator-lambda.jar \
  cli/target/schema-drift.jar; do
  [ -f "$file" ] && note "jar $file $(stat -c %s "$file") bytes"
done
clients=$(unzip -l cli/target/schema-drift.jar |
  grep -oE 'software/amazon/awssdk/http/(urlconnection|apache5?|nio/netty|crt)/' | sort -u | tr '\n' ' ')
note "jar schema-drift.jar HTTP client implementations: $clients"
note "jar schema-drift.jar largest parts (uncompressed): $(unzip -l cli/target/schema-drift.jar |
  awk 'NF == 4 && $4 ~ /\// {split($4, p, "/"); key = p[1] "/" p[2] "/" p[3] "/" p[4] "/" p[5]; size[key] += $1}
       END {for (k in size) printf "%d %s\n", size[k], k}' | sort -rn | head -5 |
  awk '{printf "%s %.1f MB; ", $2, $1 / 1048576}')"
note "jar schema-drift.jar glue model classes: $(unzip -l cli/target/schema-drift.jar | grep -c 'services/glue/model/.*\.class')"

step "scale: local registry"
"$java" -cp "$jar" dev.schemadrift.bench.ScaleLocalBench "$root" "$out/scale-local" \
  "$databases" "$per_database" 1 16 >"$out/scale-local.txt" 2>&1
grep '^scale-local' "$out/scale-local.txt" | tee -a "$summary"

if [ "${BENCH_NO_MOTO:-0}" != 1 ]; then
  step "scale: moto"
  scripts/with-moto.sh "$java" -cp "$jar" dev.schemadrift.bench.ScaleMotoBench \
    "$moto_databases" "$moto_per_database" >"$out/scale-moto.txt" 2>&1
  grep '^scale-moto' "$out/scale-moto.txt" | tee -a "$summary"
  step "events: moto"
  scripts/with-moto.sh "$java" -cp "$jar" dev.schemadrift.bench.EventMotoBench \
    "$moto_databases" "$moto_per_database" "$moto_events" >"$out/event-moto.txt" 2>&1
  grep '^event-moto' "$out/event-moto.txt" | tee -a "$summary"
fi

note "bench: finished in $(($(date +%s) - started)) s; details in $out/"
