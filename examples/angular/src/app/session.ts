// Who is signed in (a demo user of the reference server), the page's one pd-notify client, and the app's
// last message: state the views share.
import { Injectable, signal } from '@angular/core';
import { createClient } from '@pd-notify/client';

export const USERS = [
  { token: 'demo-alice', name: 'Alice Moreno' },
  { token: 'demo-ben', name: 'Ben Okafor' },
] as const;

@Injectable({ providedIn: 'root' })
export class Session {
  readonly token = signal<string>(USERS[0].token);
  readonly message = signal('');
  /** One client for the page, given to <pd-provider> as an object (its `client` property). */
  readonly client = createClient({ baseUrl: window.location.origin, token: USERS[0].token });

  /** Switching users gives the client the other token: all data resets. */
  signIn(token: string): void {
    this.token.set(token);
    this.client.setToken(token);
    this.message.set('');
  }
}
