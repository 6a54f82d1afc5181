#!/usr/bin/env bash
# Checks template.yaml offline, as `make test` does before Maven:
#   1 cfn-lint on template.yaml (SAM and AWS::LanguageExtensions aware): no error, no warning
#   2 the template as CloudFormation would deploy it: as JSON (expanded.json; any Fn::ForEach
#     would be expanded over sample values, though template.yaml has none, for the SAM CLI) and,
#     when aws-sam-translator is installed, the SAM transform applied (translated.json), both in
#     target/template-check/ (scripts/expand-template.py)
#   3 cfn-lint on translated.json: the generated Lambda, Version, Alias, EventInvokeConfig and
#     Scheduler resources (cfn-lint 1.x validates SAM resources by schema, not by transform)
#   4 checkov on template.yaml and expanded.json: no failed check; each skip is justified in the
#     resource's Metadata (checkov: skip: id + comment) and listed here
#   5 the AWS SAM CLI (.venv-sam/, scripts/python-tools.sh sam): sam validate, sam validate --lint
#     and sam build (no container, no Maven: the functions carry SkipBuild, so the built template
#     must point at the jars Maven makes); with a fixed region and dummy credentials, so that
#     nothing reads the caller's AWS configuration and nothing reaches AWS
# Tools come from .venv-lint/bin/ (scripts/python-tools.sh lint), .venv-sam/bin/ (... sam), else from
# .venv/bin/; a tool in neither stops the script with a message saying how to get it.
# Ends with "N passed, N failed" (and ", N skipped" when the SAM transform could not run).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
template=${1:-$root/template.yaml}
out=$root/target/template-check

die() {
  echo "check-template: error: $*" >&2
  exit 1
}

# find_tool NAME: the first of .venv-lint/bin/NAME and .venv/bin/NAME that exists.
find_tool() {
  local venv
  for venv in .venv-lint .venv-sam .venv; do
    if [ -x "$root/$venv/bin/$1" ]; then
      echo "$root/$venv/bin/$1"
      return 0
    fi
  done
  return 1
}

[ -r "$template" ] || die "no template at $template"
cfn_lint=$(find_tool cfn-lint) ||
  die "cfn-lint not found in .venv-lint/bin/ or .venv/bin/; create them with scripts/python-tools.sh lint (pins in scripts/requirements-lint.txt)"
checkov=$(find_tool checkov) ||
  die "checkov not found in .venv-lint/bin/ or .venv/bin/; create .venv-lint/ with scripts/python-tools.sh lint (pins in scripts/requirements-lint.txt)"
# expand-template.py imports cfn-lint's YAML decoder, so it runs on cfn-lint's Python.
python=$(dirname "$cfn_lint")/python
[ -x "$python" ] || die "no Python beside $cfn_lint"

passed=0 failed=0 skipped=0
pass() {
  echo "PASS $1"
  passed=$((passed + 1))
}
fail() {
  echo "FAIL $1" >&2
  failed=$((failed + 1))
}

echo "== cfn-lint $("$cfn_lint" --version | sed 's/^cfn-lint //') ($cfn_lint)"
if "$cfn_lint" -- "$template"; then
  pass "cfn-lint template.yaml: no errors, no warnings"
else
  fail "cfn-lint template.yaml (above)"
fi

echo "== apply the SAM transform"
rm -rf "$out"
status=0
"$python" "$root/scripts/expand-template.py" "$template" "$out" || status=$?
case $status in
  0)
    pass "template expands and passes the SAM transform ($("$python" -c 'import samtranslator; print("aws-sam-translator", samtranslator.__version__)'))"
    # W2001 (unused parameter) and W1020 (Fn::Sub without variables) come from expanding the
    # per-database and per-bucket loops over sample values; template.yaml itself gets every rule.
    if "$cfn_lint" --ignore-checks W2001 W1020 -- "$out/translated.json"; then
      pass "cfn-lint on the SAM-transformed template: no errors, no warnings"
    else
      fail "cfn-lint on the SAM-transformed template $out/translated.json (above)"
    fi
    ;;
  3)
    echo "SKIP SAM transform: aws-sam-translator is not installed beside $cfn_lint" \
      "(add aws-sam-translator to scripts/requirements-lint.txt)"
    skipped=$((skipped + 2))
    ;;
  *) fail "expanding template.yaml (above)" ;;
esac

