#!/usr/bin/env bash
# Self-test of the AWS CLI helper scripts (upload_contracts_all.sh, upload_registry.sh) against a
# running moto server:  scripts/with-moto.sh scripts/test-scripts.sh   (`make test` runs it so)
# It makes contracts and a registry in a temporary folder, uploads them into fresh buckets, checks
# keys, contents and content types with `aws s3api`, and checks every failure message (no bucket,
# missing folder or file, invalid JSON, no credentials, a bucket that does not exist, an
# unreachable endpoint); then bin/schema-drift's cache (scripts/test-launcher.sh). Ends with the
# line "N passed, M failed"; exits 1 when any check failed.
# Refuses to run unless AWS_ENDPOINT_URL points at this machine, so it never touches real AWS.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
scripts=$root/scripts

case ${AWS_ENDPOINT_URL:-} in
  http://127.0.0.1:* | http://localhost:*) ;;
  *)
    echo "test-scripts: error: AWS_ENDPOINT_URL='${AWS_ENDPOINT_URL:-}' is not a local emulator;" \
      "run it as scripts/with-moto.sh scripts/test-scripts.sh" >&2
    exit 2
    ;;
esac
# The checks below read S3 with the pinned CLI; the scripts under test use it too unless a check
# says otherwise (AWS_CLI), so the result does not depend on whichever aws is on PATH.
aws=$root/.venv/bin/aws
[ -x "$aws" ] || { echo "test-scripts: error: $aws is missing; run scripts/python-tools.sh" >&2; exit 2; }
export AWS_CLI=$aws

work=$(mktemp -d "${TMPDIR:-/tmp}/test-scripts.XXXXXX")
trap 'rm -rf "$work"' EXIT
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

# expect NAME RC PATTERN -- CMD...: runs CMD (in the current directory), passes when it exits
# with RC and its output (stdout and stderr) matches the extended regex PATTERN.
expect() {
  local name=$1 want_rc=$2 pattern=$3
  shift 4
  local out rc=0
  out=$("$@" 2>&1) || rc=$?
  if [ "$rc" -eq "$want_rc" ] && grep -Eq -- "$pattern" <<<"$out"; then
    ok "$name"
  else
    not_ok "$name" "exit $rc (want $want_rc), output should match /$pattern/:" "${out//$'\n'/$'\n'    }"
  fi
}

# check NAME ACTUAL EXPECTED: passes when the two strings are equal.
check() {
  if [ "$2" = "$3" ]; then
    ok "$1"
  else
    not_ok "$1" "got:      ${2//$'\n'/ }" "expected: ${3//$'\n'/ }"
  fi
}

keys() {
  "$aws" s3api list-objects-v2 --bucket "$1" ${2:+--prefix "$2"} --query 'Contents[].Key' --output text |
    tr '\t' '\n' | grep -v '^None$' | LC_ALL=C sort
}
content_type() { "$aws" s3api head-object --bucket "$1" --key "$2" --query ContentType --output text; }

# A project as the scripts expect it: contracts/ (two JSON contracts, one of them nested, an ODCS
# YAML contract, and a file that is no contract) and configs/tables.json.
project=$work/project
mkdir -p "$project/contracts/sales" "$project/configs"
cat >"$project/contracts/parks.json" <<'EOF'
{"contract_version": "1.0.0", "database": "nyc_parks", "table": "parks_properties", "format": "csv",
 "columns": [{"name": "gispropnum", "type": "string"}]}
EOF
cat >"$project/contracts/sales/orders.json" <<'EOF'
{"contract_version": "2.1.0", "database": "sales", "table": "orders", "format": "parquet",
 "columns": [{"name": "order_id", "type": "bigint"}, {"name": "amount", "type": "decimal(12,2)"}]}
EOF
cat >"$project/contracts/sales/customers.odcs.yaml" <<'EOF'
apiVersion: v3.0.2
kind: DataContract
id: sales-customers
EOF
echo "not a contract" >"$project/contracts/README.txt"
cat >"$project/configs/tables.json" <<'EOF'
{"tables": [{"database": "nyc_parks", "table": "parks_properties", "contract": "contracts/parks.json"}]}
EOF
expected_contract_keys=$(printf '%s\n' contracts/parks.json contracts/sales/customers.odcs.yaml contracts/sales/orders.json)

bucket=test-scripts-$$-$RANDOM
other_bucket=$bucket-other
"$aws" s3api create-bucket --bucket "$bucket" >/dev/null
"$aws" s3api create-bucket --bucket "$other_bucket" >/dev/null
cd "$project"

echo "# upload_contracts_all.sh"
expect "contracts: uploads 3 contracts and names them" 0 \
  "^uploaded 3 contract\(s\) to s3://$bucket:" -- \
  env -u CONTRACT_BUCKET "$scripts/upload_contracts_all.sh" "$bucket"
check "contracts: the keys are contracts/<path>, the .txt file is left out" \
  "$(keys "$bucket")" "$expected_contract_keys"
mkdir "$work/download"
"$aws" s3 cp "s3://$bucket/contracts" "$work/download" --recursive --only-show-errors
if diff -r --exclude README.txt "$project/contracts" "$work/download" >"$work/diff" 2>&1; then
  ok "contracts: the objects hold the files' bytes"
else
  not_ok "contracts: the objects hold the files' bytes" "$(cat "$work/diff")"
fi
check "contracts: JSON is stored as application/json" \
  "$(content_type "$bucket" contracts/sales/orders.json)" application/json
