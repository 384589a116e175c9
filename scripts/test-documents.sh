#!/usr/bin/env bash
# Usage: scripts/test-documents.sh [phpunit options]
# The real-client check of the report writers: generates each format (ODT, DOCX, ODS, XLSX,
# CSV) from a known document and workbook, opens and converts it with LibreOffice headless, and
# compares the numbers and headings of the converted PDF/CSV with those computed from the data
# (test/php/Client/Report/LibreOfficeTest.php), and lays out a report's tables page by page
# (test/php/Client/Report/ReadableTablesTest.php: ids and dates unbroken, headers broken only
# between words, uniform decimals, wide tables on landscape pages, a filled table of contents,
# page numbers on every page). LibreOffice and poppler-utils are required: a
# missing soffice fails this stage, it is never skipped.
set -euo pipefail
source "$(dirname "$0")/common.sh"

for program in soffice pdftotext pdfimages pdfinfo; do
	command -v "$program" >/dev/null 2>&1 \
		|| die "$program is missing: sudo apt-get install libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils"
done
results="$RUNTIME/unit-results"
mkdir -p "$results"
cd "$REPO_DIR"
NEXTCLOUD_DIR="$(scripts/nextcloud-source.sh)" vendor/bin/phpunit -c test/php/phpunit.xml --testsuite libreoffice \
	--log-junit "$results/phpunit-documents.xml" "$@"
