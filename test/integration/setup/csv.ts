/** Reading the CSV exports in the suites. */

/** A CSV (RFC 4180, optional BOM) as rows of fields. */
export function parseCsv(text: string): string[][] {
	const rows: string[][] = []
	let row: string[] = []
	let field = ''
	let quoted = false
	const input = text.replace(/^\uFEFF/, '')
	for (let i = 0; i < input.length; i++) {
		const c = input[i]
		if (quoted) {
			if (c === '"' && input[i + 1] === '"') {
				field += '"'
				i++
			} else if (c === '"') {
				quoted = false
			} else {
				field += c
			}
		} else if (c === '"') {
			quoted = true
		} else if (c === ',') {
			row.push(field)
			field = ''
		} else if (c === '\n' || c === '\r') {
			if (c === '\r' && input[i + 1] === '\n') {
				i++
			}
			row.push(field)
			rows.push(row)
			row = []
			field = ''
		} else {
			field += c
		}
	}
	if (field !== '' || row.length > 0) {
		row.push(field)
		rows.push(row)
	}
	return rows
}
