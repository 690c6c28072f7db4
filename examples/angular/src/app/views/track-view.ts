// A track's page: the route's parameter and the widget a notification asked for (bound as inputs by the
// router, withComponentInputBinding), and the track's file sync.
import { Component, computed, CUSTOM_ELEMENTS_SCHEMA, input } from '@angular/core';

@Component({
  selector: 'pd-track-view',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <section aria-labelledby="track-title" class="track">
      <h2 id="track-title">Track {{ trackId() }}</h2>
      <p id="widget">Showing: {{ shown() }}</p>
      <pd-sync-status [trackId]="trackId()"></pd-sync-status>
    </section>
  `,
  styles: `
    .track {
      max-width: 40rem;
    }
  `,
})
export class TrackView {
  readonly trackId = input.required<string>();
  readonly widget = input<string>();
  protected readonly shown = computed(() => this.widget() ?? 'track');
}
