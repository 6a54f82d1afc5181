#!/bin/sh
# Prints the home of a JDK >= 21 (>= $JDK_REQUIRED when set, e.g. 25 for make oracle): $JAVA_HOME when it qualifies, else the newest under /usr/lib/jvm.
# Exits 1 with a clear message when there is none, so every entry point fails the same way.
set -eu
required=${JDK_REQUIRED:-21}

major_of() {
  # The JDK's feature release, read from the release file (no JVM start needed) or from java itself.
  home=$1
  if [ -r "$home/release" ]; then
    version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release")
  elif [ -x "$home/bin/java" ]; then
    version=$("$home/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/.*java.specification.version = //p')
  else
    version=
  fi
  case $version in
    1.*) echo "$version" | cut -d. -f2 ;;
    "") echo 0 ;;
    *) echo "$version" | cut -d. -f1 ;;
  esac
}

is_jdk() { [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ]; }

if [ -n "${JAVA_HOME:-}" ] && is_jdk "$JAVA_HOME" && [ "$(major_of "$JAVA_HOME")" -ge "$required" ]; then
  echo "$JAVA_HOME"
  exit 0
fi

best=
best_major=0
for home in /usr/lib/jvm/*; do
  [ -d "$home" ] || continue
  is_jdk "$home" || continue
  major=$(major_of "$home")
  if [ "$major" -ge "$required" ] && [ "$major" -gt "$best_major" ]; then
    best=$home
    best_major=$major
  fi
done

if [ -z "$best" ]; then
  {
    echo "error: no JDK >= $required found."
    if [ -n "${JAVA_HOME:-}" ]; then
      echo "  JAVA_HOME=$JAVA_HOME is release $(major_of "$JAVA_HOME") (or not a JDK)."
    fi
    echo "  Looked under /usr/lib/jvm: $(ls /usr/lib/jvm 2>/dev/null | tr '\n' ' ')"
    echo "  Install one (e.g. 'apt-get install openjdk-21-jdk-headless') or set JAVA_HOME to a JDK >= $required."
  } >&2
  exit 1
fi
echo "$best"