if [ -r "$out/expanded.json" ]; then
  echo "== checkov $("$checkov" --version 2>/dev/null) ($checkov)"
  # --skip-download: no calls to the vendor's API (guidelines, custom policies); offline is enough.
  status=0
  "$checkov" --skip-download --framework cloudformation --output json \
    -f "$template" -f "$out/expanded.json" >"$out/checkov.json" 2>"$out/checkov.log" || status=$?
  summary=$("$python" - "$out/checkov.json" <<'EOF'
import json, sys
reports = json.load(open(sys.argv[1]))
reports = reports if isinstance(reports, list) else [reports]
totals = {"passed": 0, "failed": 0, "skipped": 0}
for report in reports:
    if "results" not in report:
        continue
    results = report["results"]
    name = report.get("check_type", "")
    for check in results.get("failed_checks", []):
        print(f"  FAILED {check['check_id']} {check['resource']} ({check['file_path']}): {check['check_name']}")
    for check in results.get("skipped_checks", []):
        comment = check.get("check_result", {}).get("suppress_comment", "")
        print(f"  skipped {check['check_id']} {check['resource']}: {comment}")
    for key in totals:
        totals[key] += report["summary"][key]
    if report["summary"].get("parsing_errors"):
        print(f"  PARSING ERRORS: {report['summary']['parsing_errors']}")
        totals["failed"] += 1
print(f"checkov: {totals['passed']} checks passed, {totals['failed']} failed, {totals['skipped']} skipped (justified in template.yaml)")
sys.exit(1 if totals["failed"] else 0)
EOF
  ) && summary_status=0 || summary_status=$?
  echo "$summary" | sort -u
  if [ "$status" -eq 0 ] && [ "$summary_status" -eq 0 ]; then
    pass "checkov on template.yaml and the expanded template: no failed checks"
  else
    [ -s "$out/checkov.log" ] && cat "$out/checkov.log" >&2
    fail "checkov (exit $status; failed checks above, raw report in $out/checkov.json)"
  fi
else
  fail "checkov not run: the template could not be expanded"
fi

sam=$(find_tool sam) || sam=
if [ -z "$sam" ]; then
  fail "sam not found in .venv-lint/bin/, .venv-sam/bin/ or .venv/bin/; create .venv-sam/ with scripts/python-tools.sh sam (pin in scripts/requirements-sam.txt)"
else
  # A region and credentials that lead nowhere: sam validate asks boto3 for a region, and the
  # checks must neither depend on nor touch the caller's AWS account. No telemetry either.
  sam_env=(env -u AWS_PROFILE -u AWS_DEFAULT_PROFILE -u AWS_SESSION_TOKEN SAM_CLI_TELEMETRY=0
    AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1 AWS_ACCESS_KEY_ID=check-template
    AWS_SECRET_ACCESS_KEY=check-template AWS_CONFIG_FILE=/dev/null
    AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_EC2_METADATA_DISABLED=true)
  echo "== $("${sam_env[@]}" "$sam" --version) ($sam)"
  # From the template's folder, as a SAM user runs it (samconfig.toml beside the template).
  cd "$(dirname "$template")"
  if "${sam_env[@]}" "$sam" validate --template-file "$template" >"$out/sam-validate.log" 2>&1; then
    pass "sam validate: $(tail -n 1 "$out/sam-validate.log" | sed 's/\. This is according.*//')"
  else
    cat "$out/sam-validate.log" >&2
    fail "sam validate (above)"
  fi
  if "${sam_env[@]}" "$sam" validate --lint --template-file "$template" >"$out/sam-lint.log" 2>&1; then
    pass "sam validate --lint: $(tail -n 1 "$out/sam-lint.log")"
  else
    cat "$out/sam-lint.log" >&2
    fail "sam validate --lint (above)"
  fi
  if "${sam_env[@]}" "$sam" build --template-file "$template" --build-dir "$out/sam-build" \
    --no-use-container >"$out/sam-build.log" 2>&1; then
    # SkipBuild keeps each CodeUri: it must still name the function's Maven jar, which
    # `sam deploy` then uploads.
    jars=$("$python" - "$out/sam-build" "$root" <<'EOF'
import os, sys
from cfnlint.decode import decode
build, root = sys.argv[1], os.path.realpath(sys.argv[2])
template, matches = decode(os.path.join(build, "template.yaml"))
if matches:
    sys.exit(f"sam build wrote an unreadable template: {matches}")
wrong = []
for name, resource in template["Resources"].items():
    if resource.get("Type") != "AWS::Serverless::Function":
        continue
    code = os.path.realpath(os.path.join(build, resource["Properties"]["CodeUri"]))
    relative = os.path.relpath(code, root)
    if not (relative.endswith("-lambda.jar") and relative.split(os.sep)[1:2] == ["target"]):
        wrong.append(f"{name}: {relative}")
    print(f"{name} -> {relative}")
if wrong:
    sys.exit("not a module's Maven jar: " + ", ".join(wrong))
EOF
    ) && jars_status=0 || jars_status=$?
    echo "$jars" | sed 's/^/  /'
    if [ "$jars_status" -eq 0 ]; then
      pass "sam build: both functions point at their Maven jars (make build makes them)"
    else
      fail "sam build: the built template does not point at the Maven jars (above)"
    fi
  else
    cat "$out/sam-build.log" >&2
    fail "sam build (above)"
  fi
  cd "$root"
fi

if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
