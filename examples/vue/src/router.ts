// The host's routes (history mode: every path is a page the server answers with index.html).
import { createRouter, createWebHistory } from 'vue-router';
import HelpView from './views/HelpView.vue';
import HomeView from './views/HomeView.vue';
import SettingsView from './views/SettingsView.vue';
import TrackView from './views/TrackView.vue';

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', name: 'home', component: HomeView },
    { path: '/tracks/:trackId', name: 'track', component: TrackView, props: true },
    { path: '/settings', name: 'settings', component: SettingsView },
    { path: '/help', name: 'help', component: HelpView },
  ],
});
