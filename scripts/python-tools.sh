#!/usr/bin/env bash
# Creates or updates the project's Python tool environments with the pinned versions:
#   scripts/python-tools.sh [test|lint|sam|all]  (default: test)
#   test: .venv/      from scripts/requirements-test.txt (moto server, awscli v1, cfn-lint)
#   lint: .venv-lint/ from scripts/requirements-lint.txt (checkov, cfn-lint): a venv of its own
#         because checkov pins old boto3/packaging versions that moto should not get.
#   sam:  .venv-sam/  from scripts/requirements-sam.txt (the AWS SAM CLI): apart from both,
#         because it needs a newer boto3 than checkov allows.
# Fast when nothing changed: pip runs only when the venv's stamp file differs from the hash of
# the requirements file and the Python version. A broken venv (e.g. its Python was removed) is
# rebuilt. PYTHON names the interpreter to build from (default python3; it must be >= 3.10).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
python=${PYTHON:-python3}

die() {
  echo "python-tools: error: $*" >&2
  exit 1
}

# The version of $python, which must be >= 3.10 (moto 5.2 and awscli 1.46 need it).
base_python_version() {
  command -v "$python" >/dev/null 2>&1 ||
    die "'$python' not found; install Python >= 3.10 (Debian: apt-get install python3 python3-venv) or set PYTHON"
  local version
  version=$("$python" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3]); sys.exit(0 if sys.version_info >= (3, 10) else 3)') || {
    [ -n "${version:-}" ] && die "'$python' is Python $version; moto and awscli need >= 3.10 (set PYTHON to a newer one)"
    die "'$python' does not run"
  }
  echo "$version"
}

py_version() { "$1" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])' 2>/dev/null; }

# stamp_of VENV REQUIREMENTS: what the stamp must say for VENV to be up to date.
stamp_of() {
  local version
  version=$(py_version "$1/bin/python") || return 1
  { cat "$2"; echo "python $version"; } | sha256sum | cut -d' ' -f1
}

# ensure_venv DIR REQUIREMENTS: makes DIR a venv holding exactly what REQUIREMENTS pins.
ensure_venv() {
  local venv=$root/$1 requirements=$root/$2 lock_fd=
  [ -r "$requirements" ] || die "missing $requirements"
  local stamp=$venv/.requirements.sha256

  # Fast path: one start of the venv's own Python, no pip.
  if [ -x "$venv/bin/python" ] && [ -r "$stamp" ] &&
    [ "$(stamp_of "$venv" "$requirements" || true)" = "$(cat "$stamp")" ]; then
    return 0
  fi

  # One installer at a time per venv (make targets may run this concurrently).
  if command -v flock >/dev/null 2>&1; then
    exec {lock_fd}>"$venv.lock"
    flock "$lock_fd"
    # Someone else may have finished the job while we waited.
    if [ -x "$venv/bin/python" ] && [ -r "$stamp" ] &&
      [ "$(stamp_of "$venv" "$requirements" || true)" = "$(cat "$stamp")" ]; then
      exec {lock_fd}>&-
      return 0
    fi
  fi

  local started=$SECONDS version
  version=$(base_python_version)
  if [ -d "$venv" ] && [ "$(py_version "$venv/bin/python" || true)" != "$version" ]; then
    echo "python-tools: rebuilding $1 (its Python is broken or not $python $version)" >&2
    rm -rf "$venv"
  fi
  if [ ! -d "$venv" ]; then
    echo "python-tools: creating $1 with $python ($version)" >&2
    if ! "$python" -m venv "$venv" >"$venv.log" 2>&1; then
      cat "$venv.log" >&2
      rm -rf "$venv" "$venv.log"
      die "'$python -m venv' failed; on Debian install the venv module: apt-get install python3-venv"
    fi
    rm -f "$venv.log"
  fi

  echo "python-tools: installing $2 into $1" >&2
  rm -f "$stamp"
  PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1 \
    "$venv/bin/python" -m pip install --quiet --requirement "$requirements" ||
    die "pip install -r $2 failed (see above); is PyPI reachable?"
  local conflicts
  conflicts=$("$venv/bin/python" -m pip check 2>&1) ||
    die "the packages in $1 conflict; adjust the pins in $2:"$'\n'"$conflicts"
  stamp_of "$venv" "$requirements" >"$stamp"
  echo "python-tools: $1 ready in $((SECONDS - started)) s" >&2
  if [ -n "$lock_fd" ]; then
    exec {lock_fd}>&-
  fi
}

case ${1:-test} in
  test) ensure_venv .venv scripts/requirements-test.txt ;;
  lint) ensure_venv .venv-lint scripts/requirements-lint.txt ;;
  sam) ensure_venv .venv-sam scripts/requirements-sam.txt ;;
  all)
    ensure_venv .venv scripts/requirements-test.txt
    ensure_venv .venv-lint scripts/requirements-lint.txt
    ensure_venv .venv-sam scripts/requirements-sam.txt
    ;;
  -h | --help)
    sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
    ;;
  *) die "unknown environment '$1' (use test, lint, sam or all)" ;;
esac
