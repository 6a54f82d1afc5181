#!/usr/bin/env bash
# Proves that a clone on its own passes: runs the shared module's unit tests once from a copy of
# the repository in a fresh temporary folder, with no handbook folder (shared/fixtures) anywhere
# above it, and checks that the tests reading the handbook's third-party samples were skipped
# there rather than run against a handbook found elsewhere. `make test` runs it after the main
# build, so the dependencies are already in ~/.m2. The copy leaves out .git, target/, .venv*/ and
# out/, and is removed afterwards, whatever happens.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/schema-drift-standalone.XXXXXX")
trap 'rm -rf "$work"' EXIT
copy=$work/schema-drift
mkdir "$copy"

# A handbook above TMPDIR would be found from the copy too, and the run would prove nothing.
folder=$copy
while :; do
  if [ -d "$folder/shared/fixtures" ]; then
    echo "test-standalone: error: $folder/shared/fixtures is above the copy in $copy;" \
      "set TMPDIR to a folder with no shared/fixtures above it" >&2
    exit 2
  fi
  [ "$folder" != / ] || break
  folder=$(dirname "$folder")
done

tar -C "$root" --exclude=./.git --exclude=target --exclude='./.venv*' --exclude=./out -cf - . |
  tar -C "$copy" -xf -

echo "test-standalone: the shared module's tests in $copy (no handbook folder above it)"
(cd "$copy" && ./mvnw -q -pl shared test -Djacoco.skip=true)

reports=$copy/shared/target/surefire-reports
if ! grep -q 'Assumption failed: the handbook folder ../shared/fixtures/odcs is not beside the clone' \
  "$reports/TEST-dev.schemadrift.contract.OdcsContractReaderTest.xml"; then
  echo "test-standalone: error: the handbook's samples were not skipped in $copy, so a handbook" \
    "folder was found from there and this run proves nothing" >&2
  exit 1
fi
# count ATTRIBUTE: the sum of a <testsuite> attribute (tests, skipped) over every report.
count() {
  grep -ho '<testsuite [^>]*>' "$reports"/TEST-*.xml | grep -o "$1=\"[0-9]*\"" | tr -dc '0-9\n' |
    awk '{ sum += $1 } END { print sum + 0 }'
}
echo "test-standalone: passed: $(count tests) tests, $(count skipped) skipped" \
  "(the handbook's third-party samples, which are optional)"
