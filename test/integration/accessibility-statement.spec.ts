/**
 * The accessibility statement (BITV 2.0): every user reads it in their language, the shipped
 * template until the administrator writes one; the administrator edits both languages and the
 * contact; bad values get 400 and change nothing. Who may call what: permissions.spec.ts.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { api, asGermanUser } from './setup/fixtures.ts'

interface Statement { markdown: string, contact: string }
interface Settings { statementDe: string, statementEn: string, contact: string, templateDe: string, templateEn: string }

describe('accessibility statement', () => {
	afterAll(async () => {
		await api('admin', 'PUT', '/settings/accessibility', { statementDe: '', statementEn: '', contact: '' })
	})

	it('shows the template in the reader\'s language until the administrator writes one', async () => {
		await api('admin', 'PUT', '/settings/accessibility', { statementDe: '', statementEn: '', contact: '' })
		const german = await asGermanUser('rki-tester1', () => api<Statement>('rki-tester1', 'GET', '/accessibility-statement'))
		expect(german.status).toBe(200)
		expect(german.data.markdown).toMatch(/^# Erklärung zur Barrierefreiheit/)
		const english = await api<Statement>('bsh-tester1', 'GET', '/accessibility-statement')
		expect(english.data.markdown).toMatch(/^# Accessibility statement/)
		expect(english.data.contact).toBe('')
	})

	it('shows what the administrator wrote, with the contact, to every role', async () => {
		const saved = await api<Settings>('admin', 'PUT', '/settings/accessibility', {
			statementDe: '# Erklärung des BMI\n\nTeilweise barrierefrei.',
			statementEn: '# Statement of the BMI\n\nPartially compliant.',
			contact: 'barrierefreiheit@bmi.example',
		})
		expect(saved.status).toBe(200)
		expect(saved.data.templateDe).toMatch(/BITV 2\.0/)
		for (const user of ['bmi', 'rki-coord', 'bsh-tester2'] as const) {
			const german = await asGermanUser(user, () => api<Statement>(user, 'GET', '/accessibility-statement'))
			expect(german.data).toEqual({ markdown: '# Erklärung des BMI\n\nTeilweise barrierefrei.', contact: 'barrierefreiheit@bmi.example' })
			const english = await api<Statement>(user, 'GET', '/accessibility-statement')
			expect(english.data.markdown).toBe('# Statement of the BMI\n\nPartially compliant.')
		}
	})

	it('refuses a contact that is no e-mail or https address, and a too long text, changing nothing', async () => {
		const before = await api<Settings>('admin', 'GET', '/settings/accessibility')
		for (const body of [
			{ statementDe: '# Neu', contact: 'javascript:alert(1)' },
			{ statementDe: '# Neu', contact: 'http://bmi.example' },
			{ statementEn: 'x'.repeat(20001) },
			{ statementDe: 42 },
		]) {
			const refused = await api('admin', 'PUT', '/settings/accessibility', body)
			expect(refused.status, JSON.stringify(body).slice(0, 80)).toBe(400)
		}
		const after = await api<Settings>('admin', 'GET', '/settings/accessibility')
		expect(after.data).toEqual(before.data)
	})
})
