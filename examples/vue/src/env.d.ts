// The pd-* elements in Vue templates: their properties and events, typed (a misspelt name is an error in vue-tsc).
/// <reference types="@pd-notify/elements/vue" />
/// <reference types="vite/client" />
