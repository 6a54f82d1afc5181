#!/usr/bin/env bash
# Self-test of bin/schema-drift's cache (docs/PERFORMANCE.md#cli-startup): the remembered JDK and
# the class-data archive. Runs the launcher in a copy of the project whose jar is a small stand-in
# (it prints its arguments and a line on stderr, and exits 3), so that it needs no build and tells
# the launcher's effects apart from the CLI's: every run's stdout, stderr and exit code must equal
# a plain `java -jar` run's, whatever the cache folder's state. scripts/test-scripts.sh runs it.
# Ends with the line "N passed, M failed"; exits 1 when any check failed.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
java_home=$("$root/scripts/find-jdk.sh")
work=$(mktemp -d "${TMPDIR:-/tmp}/test-launcher.XXXXXX")
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
passed=0
failed=0
ok() {
  passed=$((passed + 1))
  echo "ok $((passed + failed)) - $1"
}
not_ok() {
  failed=$((failed + 1))
  echo "not ok $((passed + failed)) - $1"
  shift
  local line
  for line in "$@"; do
    echo "    $line"
  done
}

# The project copy: the launcher and find-jdk.sh as they are, find-jdk.sh behind a counter.
project=$work/project
mkdir -p "$project/bin" "$project/scripts" "$project/cli/target" "$work/classes/dev/schemadrift/cli"
cp "$root/bin/schema-drift" "$project/bin/"
cp "$root/scripts/find-jdk.sh" "$project/scripts/find-jdk-real.sh"
cat >"$project/scripts/find-jdk.sh" <<'EOF'
#!/bin/sh
{ echo searched >>"$(dirname "$0")/../searches"; } 2>/dev/null
exec "$(dirname "$0")/find-jdk-real.sh"
EOF
chmod +x "$project/scripts/find-jdk.sh"
cat >"$work/classes/Main.java" <<'EOF'
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

public class Main {
  public static void main(String[] args) throws Exception {
    System.out.println("arguments: " + String.join(" ", args));
    System.err.println("a line on stderr");
    String record = System.getenv("LAUNCHER_TEST_JVM_ARGUMENTS");
    if (record != null) {
      // Where the test reads the JVM's options, apart from stdout.
      Files.writeString(Path.of(record), String.join("\n", ManagementFactory.getRuntimeMXBean().getInputArguments()));
    }
    System.exit(3);
  }
}
EOF
cat >"$work/classes/dev/schemadrift/cli/StartupTraining.java" <<'EOF'
package dev.schemadrift.cli;

public class StartupTraining {
  public static void main(String[] args) {
    System.out.println("training " + new java.util.TreeMap<String, Integer>().getClass());
  }
}
EOF
"$java_home/bin/javac" -d "$work/classes" "$work/classes/Main.java" "$work/classes/dev/schemadrift/cli/StartupTraining.java"
"$java_home/bin/jar" --create --file "$project/cli/target/schema-drift.jar" --main-class Main -C "$work/classes" .
launcher=$project/bin/schema-drift
# Everything readable by the user the read-only checks run as.
chmod -R a+rX "$work"

# run NAME [ENV=VALUE...]: runs the launcher with the arguments "diff --x 'a b'" and the given
# environment (on top of this one), keeps stdout, stderr and the exit code under $work/NAME.
run() {
  local name=$1
  shift
  local code=0
  env "$@" "$launcher" diff --x 'a b' >"$work/$name.out" 2>"$work/$name.err" || code=$?
  echo "$code" >"$work/$name.code"
}
code=0
"$java_home/bin/java" -jar "$project/cli/target/schema-drift.jar" diff --x 'a b' >"$work/plain.out" 2>"$work/plain.err" ||
  code=$?
echo "$code" >"$work/plain.code"

# same_as_plain NAME DESCRIPTION: the run's stdout, stderr and exit code are a plain start's.
same_as_plain() {
  if cmp -s "$work/plain.out" "$work/$1.out" && cmp -s "$work/plain.err" "$work/$1.err" &&
    cmp -s "$work/plain.code" "$work/$1.code"; then
    ok "$2"
  else
    not_ok "$2" "stdout: $(cat "$work/$1.out")" "stderr: $(cat "$work/$1.err")" "exit: $(cat "$work/$1.code")"
  fi
}
# files FOLDER: the names in FOLDER, sorted, on one line.
files() { (cd "$1" && ls -A | LC_ALL=C sort | tr '\n' ' '); }
searches() { if [ -f "$project/searches" ]; then wc -l <"$project/searches" | tr -d ' '; else echo 0; fi; }

