/**
 * The feed as the element tests open it: a `<pd-activity-feed>` dropdown in a
 * provider (its own client unless given one), its bell clicked, waited for
 * until its rows (or another state) show.
 */
import { fixture, html } from '@open-wc/testing';
import type { PdClient } from '@pd-notify/client';
import { nothing, type TemplateResult } from 'lit';
import '../src/index.js';
import type { PdActivityFeed, RowRenderer } from '../src/index.js';
import { eventually, shadow, shadowAll } from './helpers.js';
import { freshClient } from './focus-helpers.js';

export interface FeedFixture {
  /** The page's language and direction around the feed. */
  lang?: string;
  dir?: string;
  theme?: string;
  /** Default: a fresh client of Alice's that persists nothing. */
  client?: PdClient;
  /** CSS pixels of page over the feed (less room below the bell). */
  above?: number;
  /** The wrapper's style (e.g. the bell at the page's end). */
  style?: string;
  renderRow?: RowRenderer | null;
  /** `group-window` in hours (unset: the element's default). */
  groupWindow?: number;
  /** The host's light-DOM children (slots). */
  children?: TemplateResult;
  /** What to wait for in the opened panel. Default: a row. */
  ready?: string;
  /** A button "After the feed" follows it (where Tab leads out of the panel). */
  after?: boolean;
}

/** Opens a dropdown feed (see {@link FeedFixture}). */
export async function openFeed(options: FeedFixture = {}): Promise<PdActivityFeed> {
  const client = options.client ?? freshClient('demo-alice', { persist: false });
  const root = await fixture<HTMLElement>(
    html`<div lang=${options.lang ?? 'en'} dir=${options.dir ?? 'ltr'} style=${options.style ?? ''}>
      <div style=${`height:${options.above ?? 0}px`}></div>
      <pd-provider .client=${client}
        ><pd-activity-feed
          theme=${options.theme ?? nothing}
          .renderRow=${options.renderRow ?? null}
          .groupWindow=${options.groupWindow ?? 24}
          >${options.children ?? html``}</pd-activity-feed
        ></pd-provider
      >
      ${options.after ? html`<button type="button">After the feed</button>` : nothing}
    </div>`,
  );
  const feed = root.querySelector<PdActivityFeed>('pd-activity-feed')!;
  await eventually(() => shadow(feed, '.bell'));
  shadow(feed, '.bell').click();
  await eventually(() => shadow(feed, options.ready ?? 'article'));
  return feed;
}

/** The feed's rendered rows. */
export const rows = (feed: Element): HTMLElement[] => shadowAll(feed, 'article');
