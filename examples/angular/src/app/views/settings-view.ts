import { Component, CUSTOM_ELEMENTS_SCHEMA, inject } from '@angular/core';
import type { PdPreferencesSavedEvent } from '@pd-notify/elements';
import { Session } from '../session.js';

@Component({
  selector: 'pd-settings-view',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <section aria-labelledby="settings-title">
      <h2 id="settings-title">Settings</h2>
      <pd-preferences-form (pd-preferences-saved)="saved($event)"></pd-preferences-form>
    </section>
  `,
})
export class SettingsView {
  readonly #session = inject(Session);

  protected saved(event: PdPreferencesSavedEvent): void {
    this.#session.message.set(`Preferences saved (version ${event.detail.version})`);
  }
}
