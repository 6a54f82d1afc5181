# shellcheck shell=bash
# Shared by scripts/upload_*.sh (sourced, not run; the caller sets `prog` and `set -euo pipefail`):
# finds the AWS CLI, points it at AWS_ENDPOINT_URL(_<SERVICE>) when set, and checks credentials
# and buckets, each failure as one clear line on stderr and exit 1.
#
# The CLI is $AWS_CLI when set, else `aws` on PATH, else the pinned one in .venv/bin/aws
# (scripts/python-tools.sh installs it). The endpoint is passed as --endpoint-url because older
# CLIs (awscli v1 before 1.29, botocore before 1.31) ignore AWS_ENDPOINT_URL.

# prog: the caller's name, for messages.
: "${prog:=$(basename "$0")}"
aws_lib_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

die() {
  echo "$prog: error: $*" >&2
  exit 1
}

find_aws_cli() {
  if [ -n "${AWS_CLI:-}" ]; then
    command -v "$AWS_CLI" >/dev/null 2>&1 || die "AWS_CLI=$AWS_CLI is not a command"
    aws_cli=$AWS_CLI
  elif command -v aws >/dev/null 2>&1; then
    aws_cli=aws
  elif [ -x "$aws_lib_root/.venv/bin/aws" ]; then
    aws_cli=$aws_lib_root/.venv/bin/aws
  else
    die "no AWS CLI: install one (e.g. apt-get install awscli) or run scripts/python-tools.sh for .venv/bin/aws"
  fi
}

# The endpoint the SDKs would use for SERVICE (e.g. S3, STS), or nothing for AWS itself.
endpoint_for() {
  local var=AWS_ENDPOINT_URL_$1
  echo "${!var:-${AWS_ENDPOINT_URL:-}}"
}

# aws_run SERVICE_ID CLI_COMMAND ARGS...: runs the CLI with the endpoint for SERVICE_ID.
aws_run() {
  local service=$1 endpoint
  shift
  endpoint=$(endpoint_for "$service")
  "$aws_cli" ${endpoint:+--endpoint-url "$endpoint"} "$@"
}

# The last non-empty line of a CLI error, on one line.
last_error_line() { grep -v '^[[:space:]]*$' | tail -n 1 | tr -d '\r'; }

check_credentials() {
  local err
  if err=$(aws_run STS sts get-caller-identity --output text 2>&1 >/dev/null); then
    return 0
  fi
  err=$(last_error_line <<<"$err")
  case $err in
    *"Unable to locate credentials"* | *NoCredentials* | *"credentials"*"not"*"found"*)
      die "no AWS credentials: configure them with 'aws configure', AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (the region with AWS_REGION)" ;;
    *"Could not connect to the endpoint URL"* | *"Connection refused"*)
      die "cannot reach AWS at ${AWS_ENDPOINT_URL:-its default endpoint}: $err" ;;
    *)
      die "AWS credentials not usable ('$aws_cli sts get-caller-identity' failed: $err); check 'aws configure', AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY" ;;
  esac
}

# normalise_bucket NAME: accepts NAME, s3://NAME and s3://NAME/.
normalise_bucket() {
  local b=${1#s3://}
  echo "${b%/}"
}

check_bucket() {
  local bucket=$1 err
  case $bucket in
    */*) die "'$bucket' is not a bucket name (give the bucket alone, no key or folder)" ;;
  esac
  if err=$(aws_run S3 s3api head-bucket --bucket "$bucket" 2>&1 >/dev/null); then
    return 0
  fi
  err=$(last_error_line <<<"$err")
  case $err in
    *"(404)"* | *"Not Found"* | *NoSuchBucket*)
      die "bucket '$bucket' does not exist (create it first: aws s3 mb s3://$bucket)" ;;
    *"(403)"* | *Forbidden*)
      die "no access to bucket '$bucket' (403 Forbidden): it belongs to another account or your credentials may not read it" ;;
    *"(400)"* | *"Bad Request"*)
      die "bucket '$bucket' rejected (400 Bad Request): check the bucket name and AWS_REGION" ;;
    *)
      die "cannot check bucket '$bucket': $err" ;;
  esac
}

# check_json FILE...: each file must parse as JSON (checked when python3 is at hand).
check_json() {
  [ $# -gt 0 ] || return 0
  local python=
  if command -v python3 >/dev/null 2>&1; then
    python=python3
  elif [ -x "$aws_lib_root/.venv/bin/python" ]; then
    python=$aws_lib_root/.venv/bin/python
  else
    return 0
  fi
  local err
  err=$("$python" - "$@" <<'PY' 2>&1
import json, sys
for path in sys.argv[1:]:
    try:
        with open(path, encoding="utf-8") as f:
            json.load(f)
    except (ValueError, UnicodeDecodeError) as e:
        sys.exit(f"{path} is not valid JSON: {e}")
PY
  ) || die "$err"
}
