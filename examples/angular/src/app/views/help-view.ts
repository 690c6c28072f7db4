import { Component, CUSTOM_ELEMENTS_SCHEMA } from '@angular/core';

@Component({
  selector: 'pd-help-view',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <section aria-labelledby="help-title">
      <h2 id="help-title">Help</h2>
      <pd-notification-help profile-href="/settings" preferences-href="/settings"></pd-notification-help>
    </section>
  `,
})
export class HelpView {}
