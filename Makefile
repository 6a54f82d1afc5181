# Every target finds a JDK >= 21 itself (scripts/find-jdk.sh) and uses the pinned Maven (./mvnw).
# Python tools (moto server, awscli) live in .venv/, made from pinned versions by
# scripts/python-tools.sh on first use.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
MVNW := ./mvnw

.PHONY: build test fmt clean jdk rules-doc demo localtest moto-start moto-stop moto-status bench fuzz oracle oracle-ci
.PHONY: template-check package deploy upload

jdk:
	@scripts/find-jdk.sh >/dev/null

## build: compile, unit-test nothing, and produce the jars (cli/target/schema-drift.jar and the
##        Lambda jars schema-diff/target/schema-diff-lambda.jar, report-generator/target/report-generator-lambda.jar)
build: jdk
	$(MVNW) -q -DskipTests -Djacoco.skip=true -Dspotless.check.skip=true package

## test: the template checks (template-check), the shell scripts' self-test, then every unit and
##       integration test, enforcer rules, formatter check, coverage report; all against a private
##       moto server that scripts/with-moto.sh starts on 127.0.0.1 (AWS_ENDPOINT_URL) and always stops.
##       Last, the shared module's tests once more from a copy in a temporary folder with no handbook
##       folder above it (scripts/test-standalone.sh): a clone on its own must pass.
test: jdk template-check
	scripts/with-moto.sh bash -c 'scripts/test-scripts.sh && scripts/moto.sh reset && $(MVNW) verify'
	scripts/test-standalone.sh

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
	  --data-root examples/data --out out --format junit,sarif --create-missing || status=$$?; \
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

## fuzz: each Jazzer fuzz test (parsers, readers, the comparison) in fuzzing mode for FUZZ_SECONDS
##       (default 60) per target; findings land in the target's *FuzzTestInputs folder, where
##       `make test` replays them once committed; logs and a summary in target/fuzz/
##       (scripts/fuzz.sh, docs/RELIABILITY.md). FUZZ_TARGETS='type/TypeParserFuzzTest#parse' for one.
fuzz: jdk
	scripts/fuzz.sh

## oracle: the verdict oracle (docs/ORACLE.md): each experiment in oracle/experiments/ written and
##         read in Trino's Hive connector (in-process, needs a JDK 25) and judged by the rule engine.
##         Last line `oracle: N experiments, A agree, D disagree, U undecided` (the line before it
##         counts the resolved ones); exits 1 when a disagreement has no line in
##         oracle/resolutions.tsv. Table in oracle/target/oracle-report.md.
##         The oracle's own unit tests run first (only they: the other modules' tests are make test's).
##         ORACLE_REPORT=docs/ORACLE.md refreshes the table between the markers of that page instead;
##         ORACLE_ONLY='REGEX' runs only the experiments whose id (RULE_ID/case/format) it finds.
## oracle-ci: CI's bounded subset of the oracle: the first experiment of each rule, format,
##         partitioning and access switch (every rule and format measured at least once), same
##         last line and exit code. .ci/run runs it after make test.
ORACLE_JAVA_OPTIONS := --add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED
ORACLE_REPORT ?= oracle/target/oracle-report.md
ORACLE_ONLY ?=
ORACLE_OPTIONS ?=
oracle:
	@JDK_REQUIRED=25 scripts/find-jdk.sh >/dev/null
	JDK_REQUIRED=25 $(MVNW) -q -P oracle -pl oracle -am package -Djacoco.skip=true -Dspotless.check.skip=true \
	  -Dtest='dev.schemadrift.oracle.*Test' -Dsurefire.failIfNoSpecifiedTests=false
	"$$(JDK_REQUIRED=25 scripts/find-jdk.sh)/bin/java" $(ORACLE_JAVA_OPTIONS) \
	  -cp "oracle/target/classes:$$(cat oracle/target/classpath.txt)" dev.schemadrift.oracle.Oracle \
	  oracle/experiments oracle/resolutions.tsv oracle/target/work $(ORACLE_REPORT) $(if $(ORACLE_ONLY),'--only=$(ORACLE_ONLY)') $(ORACLE_OPTIONS)