major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$java_home/release")
if [ "$major" -ge 25 ]; then kind=aot; else kind=appcds; fi
echo "# bin/schema-drift with $java_home (JDK $major: $kind archive)"

cache=$work/cache
run first XDG_CACHE_HOME="$cache"
same_as_plain first "first run: the output of a plain start (the archive's training prints nothing)"
archives=$(cd "$cache/schema-drift" && ls -- cli-*."$kind" 2>/dev/null || true)
if [ "$(echo "$archives" | grep -c .)" -eq 1 ] && [ -s "$cache/schema-drift/$archives" ]; then
  ok "first run: one $kind archive in \$XDG_CACHE_HOME/schema-drift ($archives)"
else
  not_ok "first run: one $kind archive in \$XDG_CACHE_HOME/schema-drift" "found: $(files "$cache/schema-drift")"
fi
archive=$cache/schema-drift/$archives
check_files="$archives java-home "
if [ "$(files "$cache/schema-drift")" = "$check_files" ]; then
  ok "first run: nothing else is left in the folder (no partial file)"
else
  not_ok "first run: nothing else is left in the folder" "found: $(files "$cache/schema-drift")"
fi
if [ "$(sed -n 2p "$cache/schema-drift/java-home")" = "$java_home" ]; then
  ok "first run: the JDK is remembered in java-home"
else
  not_ok "first run: the JDK is remembered in java-home" "$(cat "$cache/schema-drift/java-home")"
fi

searched_before=$(searches)
run second XDG_CACHE_HOME="$cache" LAUNCHER_TEST_JVM_ARGUMENTS="$work/second.jvm"
same_as_plain second "second run: the output of a plain start"
case $kind in
  aot) wanted="-XX:AOTCache=$archive" ;;
  *) wanted="-XX:SharedArchiveFile=$archive" ;;
esac
if grep -qxF -- "$wanted" "$work/second.jvm" && [ -s "$archive" ]; then
  ok "second run: the JVM starts with the archive ($wanted)"
else
  not_ok "second run: the JVM starts with the archive" "JVM options: $(tr '\n' ' ' <"$work/second.jvm")"
fi
if [ "$(searches)" = "$searched_before" ]; then
  ok "second run: no JDK search (find-jdk.sh not called)"
else
  not_ok "second run: no JDK search" "find-jdk.sh called $(($(searches) - searched_before)) time(s)"
fi
searched_before=$(searches)
run other_java_home XDG_CACHE_HOME="$cache" JAVA_HOME="$java_home"
if [ "$(searches)" -eq $((searched_before + 1)) ] && [ "$(sed -n 1p "$cache/schema-drift/java-home")" = "JAVA_HOME=$java_home" ]; then
  ok "another JAVA_HOME: the JDK is looked for again and remembered"
else
  not_ok "another JAVA_HOME: the JDK is looked for again" "searches: $(($(searches) - searched_before))"
fi
same_as_plain other_java_home "another JAVA_HOME: the output of a plain start"

touch "$project/cli/target/schema-drift.jar" -d '2001-01-01 00:00:00'
run rebuilt XDG_CACHE_HOME="$cache"
same_as_plain rebuilt "another jar: the output of a plain start"
if [ ! -e "$archive" ] && [ "$(cd "$cache/schema-drift" && ls -- cli-*."$kind" | wc -l)" -eq 1 ]; then
  ok "another jar: a new archive replaces the old one"
else
  not_ok "another jar: a new archive replaces the old one" "found: $(files "$cache/schema-drift")"
fi

# Read-only: as another user when this is root (root may write to any folder).
as_reader=(env)
if [ "$(id -u)" -eq 0 ]; then
  as_reader=(setpriv --reuid=65534 --regid=65534 --clear-groups env)
fi
# run_as_reader NAME [ENV=VALUE...]: run, as that user.
run_as_reader() {
  local name=$1
  shift
  local code=0
  "${as_reader[@]}" "$@" "$launcher" diff --x 'a b' >"$work/$name.out" 2>"$work/$name.err" || code=$?
  echo "$code" >"$work/$name.code"
}
chmod -R a-w "$cache"
before=$(files "$cache/schema-drift")
mkdir -m 777 "$work/reader"
run_as_reader read_only_with_archive XDG_CACHE_HOME="$cache" LAUNCHER_TEST_JVM_ARGUMENTS="$work/reader/jvm"
same_as_plain read_only_with_archive "read-only folder holding an archive: the output of a plain start"
archive=$cache/schema-drift/$(cd "$cache/schema-drift" && ls -- cli-*."$kind")
if grep -qF -- "$archive" "$work/reader/jvm"; then
  ok "read-only folder holding an archive: the archive is used"
