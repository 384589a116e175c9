/**
 * Comments and documents name only files that exist: every repository-relative path
 * (lib/…, src/…, docs/…, scripts/…, test/…), every top-level document in capitals (XYZ.md)
 * and every relative Markdown link, in the docs, the backend, the frontend, the scripts and
 * the tests, is looked up on disk. The whole text of a file is read, so paths in strings
 * (an error message naming a script) must exist as well.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

/** Repository root */
const ROOT = join(__dirname, '..', '..', '..')

/** This file, not scanned: its lists and examples name missing files on purpose */
const SELF = relative(ROOT, __filename)
/** Folders never scanned: dependencies, build output, caches */
const SKIPPED_DIRS = new Set(['.git', 'node_modules', 'vendor', 'js', 'css', 'build', '.phpunit.cache'])

/** The repository's top-level folders a path may start with (build output such as js/ and build/ is not among them) */
const TOP_DIRS = ['lib', 'src', 'docs', 'scripts', 'test', 'dev', 'appinfo', 'templates', 'l10n', 'img', 'vendor-bin', '.ci']

/** A repository-relative path: a top-level folder, then path characters */
const PATH = new RegExp(String.raw`(?<![\w./~$@-])((?:${TOP_DIRS.map((d) => d.replace('.', '\\.')).join('|')})/[\w@./-]*)`, 'g')
/** A top-level document in capitals: README.md, CONTRIBUTING.md */
const TOP_DOC = /(?<![\w./~$@-])([A-Z][A-Z0-9_-]*\.md)\b/g
/** The target of a Markdown link or image */
const LINK = /\]\(([^)\s]+)\)/g
/** Characters that turn what precedes them into a pattern or a placeholder: globs, <version>, {id}, $VAR, … */
const PLACEHOLDER = /^[*{<$[…]/
/** A one-letter folder or file name stands for any (src/X/y.ts); the repository has none */
const ONE_LETTER = /(^|\/)[A-Za-z](\.[\w.]+)?(\/|$)/

/**
 * Paths that name files of another tree, not of this repository: the Nextcloud server's
 * (static analysis and the release check read lib/public and lib/base.php of the server).
 */
const OTHER_TREES = [/^lib\/(public|private|base\.php)(\/|$)/]

/**
 * References to files that do not exist, in files this suite may not change; each one is
 * listed here so that the list can only shrink (an entry that no longer occurs fails too).
 * "file → reference".
 */
const KNOWN_MISSING: string[] = []

/**
 * Every file below a folder whose name passes the filter.
 *
 * @param dir the folder, relative to the root
 * @param keep which file names to return
 */
function files(dir: string, keep: (name: string) => boolean): string[] {
	const absolute = join(ROOT, dir)
	if (!existsSync(absolute)) {
		return []
	}
	return readdirSync(absolute, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name)
		if (entry.isDirectory()) {
			return SKIPPED_DIRS.has(entry.name) ? [] : files(path, keep)
		}
		return keep(entry.name) ? [path] : []
	})
}

/** The files whose text is checked, relative to the root */
function scanned(): string[] {
	const text = (name: string) => /\.(md|php|ts|vue|mjs|js|sh|xml)$/.test(name) && !name.endsWith('.d.ts')
	return [...new Set([
		...files('.', (name) => name.endsWith('.md')),
		...files('lib', (name) => name.endsWith('.php')),
		...files('dev', (name) => /\.(php|xml)$/.test(name)),
		...files('src', (name) => /\.(ts|vue)$/.test(name)),
		...files('scripts', () => true),
		...files('.ci', () => true),
		...files('test', text),
		'Makefile',
	])].filter((file) => file !== SELF).sort()
}

/**
 * The repository-relative paths a text names, without what follows a glob or placeholder.
 *
 * @param text the text
 */
function pathsIn(text: string): string[] {
	const found: string[] = []
	for (const match of text.matchAll(PATH)) {
		let path = match[1]!
		const next = text.slice(match.index! + match[0].length)
		if (PLACEHOLDER.test(next)) {
			// lib/Report/*ReportBuilder.php, pilotfeedback-<version>.tar.gz: only the folder is a path
			path = path.slice(0, path.lastIndexOf('/') + 1)
		}
		// A sentence's full stop or a dash is no part of the path
		path = path.replace(/[.-]+$/, '')
		found.push(path)
	}
	return found
}

/**
 * The folders a file's relative references may start from: the root, the file's folder, the
 * Nextcloud app (a folder with appinfo/info.xml) the file lies in, and the apps in its folder
 * (dev/README.md describes dev/pilotfeedback_dev/ in paths relative to that app).
 *
 * @param file the file, relative to the root
 */
