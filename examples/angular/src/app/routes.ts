// The host's routes (history URLs: the server answers every path outside /v1/ with index.html).
import type { Routes } from '@angular/router';
import { HelpView } from './views/help-view.js';
import { HomeView } from './views/home-view.js';
import { SettingsView } from './views/settings-view.js';
import { TrackView } from './views/track-view.js';

export const routes: Routes = [
  { path: '', component: HomeView, title: 'Tracks' },
  { path: 'tracks/:trackId', component: TrackView, title: 'Track' },
  { path: 'settings', component: SettingsView, title: 'Settings' },
  { path: 'help', component: HelpView, title: 'Help' },
  { path: '**', redirectTo: '' },
];
