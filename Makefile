# The two commands of the README: `make dev` and `make test`.
# Nextcloud comes from NEXTCLOUD_ARCHIVE (a release archive) or NEXTCLOUD_DIR (an unpacked
# server directory); see README.md.

SHELL := /usr/bin/env bash
.SHELLFLAGS := -euo pipefail -c


## The stages of `make test`, in order; each is a target below, run and timed by
## scripts/stages.sh. A new suite: add a target and list it here.
TEST_STAGES := requirements deps lint typecheck test-js test-php build appstore test-integration

# Machine-readable results of the unit suites, for the totals that .ci/run prints at its end.
RESULTS_DIR ?= $(or $(PILOTFEEDBACK_RUNTIME),$(HOME)/.cache/pilotfeedback)/unit-results

.PHONY: dev test requirements requirements-dev deps build appstore lint typecheck test-js test-php test-integration bench

## Serve a seeded development Nextcloud with this app on http://127.0.0.1:8080
dev:
	scripts/check-requirements.sh dev
	$(MAKE) --no-print-directory build
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

test-js: deps
	mkdir -p $(RESULTS_DIR)
	npm test -- --reporter=default --reporter=json --outputFile.json=$(RESULTS_DIR)/vitest-unit.json

test-php: deps
	mkdir -p $(RESULTS_DIR)
	composer run test:unit -- --log-junit $(RESULTS_DIR)/phpunit.xml

## Integration and browser suites on a fresh Nextcloud per database (DB=sqlite|pgsql|mysql
## picks one), with the app installed from the app store tarball
test-integration: appstore
	scripts/test-integration.sh

## Seed 20 000 items and 50 000 assessments into the dev server (once) and print the API's
## median and 95th-percentile times; NEXTCLOUD_URL and BENCH_INSTANCE pick another server
bench:
	scripts/bench.sh
