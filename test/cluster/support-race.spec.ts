/**
 * Support racing on one item (issue 21, the flaky "support at the same moment" of
 * concurrency.spec.ts): five different supporters at the same moment, 12 rounds on fresh items,
 * through both nodes. Each supporter's row is inserted by its own transaction, and each then
 * stores the count of rows it sees on the item; on PostgreSQL (READ COMMITTED) a transaction
 * that counted before another one committed used to store that smaller count last, so the item
 * showed 4 supporters for 5 rows. The count must equal the supporters every round.
 * Runs only against a cluster (NODE_A_URL and NODE_B_URL set), like cluster.spec.ts.
 */
import type { DemoUser } from '../integration/setup/client.ts'
import type { Item, Seed } from '../integration/setup/fixtures.ts'

import { beforeAll, describe, expect, it } from 'vitest'
import { CookieSession } from '../integration/setup/cookieSession.ts'
import { createItem, expectApi, seed } from '../integration/setup/fixtures.ts'

const IN_CLUSTER = (process.env.NODE_A_URL ?? '') !== '' && (process.env.NODE_B_URL ?? '') !== ''
/** Everyone but the reporter (rki-tester1) who may support an item of RKI's pilot. */
const SUPPORTERS: DemoUser[] = ['rki-tester2', 'bsh-tester1', 'bsh-tester2', 'bsh-coord', 'rki-coord']
const ROUNDS = 12

describe.skipIf(!IN_CLUSTER)('supporters racing on one item, through both nodes', () => {
	let s: Seed
	const sessions = new Map<DemoUser, CookieSession>()

	beforeAll(async () => {
		s = await seed()
		for (const user of SUPPORTERS) {
			sessions.set(user, await CookieSession.login(user))
		}
	})

	it(`${ROUNDS} rounds of ${SUPPORTERS.length} supporters at once: the count is the number of supporters each time`, async () => {
		const counts: number[] = []
		for (let round = 0; round < ROUNDS; round++) {
			const item: Item = await createItem('rki-tester1', s, { title: `Raced support, round ${round}` })
			const responses = await Promise.all(SUPPORTERS.map((user) => sessions.get(user)!.api('POST', `/items/${item.id}/support`)))
			expect(responses.map((r) => r.status), responses.map((r) => r.text.slice(0, 200)).join('\n')).toEqual(SUPPORTERS.map(() => 200))
			const detail = await expectApi<Item>(200, 'bmi', 'GET', `/items/${item.id}`)
			expect(new Set(detail.supporters?.map((x) => x.userId))).toEqual(new Set(SUPPORTERS))
			counts.push(detail.supportCount)
		}
		expect(counts, 'supportCount of each round').toEqual(counts.map(() => SUPPORTERS.length))
	})
})
