/** Each user's preferences: the defaults, versioned saves (409 when stale), and what they let through. */
import {
  PREFERENCE_CATEGORIES,
  PREFERENCE_OPTIONS,
  type Preferences,
  type PreferencesUpdate,
} from '@pd-notify/protocol';
import type { Clock } from '../clock.js';
import { conflict } from '../problem.js';
import type { EventLog } from './event-log.js';

export interface PreferencesOptions {
  clock: Clock;
  log: EventLog;
  /** Called after each save (a new reminder lead time may make reminders due). */
  onSaved: () => void;
}

export class PreferencesArea {
  #options: PreferencesOptions;
  #byUser = new Map<string, Preferences>();

  constructor(options: PreferencesOptions) {
    this.#options = options;
  }

  /** Gives a new user the default preferences. */
  create(userId: string): void {
    this.#byUser.set(userId, defaultPreferences(this.#options.clock.iso()));
  }

  /** The user's preferences as stored (undefined for an unknown user): read it, never change it. */
  current(userId: string): Preferences | undefined {
    return this.#byUser.get(userId);
  }

  get(userId: string): Preferences {
    return structuredClone(this.#byUser.get(userId)!);
  }

  save(userId: string, update: PreferencesUpdate): Preferences {
    const current = this.#byUser.get(userId)!;
    if (update.version !== current.version) {
      throw conflict(
        `These preferences were saved elsewhere meanwhile (version ${current.version}, the edit started from ${update.version})`,
      );
    }
    const categories = structuredClone(update.categories);
    // A client older than the browser channel leaves it out: what is stored is kept.
    for (const name of PREFERENCE_CATEGORIES) {
      categories[name].channels.browser ??= current.categories[name].channels.browser ?? false;
    }
    const saved: Preferences = {
      version: current.version + 1,
      categories,
      reminderLeadDays: update.reminderLeadDays,
      updatedAt: this.#options.clock.iso(),
    };
    this.#byUser.set(userId, saved);
    this.#options.log.append(userId, 'preferences.updated', structuredClone(saved));
    this.#options.onSaved();
    return structuredClone(saved);
  }
}

function defaultPreferences(updatedAt: string): Preferences {
  const categories = Object.fromEntries(
    PREFERENCE_CATEGORIES.map((category) => [
      category,
      {
        enabled: true,
        options: Object.fromEntries(PREFERENCE_OPTIONS[category].map((option) => [option, true])),
        channels: { inApp: true, email: category === 'system', browser: false },
      },
    ]),
  ) as Preferences['categories'];
  return { version: 1, categories, reminderLeadDays: 3, updatedAt };
}