else
  not_ok "read-only folder holding an archive: the archive is used" "JVM options: $(tr '\n' ' ' <"$work/reader/jvm")"
fi
empty=$work/empty-cache
mkdir -p "$empty/schema-drift"
chmod -R a-w "$empty"
run_as_reader read_only XDG_CACHE_HOME="$empty"
same_as_plain read_only "read-only empty folder: the output of a plain start"
if [ "$(files "$cache/schema-drift")" = "$before" ] && [ -z "$(files "$empty/schema-drift")" ]; then
  ok "read-only folders: nothing written"
else
  not_ok "read-only folders: nothing written" "$(files "$cache/schema-drift") / $(files "$empty/schema-drift")"
fi
chmod -R u+w "$cache" "$empty"

run no_home -u HOME -u XDG_CACHE_HOME
same_as_plain no_home "no HOME and no XDG_CACHE_HOME: the output of a plain start"
touch "$work/a-file"
run unusable XDG_CACHE_HOME="$work/a-file"
same_as_plain unusable "a cache path that cannot be a folder: the output of a plain start"
run relative XDG_CACHE_HOME=relative/cache HOME="$work/home"
same_as_plain relative "a relative XDG_CACHE_HOME is ignored (XDG): the output of a plain start"
if [ ! -e relative ] && [ -d "$work/home/.cache/schema-drift" ]; then
  ok "a relative XDG_CACHE_HOME is ignored: the cache goes to \$HOME/.cache/schema-drift"
else
  not_ok "a relative XDG_CACHE_HOME is ignored" "$(ls -A "$work/home" 2>&1)"
fi
run opted_out XDG_CACHE_HOME="$work/opted-out" SCHEMA_DRIFT_ARCHIVE=off
if [ -z "$(cd "$work/opted-out/schema-drift" && ls -- cli-* 2>/dev/null)" ]; then
  ok "SCHEMA_DRIFT_ARCHIVE=off: no archive"
else
  not_ok "SCHEMA_DRIFT_ARCHIVE=off: no archive" "$(files "$work/opted-out/schema-drift")"
fi

# The JDK 21-24 path (AppCDS), forced on a newer JDK.
run appcds_first XDG_CACHE_HOME="$work/appcds" SCHEMA_DRIFT_ARCHIVE=appcds
run appcds_second XDG_CACHE_HOME="$work/appcds" SCHEMA_DRIFT_ARCHIVE=appcds LAUNCHER_TEST_JVM_ARGUMENTS="$work/appcds.jvm"
same_as_plain appcds_first "SCHEMA_DRIFT_ARCHIVE=appcds, first run: the output of a plain start"
same_as_plain appcds_second "SCHEMA_DRIFT_ARCHIVE=appcds, second run: the output of a plain start"
appcds_archive=$(cd "$work/appcds/schema-drift" && ls -- cli-*.appcds 2>/dev/null || true)
if [ -n "$appcds_archive" ] && grep -qxF -- "-XX:SharedArchiveFile=$work/appcds/schema-drift/$appcds_archive" "$work/appcds.jvm"; then
  ok "SCHEMA_DRIFT_ARCHIVE=appcds: the second run starts with the AppCDS archive"
else
  not_ok "SCHEMA_DRIFT_ARCHIVE=appcds: the second run starts with the AppCDS archive" \
    "found: $(files "$work/appcds/schema-drift")" "JVM options: $(tr '\n' ' ' <"$work/appcds.jvm")"
fi

# Concurrent first runs: each trains into a file of its own and renames it; one archive remains.
together=$work/together
for index in 1 2 3; do
  run "together$index" XDG_CACHE_HOME="$together" &
done
wait
for index in 1 2 3; do
  same_as_plain "together$index" "concurrent first run $index: the output of a plain start"
done
if [ "$(files "$together/schema-drift")" = "$(cd "$together/schema-drift" && ls -- cli-*."$kind") java-home " ]; then
  ok "concurrent first runs: one archive, no partial file"
else
  not_ok "concurrent first runs: one archive, no partial file" "found: $(files "$together/schema-drift")"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
