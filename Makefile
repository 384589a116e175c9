# The two commands of the README: `make dev` and `make test`.
# Both take NEXTCLOUD_DIR (a Nextcloud server directory); see README.md.

SHELL := /usr/bin/env bash
.SHELLFLAGS := -euo pipefail -c

.PHONY: dev test deps build lint typecheck static test-js test-php test-integration bench openapi openapi-check

## Serve a seeded development Nextcloud with this app on http://127.0.0.1:8080
dev: build
	scripts/dev.sh

## Run every suite; integration and browser suites need NEXTCLOUD_DIR or NEXTCLOUD_URL
test: lint typecheck static openapi-check test-js test-php test-integration

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

## psalm at errorLevel 1 over lib/, with the OCP types of the Nextcloud server (NEXTCLOUD_DIR)
static: deps
	scripts/static-analysis.sh

test-js: deps
	npm test

test-php: deps
	NEXTCLOUD_DIR="$$(scripts/nextcloud-source.sh)" composer run test:unit

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

# The browser suite loads the built frontend from the repository.
test-integration: build
	scripts/test-integration.sh

## Seed 100 000 items and 50 000 assessments into the dev server (once) and print the API's
## median and 95th-percentile times next to Nextcloud's /cloud/user floor; NEXTCLOUD_URL
## and BENCH_INSTANCE pick another server
bench:
	scripts/bench.sh
