# Every target finds a JDK >= 21 itself (scripts/find-jdk.sh) and uses the pinned Maven (./mvnw).
# Python tools (moto server, awscli) live in .venv/, made from pinned versions by
# scripts/python-tools.sh on first use.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
MVNW := ./mvnw

.PHONY: build test fmt clean jdk rules-doc demo localtest moto-start moto-stop moto-status bench

jdk:
	@scripts/find-jdk.sh >/dev/null

## build: compile, unit-test nothing, and produce the jars (cli/target/schema-drift.jar)
build: jdk
	$(MVNW) -q -DskipTests -Djacoco.skip=true -Dspotless.check.skip=true package

## test: the shell scripts' self-test, then every unit and integration test, enforcer rules,
##       formatter check, coverage report; all against a private moto server that
##       scripts/with-moto.sh starts on 127.0.0.1 (AWS_ENDPOINT_URL) and always stops
test: jdk
	scripts/with-moto.sh bash -c 'scripts/test-scripts.sh && scripts/moto.sh reset && $(MVNW) verify'

## fmt: rewrite the sources in google-java-format
fmt: jdk
	$(MVNW) -q spotless:apply

clean: jdk
	@scripts/moto.sh stop 2>/dev/null
	$(MVNW) -q clean

## rules-doc: regenerate the rule table in docs/RULES.md from the catalogue in code
rules-doc: jdk
	$(MVNW) -q -o -pl shared test -Djacoco.skip=true -Dtest=RuleCatalogueTest#docsCarryTheGeneratedTable -Dsurefire.failIfNoSpecifiedTests=false -Dupdate.docs=true

JAR := cli/target/schema-drift.jar
SOURCES := $(shell find pom.xml shared schema-diff report-generator cli -path '*/target' -prune -o \( -name '*.java' -o -name 'pom.xml' -o -name '*.ftl' -o -name '*.ftlh' \) -print 2>/dev/null)

$(JAR): $(SOURCES)
	$(MVNW) -q -DskipTests -Djacoco.skip=true -Dspotless.check.skip=true package
	@touch $(JAR)

## demo: the whole pipeline on the embedded local default (contracts/, configs/tables.json, Glue
## snapshots in examples/catalog, data folders in examples/data) -> out/index.html. No AWS needed.
demo: jdk $(JAR)
	@rm -rf out && mkdir -p out && cp -r examples/catalog out/catalog
	@status=0; bin/schema-drift check --registry configs/tables.json --catalog out/catalog \
	  --data-root examples/data --out out --format junit,sarif || status=$$?; \
	if [ $$status -eq 2 ]; then echo "demo failed (exit 2)" >&2; exit 2; fi; \
	echo; echo "Demo finished (exit $$status: the demo includes BREAKING and ERROR tables on purpose)."; \
	if [ -f out/index.html ]; then echo "Open $$(pwd)/out/index.html"; fi

## localtest: the same as demo
localtest: demo

## bench: the performance suite of docs/PERFORMANCE.md (JMH, peers, cold start, scale; under 10
##        minutes); prints a summary, keeps everything in target/bench/. BENCH_QUICK=1 for a smoke run.
bench: jdk
	$(MVNW) -q -pl benchmarks,cli -am package -DskipTests -Djacoco.skip=true -Dspotless.check.skip=true
	scripts/bench.sh

## moto-start: start a moto server for hand-run tests (state in target/moto/); prints its
##             AWS_ENDPOINT_URL. Use it with AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing
##             AWS_REGION=us-east-1. moto-stop stops it, moto-status tells whether it runs.
moto-start:
	@scripts/moto.sh start

moto-stop:
	@scripts/moto.sh stop

moto-status:
	@scripts/moto.sh status || true