oracle-ci:
	$(MAKE) --no-print-directory oracle ORACLE_OPTIONS=--covering ORACLE_REPORT=oracle/target/oracle-ci-report.md

## moto-start: start a moto server for hand-run tests (state in target/moto/); prints its
##             AWS_ENDPOINT_URL. Use it with AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing
##             AWS_REGION=us-east-1. moto-stop stops it, moto-status tells whether it runs.
moto-start:
	@scripts/moto.sh start

moto-stop:
	@scripts/moto.sh stop

moto-status:
	@scripts/moto.sh status || true

## template-check: cfn-lint, the SAM transform and checkov on template.yaml, then the SAM CLI's
##                 sam validate, sam validate --lint and sam build (scripts/check-template.sh;
##                 tools from .venv-lint/ and .venv-sam/, else .venv/). Offline: no AWS account.
template-check:
	@if [ -x scripts/python-tools.sh ]; then scripts/python-tools.sh lint && scripts/python-tools.sh sam; fi
	scripts/check-template.sh

# ---------------------------------------------------------------------------------- deployment
# docs/DEPLOY.md explains each step. Set the variables on the command line, e.g.
#   make deploy ARTIFACT_BUCKET=my-artifacts REGION=eu-west-1 CONTRACT_BUCKET=my-contracts \
#     REPORT_BUCKET=my-reports GLUE_DATABASES=nyc_parks,nyc_schools DATA_BUCKETS=my-lake
# package and deploy print each aws command before running it, and stop before running anything
# when a variable they need is empty.
STACK ?= schema-drift
REGION ?= $(or $(AWS_REGION),$(AWS_DEFAULT_REGION))
ARTIFACT_BUCKET ?=
MODE ?= registry
CONTRACT_BUCKET ?=
REPORT_BUCKET ?=
REGISTRY_BUCKET ?= $(CONTRACT_BUCKET)
REGISTRY_KEY ?= configs/tables.json
CONTRACT_KEY ?=
GLUE_DATABASES ?=
DATA_BUCKETS ?=
DATA_PREFIXES ?= *
SCHEDULE ?= cron(0 6 * * ? *)
SCHEDULE_TIMEZONE ?= UTC
SCHEDULE_ENABLED ?= true
MAX_TABLES_PER_RUN ?= 1000
# More Key=Value overrides, e.g. PARAMETERS="CreateNotificationTopic=true LogRetentionInDays=90"
PARAMETERS ?=
AWS ?= aws
PACKAGED := target/packaged.yaml
LAMBDA_JARS := schema-diff/target/schema-diff-lambda.jar report-generator/target/report-generator-lambda.jar

# $(call require,VARIABLE,what it is): stops make with a message when VARIABLE is empty.
require = $(if $(strip $($(1))),,$(error $(1) is not set: $(2)))

# Checked when make reads the Makefile, so that nothing runs (not even the build) with a gap.
ifneq ($(filter package deploy,$(MAKECMDGOALS)),)
$(call require,ARTIFACT_BUCKET,the S3 bucket that aws cloudformation package uploads the jars to)
$(call require,REGION,the AWS region (or set AWS_REGION))
endif
ifneq ($(filter deploy,$(MAKECMDGOALS)),)
$(if $(filter registry single,$(MODE)),,$(error MODE must be registry or single; not '$(MODE)'))
$(call require,CONTRACT_BUCKET,the bucket holding contracts/)
$(call require,REPORT_BUCKET,the bucket for diffs/ runs/ reports/ state/ and index.html)
$(call require,GLUE_DATABASES,the Glue databases the contracts name (comma separated))
$(call require,DATA_BUCKETS,the buckets of the data_location URIs (comma separated))
$(if $(filter registry,$(MODE)),$(call require,REGISTRY_BUCKET,the bucket holding REGISTRY_KEY (MODE=registry)))
$(if $(filter single,$(MODE)),$(call require,CONTRACT_KEY,the contract a run checks such as contracts/nyc_parks/parks_properties.json (MODE=single)))
endif

