# Every target finds a JDK >= 21 itself (scripts/find-jdk.sh) and uses the pinned Maven (./mvnw).
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
MVNW := ./mvnw

.PHONY: build test fmt clean jdk rules-doc

jdk:
	@scripts/find-jdk.sh >/dev/null

## build: compile, unit-test nothing, and produce the jars (cli/target/schema-drift.jar)
build: jdk
	$(MVNW) -q -DskipTests -Djacoco.skip=true -Dspotless.check.skip=true package

## test: every unit and integration test, enforcer rules, formatter check, coverage report
test: jdk
	$(MVNW) verify

## fmt: rewrite the sources in google-java-format
fmt: jdk
	$(MVNW) -q spotless:apply

clean: jdk
	$(MVNW) -q clean

## rules-doc: regenerate the rule table in docs/RULES.md from the catalogue in code
rules-doc: jdk
	$(MVNW) -q -o -pl shared test -Djacoco.skip=true -Dtest=RuleCatalogueTest#docsCarryTheGeneratedTable -Dsurefire.failIfNoSpecifiedTests=false -Dupdate.docs=true
