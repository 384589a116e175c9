/**
 * Title suggestions (GET /items/suggestions) come from the word index of the titles
 * (pf_item_words): they find titles by whole words and word beginnings in any order and
 * case, rank the titles matching more of the typed words first, follow edits of a title,
 * and never suggest a security finding to someone who may not see it.
 */
import type { Item, Login, Seed } from './setup/fixtures.ts'

import { beforeAll, describe, expect, it } from 'vitest'
import { api, createItem, expectApi, seed, uid } from './setup/fixtures.ts'

interface Suggestion { id: number, title: string, type: string, status: string, supportCount: number }

let s: Seed
/** Words that occur only in this suite's titles; letters only, so that they are whole index words. */
const word = (): string => `zq${uid().replace(/[^a-z]/g, '')}${uid().replace(/[^a-z]/g, '')}`.slice(0, 14)
const first = word()
const second = word()
const renamed = word()
const secretWord = word()
let both: Item
let onlyFirst: Item
let secret: Item
let publicTwin: Item

async function suggest(login: Login, q: string, limit = 20): Promise<number[]> {
	const list = await expectApi<Suggestion[]>(200, login, 'GET', `/items/suggestions?q=${encodeURIComponent(q)}&limit=${limit}`)
	return list.map((x) => x.id)
}

beforeAll(async () => {
	s = await seed()
	both = await createItem('rki-tester1', s, { title: `Calendar export ${first} loses the ${second} time zone` })
	onlyFirst = await createItem('bsh-tester1', s, { title: `Upload of ${first} files is slow` })
	secret = await createItem('rki-tester1', s, { type: 'security', title: `Session token leaks through ${secretWord} links` })
	publicTwin = await createItem('rki-tester1', s, { title: `Sharing dialog hides ${secretWord} links` })
})

describe('similar titles', () => {
	it('are found by a whole word, a word beginning and in any case', async () => {
		expect(await suggest('bsh-tester2', first)).toEqual(expect.arrayContaining([both.id, onlyFirst.id]))
		expect(await suggest('bsh-tester2', first.slice(0, 5))).toEqual(expect.arrayContaining([both.id, onlyFirst.id]))
		expect(await suggest('bsh-tester2', second.toUpperCase())).toEqual([both.id])
	})

	it('rank the title matching more of the typed words first', async () => {
		const ids = await suggest('rki-tester2', `${second} something ${first}`)
		expect(ids.slice(0, 2)).toEqual([both.id, onlyFirst.id])
	})

	it('of two words list the titles with both first, each once, then those with one', async () => {
		const [one, two] = [word(), word()]
		const withBoth = await createItem('rki-tester1', s, { title: `Calendar ${one} shows ${two}` })
		const withTwoTwice = await createItem('bsh-tester1', s, { title: `${one} sync of ${two}s and ${two} folders` })
		const withOne = await createItem('bsh-tester1', s, { title: `${one} is slow` })
		const ids = await suggest('rki-tester2', `${two} ${one}`)
		expect(ids.slice(0, 2).sort((a, b) => a - b)).toEqual([withBoth.id, withTwoTwice.id].sort((a, b) => a - b))
		expect(ids.slice(2)).toEqual([withOne.id])
	})

	it('answer the short and the empty text with nothing', async () => {
		expect(await suggest('rki-tester2', 'zq')).toEqual([])
		expect(await suggest('rki-tester2', '')).toEqual([])
	})

	it('follow an edit of the title', async () => {
		const pilot = s.activePilots[0]
		await expectApi(200, 'rki-tester1', 'PUT', `/items/${both.id}`, {
			version: both.version,
			title: `Calendar export ${renamed} loses the time zone`,
			body: both.body,
			priority: both.priority,
			pilotId: pilot.id,
			componentId: pilot.componentIds[0],
		})
		expect(await suggest('bsh-tester2', renamed)).toEqual([both.id])
		expect(await suggest('bsh-tester2', second)).toEqual([])
		expect(await suggest('bsh-tester2', first)).toEqual([onlyFirst.id])
	})
})

describe('a security finding', () => {
	const outsiders: Login[] = ['bsh-tester1', 'bsh-coord', 'rki-tester2']
	const insiders: Login[] = ['rki-tester1', 'rki-coord', 'bmi']

	it.each(outsiders)('is never suggested to %s, who gets the public title with the same word', async (login) => {
		for (const q of [secretWord, `Session token leaks through ${secretWord}`, secretWord.slice(0, 4), 'session token leaks']) {
			const ids = await suggest(login, q)
			expect(ids, q).not.toContain(secret.id)
		}
		expect(await suggest(login, secretWord)).toEqual([publicTwin.id])
		// the finding matches all five words and would be first; the outsider gets the next best instead
		const best = await suggest(login, `Session token leaks through ${secretWord}`, 1)
		expect(best).toHaveLength(1)
		expect(best).not.toContain(secret.id)
		const response = await api(login, 'GET', `/items/suggestions?q=${encodeURIComponent(`Session token leaks ${secretWord}`)}&limit=20`)
		expect(response.text).not.toContain('Session token')
	})

	it.each(insiders)('is suggested to %s, first for its own words', async (login) => {
		const ids = await suggest(login, `token leaks ${secretWord}`)
		expect(ids[0]).toBe(secret.id)
		expect(ids).toContain(publicTwin.id)
	})
})
