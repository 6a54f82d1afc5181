#!/usr/bin/env bash
# Uploads the table registry to S3:  scripts/upload_registry.sh [BUCKET]
# configs/tables.json goes to key $REGISTRY_KEY (default configs/tables.json) as
# application/json, overwriting what is there (running it again is harmless).
#   BUCKET          the first argument, else $REGISTRY_BUCKET (NAME or s3://NAME)
#   REGISTRY_FILE   the file to upload, default configs/tables.json (relative to the current directory)
#   REGISTRY_KEY    the object key, default configs/tables.json (as the functions read it)
#   AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_S3  an emulator such as moto (scripts/with-moto.sh sets it)
#   AWS_CLI         the CLI to use (default: aws on PATH, else .venv/bin/aws)
# Fails with one line on stderr when no bucket is given, the file is missing or is not JSON, there
# are no usable credentials, or the bucket does not exist. Prints what it uploaded.
set -euo pipefail
prog=upload_registry.sh
# shellcheck source=scripts/aws-lib.sh
. "$(dirname "$0")/aws-lib.sh"

[ $# -le 1 ] || die "too many arguments (usage: $prog [BUCKET])"
bucket=$(normalise_bucket "${1:-${REGISTRY_BUCKET:-}}")
[ -n "$bucket" ] || die "no bucket: pass it as the first argument or set REGISTRY_BUCKET"
file=${REGISTRY_FILE:-configs/tables.json}
key=${REGISTRY_KEY:-configs/tables.json}
key=${key#/}
[ -n "$key" ] || die "REGISTRY_KEY is empty"
[ -f "$file" ] || die "registry file '$file' not found in $PWD (run from the repository root or set REGISTRY_FILE)"
check_json "$file"

find_aws_cli
check_credentials
check_bucket "$bucket"

out=$(aws_run S3 s3api put-object --bucket "$bucket" --key "$key" --body "$file" \
  --content-type application/json --output text --query ETag 2>&1) || {
  echo "$out" >&2
  die "upload of $file to s3://$bucket/$key failed (above)"
}
echo "uploaded 1 object to s3://$bucket:"
echo "  $key ($(wc -c <"$file" | tr -d ' ') bytes, ETag $out)"
