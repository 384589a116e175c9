import { createPinia } from 'pinia'
import { createApp } from 'vue'
import AdminSettings from './views/admin/AdminSettings.vue'

createApp(AdminSettings)
	.use(createPinia())
	.mount('#pilotfeedback-admin')
