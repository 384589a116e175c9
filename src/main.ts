import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { sendOcsApiRequestHeader } from './api/ocsHeader.ts'
import { createAppRouter } from './router.ts'

import '@nextcloud/dialogs/style.css'
import './styles/choices.css'
import './styles/dropdowns.css'

sendOcsApiRequestHeader()

createApp(App)
	.use(createPinia())
	.use(createAppRouter())
	.mount('#pilotfeedback')
