# The two commands of the README: `make dev` and `make test`.
# Nextcloud comes from NEXTCLOUD_ARCHIVE (a release archive) or NEXTCLOUD_DIR (an unpacked
# server directory); see README.md.

SHELL := /usr/bin/env bash
.SHELLFLAGS := -euo pipefail -c


## The stages of `make test`, in order; each is a target below, run and timed by
## scripts/stages.sh. A new suite: add a target and list it here.
TEST_STAGES := requirements deps lint typecheck static openapi-check test-js test-php test-documents build appstore test-integration test-cluster-subset

# Machine-readable results of the unit suites, for the totals that .ci/run prints at its end.
RESULTS_DIR ?= $(or $(PILOTFEEDBACK_RUNTIME),$(HOME)/.cache/pilotfeedback)/unit-results

.PHONY: dev cluster cluster-rush test-cluster test-cluster-subset test requirements requirements-dev deps build appstore lint typecheck static openapi openapi-check test-js test-php test-documents test-integration bench bench-exports bench-sheet

## Serve a seeded development Nextcloud with this app on http://127.0.0.1:8080
dev:
	scripts/check-requirements.sh dev
	$(MAKE) --no-print-directory deps build
	scripts/dev.sh

## Run every stage; prints each stage's wall time and a table of them at the end
test:
	scripts/stages.sh $(TEST_STAGES)

requirements:
	scripts/check-requirements.sh test

requirements-dev:
	scripts/check-requirements.sh dev

deps: node_modules/.package-lock.json vendor/autoload.php

# Reinstall only when the lock files change.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

vendor/autoload.php: composer.json composer.lock
	composer install --no-interaction --no-progress
	touch $@

# Rebuild only when the frontend's sources or dependencies change.
FRONTEND_SOURCES := $(shell find src -type f) package-lock.json vite.config.ts tsconfig.json
js/pilotfeedback-main.mjs: node_modules/.package-lock.json $(FRONTEND_SOURCES)
	npm run build
	touch $@

build: js/pilotfeedback-main.mjs

## build/artifacts/pilotfeedback-<version>.tar.gz, as the app store expects it
appstore: build
	scripts/appstore.sh

lint: deps
	npm run lint
	composer run cs:check

typecheck: deps
	npm run typecheck

## psalm at errorLevel 1 over lib/, with the OCP types of the Nextcloud server (NEXTCLOUD_DIR)
static: deps
	scripts/static-analysis.sh

test-js: deps
	mkdir -p $(RESULTS_DIR)
	npm test -- --reporter=default --reporter=json --outputFile.json=$(RESULTS_DIR)/vitest-unit.json

test-php: deps
	mkdir -p $(RESULTS_DIR)
	NEXTCLOUD_DIR="$$(scripts/nextcloud-source.sh)" composer run test:unit -- --log-junit $(RESULTS_DIR)/phpunit.xml

## The report writers' files opened and converted by LibreOffice headless; their numbers compared
test-documents: deps
	scripts/test-documents.sh

## Regenerate openapi.json from the controllers and lib/ResponseDefinitions.php, then src/types/openapi.ts
openapi: deps
	composer run openapi
	npm run typescript:generate

# Fails, printing the diff, when the committed openapi.json is not what the PHP source generates,
# or src/types/openapi.ts not what openapi.json generates.
openapi-check: deps
	composer run openapi:check
	@generated=$$(mktemp --suffix=.ts) && trap 'rm -f "$$generated"' EXIT && \
		npx openapi-typescript openapi.json -o "$$generated" --silent && \
		if ! diff -u src/types/openapi.ts "$$generated"; then \
			echo 'src/types/openapi.ts differs from what openapi.json generates (- committed, + generated). Run `make openapi` and commit the result.' >&2; exit 1; \
		fi && echo 'src/types/openapi.ts matches openapi.json.'

## Integration and browser suites on a fresh Nextcloud per database (DB=sqlite|pgsql|mysql
## picks one), with the app installed from the app store tarball
test-integration: appstore
	scripts/test-integration.sh

## A two-node Nextcloud cluster (nginx round robin over two PHP-FPM, PostgreSQL primary and
## replica, Redis, APCu; background jobs on node b) with the demo data, on http://127.0.0.1:8190;
## node a on :8191, node b on :8192 (see docs/deployment.md); Ctrl+C stops it all
cluster:
	scripts/check-requirements.sh dev
	$(MAKE) --no-print-directory deps build
	scripts/cluster.sh

## The integration and browser suites through the cluster's balancer, with the cross-node
## checks (test/cluster/cluster.spec.ts); CLUSTER_SPECS picks some, e.g.
## CLUSTER_SPECS="test/integration/smoke.spec.ts test/cluster/cluster.spec.ts"
test-cluster: build
	scripts/cluster.sh --run npx vitest run --config vitest.integration.config.ts $(CLUSTER_SPECS)

## The end-of-month rush through the cluster: 200 testers for a minute through node a alone
## and through both; prints requests per second and CPU time per request (docs/deployment.md)
cluster-rush: build
	scripts/cluster.sh --run node test/bench/rush.mjs

## The cluster stage of make test (and so of CI): what fits its time through the balancer,
## with every cross-node check; make test-cluster runs every suite
CLUSTER_SUBSET := test/integration/smoke.spec.ts test/integration/permissions.spec.ts \
	test/integration/concurrency.spec.ts test/integration/reports.spec.ts test/cluster/
test-cluster-subset: build
	mkdir -p $(RESULTS_DIR)
	scripts/cluster.sh --run npx vitest run --config vitest.integration.config.ts \
		--reporter=default --reporter=json --outputFile.json=$(RESULTS_DIR)/vitest-cluster.json $(CLUSTER_SUBSET)

## Seed 20 000 items and 100 000 assessments into the dev server (once) and print the API's
## median and 95th-percentile times next to Nextcloud's /cloud/user floor; NEXTCLOUD_URL
## and BENCH_INSTANCE pick another server, BENCH_DB=sqlite|pgsql|mysql an instance of its own
## (PostgreSQL, MariaDB: a throwaway server), BENCH_SCALE=1m a million assessments (see scripts/bench.sh)
bench: bench-exports
	scripts/bench.sh

## Time and PHP peak memory of the CSV, ODS and XLSX writers for 100 000 generated rows
bench-exports: deps
	php scripts/bench-exports.php
## Print the rating sheet's time to its first score input in Chromium, on the demo data and on
## a large catalogue (20 components × 8 criteria, created through the API once); figures, not a
## timed test. NEXTCLOUD_URL picks the server (default: the make dev server)
bench-sheet: build
	NEXTCLOUD_URL="$${NEXTCLOUD_URL:-http://127.0.0.1:$${DEV_PORT:-8080}}" node test/bench/rating-sheet.mjs
