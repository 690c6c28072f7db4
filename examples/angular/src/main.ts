// The demo header in Angular 21 (standalone components, zoneless, signals): the pd-notify elements are
// custom elements in the templates (CUSTOM_ELEMENTS_SCHEMA), registered before the app starts, so Angular
// binds `[client]`, `[renderRow]` and the like as properties; @angular/router routes what the feed opens.
import '@pd-notify/elements';
import { APP_BASE_HREF } from '@angular/common';
import { bootstrapApplication } from '@angular/platform-browser';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { App } from './app/app.js';
import { routes } from './app/routes.js';

// The app's base URL is given here, not by a <base> element: the strict policy has `base-uri 'none'`
// (and the build names its files from the root: angular.json's `deployUrl`).
bootstrapApplication(App, {
  providers: [provideRouter(routes, withComponentInputBinding()), { provide: APP_BASE_HREF, useValue: '/' }],
}).catch((error) => console.error(error));
