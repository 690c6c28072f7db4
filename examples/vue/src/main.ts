// The demo header in Vue 3: the pd-notify elements as custom elements in Vue templates, routed by vue-router.
import '@pd-notify/elements';
import { createApp } from 'vue';
import App from './App.vue';
import { router } from './router.js';
import './app.css';

createApp(App).use(router).mount('#app');
