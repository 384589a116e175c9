import { recommended } from '@nextcloud/eslint-config'

export default [
	...recommended,
	{
		ignores: ['js/**', 'css/**', 'src/types/openapi.ts'],
	},
]
