// The Svelte 5 host: the elements are defined before the app mounts, so Svelte sees
// their properties and sets `client` and the like as properties, not attributes.
import '@pd-notify/elements';
import { mount } from 'svelte';
import App from './App.svelte';

mount(App, { target: document.getElementById('app')! });
