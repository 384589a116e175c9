# The two commands of the README: `make dev` and `make test`.
# Both take NEXTCLOUD_DIR (a Nextcloud server directory); see README.md.

SHELL := /usr/bin/env bash
.SHELLFLAGS := -euo pipefail -c

.PHONY: dev test deps build lint typecheck test-js test-php test-integration bench

## Serve a seeded development Nextcloud with this app on http://127.0.0.1:8080
dev: build
	scripts/dev.sh

## Run every suite; integration and browser suites need NEXTCLOUD_DIR or NEXTCLOUD_URL
test: lint typecheck test-js test-php test-integration

deps: node_modules/.package-lock.json vendor/autoload.php

# Reinstall only when the lock files change.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci

vendor/autoload.php: composer.json $(wildcard composer.lock)
	composer install --no-interaction --no-progress
	touch $@

build: deps
	npm run build

lint: deps
	npm run lint
	composer run cs:check

typecheck: deps
	npm run typecheck

test-js: deps
	npm test

test-php: deps
	NEXTCLOUD_DIR="$$(scripts/nextcloud-source.sh)" composer run test:unit

# The browser suite loads the built frontend from the repository.
test-integration: build
	scripts/test-integration.sh

## Seed 20 000 items and 50 000 assessments into the dev server (once) and print the API's
## median and 95th-percentile times; NEXTCLOUD_URL and BENCH_INSTANCE pick another server
bench:
	scripts/bench.sh
