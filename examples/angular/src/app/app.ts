// The demo header in Angular: the pd-notify elements are custom elements in the template
// (CUSTOM_ELEMENTS_SCHEMA), objects go to them as properties (`[client]`, `[renderRow]`), their events
// are bound Angular's way (`(pd-navigate)`, typed by the elements' HTMLElementEventMap), and a row the
// user opens is routed by @angular/router (no page load).
import {
  ApplicationRef,
  Component,
  CUSTOM_ELEMENTS_SCHEMA,
  createComponent,
  EnvironmentInjector,
  inject,
  type ComponentRef,
} from '@angular/core';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import type { PdInviteAcceptedEvent, PdNavigateEvent, RowRenderer } from '@pd-notify/elements';
import { CommentRow } from './comment-row.js';
import { Session, USERS } from './session.js';

@Component({
  selector: 'pd-app',
  imports: [RouterOutlet, RouterLink, RouterLinkActive],
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <pd-provider [client]="session.client">
      <header class="bar">
        <h1>Producer Dashboard (Angular)</h1>
        <nav aria-label="Pages">
          <a routerLink="/" routerLinkActive="active" [routerLinkActiveOptions]="{ exact: true }">Tracks</a>
          <a routerLink="/settings" routerLinkActive="active">Settings</a>
          <a routerLink="/help" routerLinkActive="active">Help</a>
        </nav>
        <label>
          Signed in as
          <select (change)="signIn($event)">
            @for (user of users; track user.token) {
              <option [value]="user.token" [selected]="user.token === session.token()">{{ user.name }}</option>
            }
          </select>
        </label>
        <pd-bell-badge counter="invitations" for="invitations"></pd-bell-badge>
        <pd-activity-feed [renderRow]="renderRow" (pd-navigate)="openRow($event)"></pd-activity-feed>
      </header>
      <pd-invitations id="invitations" (pd-invite-accepted)="accepted($event)"></pd-invitations>
      <pd-toaster></pd-toaster>
      <main>
        <p id="message" role="status">{{ session.message() }}</p>
        <router-outlet />
      </main>
    </pd-provider>
  `,
  styles: `
    .bar {
      display: flex;
      align-items: center;
      gap: 1rem;
      padding: 0.75rem 1.25rem;
      border-bottom: 1px solid #d1d5db;
    }
    h1 {
      flex: 1;
      font-size: 1.1rem;
      margin: 0;
    }
    nav {
      display: flex;
      gap: 0.75rem;
    }
    nav a.active {
      font-weight: 600;
    }
    main {
      padding: 1.25rem;
    }
  `,
})
export class App {
  protected readonly session = inject(Session);
  protected readonly users = USERS;
  readonly #router = inject(Router);
  readonly #injector = inject(EnvironmentInjector);
  readonly #appRef = inject(ApplicationRef);

  protected signIn(event: Event): void {
    this.session.signIn((event.target as HTMLSelectElement).value);
  }

  // No href-template to stop: the feed closes its panel itself, the router does the rest.
  protected openRow(event: PdNavigateEvent): void {
    const { trackId, widget } = event.detail;
    void this.#router.navigate(['/tracks', trackId], { queryParams: widget ? { widget } : {} });
  }

  protected accepted(event: PdInviteAcceptedEvent): void {
    this.session.message.set(`Accepted ${event.detail.track.name} (${event.detail.permission})`);
  }

  // A comment's row is the app's own: an Angular component (CommentRow) whose host element the feed
  // places in the row; kept per row and updated (the feed asks on every render of a visible row; the
  // same node keeps focus inside it). Every other row, and a group of comments, is the feed's.
  readonly #rows = new Map<string, ComponentRef<CommentRow>>();
  protected readonly renderRow: RowRenderer = (notification, { relativeTime, group }) => {
    if (notification.type !== 'comment' || group) return null;
    let row = this.#rows.get(notification.id);
    if (!row) {
      row = createComponent(CommentRow, { environmentInjector: this.#injector });
      this.#appRef.attachView(row.hostView);
      row.instance.reply.subscribe((name) => this.session.message.set(`Reply to ${name}`));
      this.#rows.set(notification.id, row);
    }
    row.setInput('notification', notification);
    row.setInput('when', relativeTime(notification.createdAt));
    // The feed takes the node now: render it before handing it over.
    row.changeDetectorRef.detectChanges();
    return row.location.nativeElement as HTMLElement;
  };
}
