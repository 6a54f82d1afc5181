#!/usr/bin/env bash
# Uploads every contract to S3:  scripts/upload_contracts_all.sh [BUCKET]
# Each contracts/**/*.json and contracts/**/*.odcs.yaml goes to key contracts/<path below
# contracts/> (JSON as application/json, ODCS YAML as application/yaml), overwriting what is there;
# contracts deleted locally are left in S3. Running it again uploads the same objects again.
#   BUCKET          the first argument, else $CONTRACT_BUCKET (NAME or s3://NAME)
#   CONTRACTS_DIR   the folder to upload, default contracts (relative to the current directory)
#   AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_S3  an emulator such as moto (scripts/with-moto.sh sets it)
#   AWS_CLI         the CLI to use (default: aws on PATH, else .venv/bin/aws)
# Fails with one line on stderr when no bucket is given, the folder is missing or holds no
# contracts, a JSON contract does not parse, there are no usable credentials, or the bucket does
# not exist. Prints the number of objects uploaded and their keys.
set -euo pipefail
prog=upload_contracts_all.sh
# shellcheck source=scripts/aws-lib.sh
. "$(dirname "$0")/aws-lib.sh"

[ $# -le 1 ] || die "too many arguments (usage: $prog [BUCKET])"
bucket=$(normalise_bucket "${1:-${CONTRACT_BUCKET:-}}")
[ -n "$bucket" ] || die "no bucket: pass it as the first argument or set CONTRACT_BUCKET"
dir=${CONTRACTS_DIR:-contracts}
dir=${dir%/}
[ -d "$dir" ] || die "no contracts folder '$dir' in $PWD (run from the repository root or set CONTRACTS_DIR)"

# The contracts, as paths relative to $dir (symlinks followed, as the CLI does).
mapfile -t json < <(cd "$dir" && find -L . -type f -name '*.json' | sed 's#^\./##' | LC_ALL=C sort)
mapfile -t yaml < <(cd "$dir" && find -L . -type f -name '*.odcs.yaml' | sed 's#^\./##' | LC_ALL=C sort)
total=$((${#json[@]} + ${#yaml[@]}))
[ "$total" -gt 0 ] || die "no contracts (*.json, *.odcs.yaml) under '$dir'"
check_json "${json[@]/#/$dir/}"

find_aws_cli
check_credentials
check_bucket "$bucket"

# upload CONTENT_TYPE PATTERN: one recursive copy per content type; prints the keys written.
upload() {
  local out
  out=$(aws_run S3 s3 cp "$dir" "s3://$bucket/contracts" --recursive --no-progress \
    --exclude '*' --include "$2" --content-type "$1" 2>&1) || {
    echo "$out" >&2
    die "upload of $2 to s3://$bucket/contracts/ failed (above)"
  }
  # Lines read "upload: SRC to s3://BUCKET/KEY".
  sed -n "s#^upload: .* to s3://$bucket/##p" <<<"$out"
}

uploaded=
if [ ${#json[@]} -gt 0 ]; then
  uploaded+=$(upload application/json '*.json')$'\n'
fi
if [ ${#yaml[@]} -gt 0 ]; then
  uploaded+=$(upload application/yaml '*.odcs.yaml')$'\n'
fi

expected=$(for f in "${json[@]}" "${yaml[@]}"; do echo "contracts/$f"; done | LC_ALL=C sort)
actual=$(grep -v '^$' <<<"$uploaded" | LC_ALL=C sort)
if [ "$expected" != "$actual" ]; then
  diff <(echo "$expected") <(echo "$actual") >&2 || true
  die "the CLI uploaded other objects than the $total contracts found (diff above: < expected, > uploaded)"
fi
echo "uploaded $total contract(s) to s3://$bucket:"
while IFS= read -r key; do
  echo "  $key"
done <<<"$expected"