MODE_PARAMETERS_registry = 'RegistryBucket=$(REGISTRY_BUCKET)' 'RegistryKey=$(REGISTRY_KEY)' 'ContractKey='
MODE_PARAMETERS_single = 'RegistryBucket=' 'ContractKey=$(CONTRACT_KEY)'

PACKAGE_COMMAND = $(AWS) cloudformation package --region $(REGION) --template-file template.yaml \
  --s3-bucket $(ARTIFACT_BUCKET) --s3-prefix $(STACK) --output-template-file $(PACKAGED)
DEPLOY_COMMAND = $(AWS) cloudformation deploy --region $(REGION) --template-file $(PACKAGED) \
  --s3-bucket $(ARTIFACT_BUCKET) --s3-prefix $(STACK) \
  --stack-name $(STACK) --capabilities CAPABILITY_IAM CAPABILITY_AUTO_EXPAND --no-fail-on-empty-changeset \
  --parameter-overrides 'ContractBucket=$(CONTRACT_BUCKET)' 'ReportBucket=$(REPORT_BUCKET)' \
  $(MODE_PARAMETERS_$(MODE)) 'GlueDatabases=$(GLUE_DATABASES)' 'DataBuckets=$(DATA_BUCKETS)' \
  'DataPrefixes=$(DATA_PREFIXES)' 'MaxTablesPerRun=$(MAX_TABLES_PER_RUN)' \
  'ScheduleExpression=$(SCHEDULE)' 'ScheduleTimezone=$(SCHEDULE_TIMEZONE)' \
  'ScheduleEnabled=$(SCHEDULE_ENABLED)' $(PARAMETERS)

$(LAMBDA_JARS) &: $(SOURCES)
	$(MVNW) -q -pl schema-diff,report-generator -am -DskipTests -Djacoco.skip=true -Dspotless.check.skip=true package
	@touch $(LAMBDA_JARS)

## package: upload the Lambda jars to ARTIFACT_BUCKET and write target/packaged.yaml (builds the jars
##          when sources changed). Needs ARTIFACT_BUCKET, REGION.
package: jdk $(LAMBDA_JARS)
	@mkdir -p target
	@echo "+ $(PACKAGE_COMMAND)"
	@$(PACKAGE_COMMAND)

## deploy: package, then create or update stack STACK. MODE=registry (REGISTRY_BUCKET, default
##         CONTRACT_BUCKET; REGISTRY_KEY) or MODE=single (CONTRACT_KEY). Needs CONTRACT_BUCKET,
##         REPORT_BUCKET, GLUE_DATABASES, DATA_BUCKETS; SCHEDULE, SCHEDULE_TIMEZONE,
##         SCHEDULE_ENABLED, DATA_PREFIXES, MAX_TABLES_PER_RUN and PARAMETERS are optional.
deploy: package
	@echo "+ $(DEPLOY_COMMAND)"
	@$(DEPLOY_COMMAND)

## upload: copy contracts/ to CONTRACT_BUCKET and, with MODE=registry, configs/tables.json to
##         REGISTRY_BUCKET/REGISTRY_KEY (scripts/upload_contracts_all.sh, scripts/upload_registry.sh)
upload:
	$(call require,CONTRACT_BUCKET,the bucket holding contracts/)
	$(if $(REGION),AWS_DEFAULT_REGION=$(REGION) )scripts/upload_contracts_all.sh $(CONTRACT_BUCKET)
	$(if $(filter registry,$(MODE)),$(if $(REGION),AWS_DEFAULT_REGION=$(REGION) )REGISTRY_KEY=$(REGISTRY_KEY) scripts/upload_registry.sh $(REGISTRY_BUCKET))
