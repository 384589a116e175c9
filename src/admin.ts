import { createApp } from 'vue'
import AdminSettings from './views/admin/AdminSettings.vue'

createApp(AdminSettings).mount('#pilotfeedback-admin')