function basesOf(file: string): string[] {
	const here = dirname(file)
	const bases = new Set(['.', here])
	for (let dir = here; dir !== '.' && dir !== ''; dir = dirname(dir)) {
		if (existsSync(join(ROOT, dir, 'appinfo', 'info.xml'))) {
			bases.add(dir)
		}
	}
	for (const entry of readdirSync(join(ROOT, here), { withFileTypes: true })) {
		if (entry.isDirectory() && existsSync(join(ROOT, here, entry.name, 'appinfo', 'info.xml'))) {
			bases.add(join(here, entry.name))
		}
	}
	return [...bases]
}

/**
 * "file → reference" for every reference of a file to a file or folder that does not exist.
 *
 * @param file the file, relative to the root
 */
function missingIn(file: string): string[] {
	return missingInText(file, readFileSync(join(ROOT, file), 'utf-8'))
}

/**
 * "file → reference" for every reference of a text to a file or folder that does not exist.
 *
 * @param file where the text is, relative to the root
 * @param text the text
 */
function missingInText(file: string, text: string): string[] {
	const here = dirname(file)
	const bases = basesOf(file)
	const exists = (path: string) => bases.some((base) => existsSync(join(ROOT, base, path)))
	const missing = new Set<string>()
	for (const path of pathsIn(text)) {
		if (!OTHER_TREES.some((pattern) => pattern.test(path)) && !ONE_LETTER.test(path) && !exists(path)) {
			missing.add(path)
		}
	}
	for (const [, doc] of text.matchAll(TOP_DOC)) {
		if (!exists(doc!)) {
			missing.add(doc!)
		}
	}
	if (file.endsWith('.md')) {
		for (const [, target] of text.matchAll(LINK)) {
			const path = target!.replace(/#.*$/, '')
			if (path !== '' && !/^[a-z]+:/i.test(path) && !existsSync(join(ROOT, here, path))) {
				missing.add(path)
			}
		}
	}
	return [...missing].map((path) => `${file} → ${path}`)
}

describe('references to files', () => {
	it('name only files and folders that exist', () => {
		const missing = scanned().flatMap(missingIn)
		expect(missing.filter((entry) => !KNOWN_MISSING.includes(entry))).toEqual([])
		expect(KNOWN_MISSING.filter((entry) => !missing.includes(entry))).toEqual([])
	})

	it('scans the docs, the backend, the frontend, the scripts and the tests', () => {
		const files = scanned()
		for (const file of ['README.md', 'docs/api.md', 'lib/AppInfo/Application.php', 'src/main.ts', 'scripts/bench.sh', 'test/integration/setup/fixtures.ts']) {
			expect(files).toContain(file)
		}
		// Enough paths are found for the check to mean something (about 90 distinct ones).
		const paths = new Set(files.flatMap((file) => pathsIn(readFileSync(join(ROOT, file), 'utf-8'))))
		expect(paths.size).toBeGreaterThan(50)
	})

	it('catches a document that does not exist, and no globs, placeholders or URL paths', () => {
		const comment = '/**\n * Links to the item list (see LIST-CONTRACT.md and docs/item-lists.md: the filters).\n */'
		expect(missingInText('src/utils/itemListLinks.ts', comment)).toEqual([
			'src/utils/itemListLinks.ts → docs/item-lists.md',
			'src/utils/itemListLinks.ts → LIST-CONTRACT.md',
		])
		expect(missingInText('docs/x.md', 'See [the API](api.md#item-list-filters), [the plan](plan.md) and [Nextcloud](https://nextcloud.com).')).toEqual(['docs/x.md → plan.md'])
		expect(pathsIn('see lib/Report/*ReportBuilder.php and build/artifacts/pilotfeedback-<version>.tar.gz, src/**/*.ts')).toEqual(['lib/Report/', 'src/'])
		expect(pathsIn('runs scripts/bench.sh. Then docs/api.md, test/e2e/.')).toEqual(['scripts/bench.sh', 'docs/api.md', 'test/e2e/'])
		expect(pathsIn('/ocs/v2.php/apps/pilotfeedback/api/v1, ~/.cache/pilotfeedback/dev/, $RUNTIME/dev')).toEqual([])
		expect(missingInText('test/unit/x.spec.ts', 'the spec of src/X/y.ts is test/unit/X/y.spec.ts; the server\'s lib/public')).toEqual([])
	})
})
