/**
 * The quarter a month falls in, as the API names it: 2026-05 → 2026-Q2.
 *
 * @param month a month, YYYY-MM
 */
export function quarterOf(month: string): string {
	const [year, number] = month.split('-')
	return `${year}-Q${Math.floor((Number(number) - 1) / 3) + 1}`
}

/**
 * The document language for a Nextcloud language code: German for every German variant, else English.
 *
 * @param language a Nextcloud language code like de_DE or en
 */
export function documentLanguage(language: string): 'de' | 'en' {
	return language.toLowerCase().startsWith('de') ? 'de' : 'en'
}