check "contracts: ODCS YAML is stored as application/yaml" \
  "$(content_type "$bucket" contracts/sales/customers.odcs.yaml)" application/yaml
expect "contracts: a second run succeeds (idempotent)" 0 "^uploaded 3 contract" -- \
  "$scripts/upload_contracts_all.sh" "s3://$bucket/"
check "contracts: ... and leaves the same keys" "$(keys "$bucket")" "$expected_contract_keys"
expect "contracts: CONTRACT_BUCKET, CONTRACTS_DIR, another directory, the aws on PATH" 0 \
  "^uploaded 3 contract" -- \
  env -C "$work" -u AWS_CLI CONTRACT_BUCKET="$other_bucket" CONTRACTS_DIR="$project/contracts/" \
  PATH="$root/.venv/bin:$PATH" "$scripts/upload_contracts_all.sh"
check "contracts: ... into that bucket" "$(keys "$other_bucket" contracts/)" "$expected_contract_keys"

echo "# upload_registry.sh"
expect "registry: uploads configs/tables.json" 0 \
  "^uploaded 1 object to s3://$bucket:" -- \
  env -u REGISTRY_BUCKET -u REGISTRY_KEY "$scripts/upload_registry.sh" "$bucket"
"$aws" s3 cp "s3://$bucket/configs/tables.json" "$work/tables.json" --only-show-errors
if cmp -s "$project/configs/tables.json" "$work/tables.json"; then
  ok "registry: the object at configs/tables.json holds the file's bytes"
else
  not_ok "registry: the object at configs/tables.json holds the file's bytes" "$(cat "$work/tables.json")"
fi
check "registry: stored as application/json" "$(content_type "$bucket" configs/tables.json)" application/json
expect "registry: REGISTRY_BUCKET and REGISTRY_KEY" 0 "custom/registry.json" -- \
  env REGISTRY_BUCKET="$other_bucket" REGISTRY_KEY=custom/registry.json "$scripts/upload_registry.sh"
check "registry: ... land at that key" "$(keys "$other_bucket" custom/)" custom/registry.json
expect "registry: a second run succeeds (idempotent)" 0 "^uploaded 1 object" -- \
  "$scripts/upload_registry.sh" "$bucket"

echo "# failures"
expect "contracts: no bucket" 1 "^upload_contracts_all.sh: error: no bucket: pass it as the first argument or set CONTRACT_BUCKET$" -- \
  env -u CONTRACT_BUCKET "$scripts/upload_contracts_all.sh"
expect "registry: no bucket" 1 "^upload_registry.sh: error: no bucket: pass it as the first argument or set REGISTRY_BUCKET$" -- \
  env -u REGISTRY_BUCKET "$scripts/upload_registry.sh"
expect "contracts: missing folder" 1 "error: no contracts folder 'nowhere' in " -- \
  env CONTRACTS_DIR=nowhere "$scripts/upload_contracts_all.sh" "$bucket"
mkdir "$work/empty"
expect "contracts: a folder without contracts" 1 "error: no contracts \(\*\.json, \*\.odcs\.yaml\) under" -- \
  env CONTRACTS_DIR="$work/empty" "$scripts/upload_contracts_all.sh" "$bucket"
expect "registry: missing configs/tables.json" 1 "error: registry file 'configs/tables.json' not found in " -- \
  env -C "$work" "$scripts/upload_registry.sh" "$bucket"
echo '{"tables": [' >"$work/broken.json"
expect "registry: a file that is not JSON" 1 "error: .*broken.json is not valid JSON" -- \
  env REGISTRY_FILE="$work/broken.json" "$scripts/upload_registry.sh" "$bucket"
expect "contracts: a bucket that does not exist" 1 "error: bucket 'no-such-bucket-$$' does not exist" -- \
  "$scripts/upload_contracts_all.sh" "no-such-bucket-$$"
expect "registry: a bucket that does not exist" 1 "error: bucket 'no-such-bucket-$$' does not exist" -- \
  "$scripts/upload_registry.sh" "no-such-bucket-$$"
no_credentials=(env -u AWS_ACCESS_KEY_ID -u AWS_SECRET_ACCESS_KEY -u AWS_SESSION_TOKEN -u AWS_PROFILE
  AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_EC2_METADATA_DISABLED=true)
expect "contracts: no credentials" 1 "error: no AWS credentials: configure them with 'aws configure'" -- \
  "${no_credentials[@]}" "$scripts/upload_contracts_all.sh" "$bucket"
expect "registry: no credentials" 1 "error: no AWS credentials: configure them with 'aws configure'" -- \
  "${no_credentials[@]}" "$scripts/upload_registry.sh" "$bucket"
expect "registry: an endpoint nobody answers" 1 "error: cannot reach AWS at http://127.0.0.1:9" -- \
  env AWS_ENDPOINT_URL=http://127.0.0.1:9 AWS_MAX_ATTEMPTS=1 "$scripts/upload_registry.sh" "$bucket"
check "failures: nothing else was written" "$(keys "$bucket")" \
  "$(printf '%s\n' configs/tables.json "$expected_contract_keys" | LC_ALL=C sort)"

echo "# bin/schema-drift (scripts/test-launcher.sh)"
if launcher_output=$("$scripts/test-launcher.sh" 2>&1); then
  ok "launcher self-test: ${launcher_output##*$'\n'}"
else
  not_ok "launcher self-test" "${launcher_output//$'\n'/$'\n'    }"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
