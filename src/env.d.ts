/// <reference types="vite/client" />

declare module 'vue-material-design-icons/*.vue' {
	import type { DefineComponent } from 'vue'

	/** A Material Design icon component */
	const icon: DefineComponent<{
		/** Edge length in pixels */
		size?: number
		/** Tooltip and accessible name */
		title?: string
		/** Icon colour */
		fillColor?: string
	}>
	export default icon
}
