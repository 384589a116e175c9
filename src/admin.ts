import { createPinia } from 'pinia'
import { createApp } from 'vue'
import AdminSettings from './views/admin/AdminSettings.vue'
import { sendOcsApiRequestHeader } from './api/ocsHeader.ts'

import '@nextcloud/dialogs/style.css'
import './styles/choices.css'
import './styles/dropdowns.css'

sendOcsApiRequestHeader()

createApp(AdminSettings)
	.use(createPinia())
	.mount('#pilotfeedback-admin')
