import { Component } from '@angular/core';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'pd-home-view',
  imports: [RouterLink],
  template: `
    <section aria-labelledby="home-title">
      <h2 id="home-title">Your tracks</h2>
      <p>Open the bell: a row takes you to its track, through the app's router. The envelope shows your invitations.</p>
      <ul>
        <li><a routerLink="/tracks/midnight-drive">Midnight Drive</a></li>
        <li><a routerLink="/tracks/low-tide">Low Tide</a></li>
      </ul>
    </section>
  `,
})
export class HomeView {}
