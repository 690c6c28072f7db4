/**
 * Editing the preferences: the draft, discarding it, choosing between a draft
 * and a version saved in another session, and saving with conflict handling.
 * Loaded by the sync engine the first time a page edits or saves, so pages
 * without a preferences form do not carry it.
 */
import { NOTIFICATION_KINDS, type NotificationType, type Preferences } from '@pd-notify/protocol/wire';
import type { WritableAtom } from 'nanostores';
import { PdError } from '../errors.js';
import type { Rest } from '../rest.js';
import type { Mutation, Queued } from './change.js';
import type { PreferencesDraft, PreferencesState } from './preferences.js';
import { setPreferenceOption } from './preference-option.js';

export class PreferencesEditor {
  #store: WritableAtom<PreferencesState>;
  #rest: Rest;
  #run: (mutation: Mutation) => Promise<unknown>;

  /** `run`: makes a change the way every change is made (shown at once, queued when offline). */
  constructor(store: WritableAtom<PreferencesState>, rest: Rest, run: (mutation: Mutation) => Promise<unknown>) {
    this.#store = store;
    this.#rest = rest;
    this.#run = run;
  }

  /** Changes the preferences draft (starting from the server's version). */
  edit(change: (draft: PreferencesDraft) => PreferencesDraft | void): void {
    const state = this.#store.get();
    const draft = structuredClone(draftOf(state));
    const next = change(draft) ?? draft;
    const dirty = !sameDraft(next, state.server!);
    this.#store.set({ ...state, draft: dirty ? next : null, dirty, status: dirty ? 'ready' : state.status });
  }

  /** Drops the unsaved draft (and any incoming version is taken). */
  discard(): void {
    const state = this.#store.get();
    this.#store.set({
      ...state,
      server: state.incoming ?? state.server,
      draft: null,
      dirty: false,
      status: 'ready',
      incoming: null,
    });
  }

  /**
   * Another session saved while this draft was open: `take` shows theirs (the
   * draft is dropped); `keep` replays this draft's changes on top of theirs.
   */
  resolveIncoming(choice: 'take' | 'keep'): void {
    const state = this.#store.get();
    if (!state.incoming) return;
    if (choice === 'take' || !state.server || !state.draft) return this.discard();
    const draft = rebaseDraft(state.server, state.draft, state.incoming);
    const dirty = !sameDraft(draft, state.incoming);
    this.#store.set({ ...state, server: state.incoming, draft: dirty ? draft : null, dirty, incoming: null });
  }

  /**
   * Saves the draft. While the server cannot be reached, the save waits with
   * the other changes (status `saving`, `pending`). On a 409 (saved elsewhere
   * meanwhile) the server's version is loaded, the user's changes are replayed
   * on top of it and the status is `conflict`, so the user decides.
   */
  save(): Promise<Preferences> {
    const state = this.#store.get();
    const update = { version: state.server?.version ?? 1, ...draftOf(state) };
    return this.#run({ kind: 'preferences', update }) as Promise<Preferences>;
  }

  /** See `PdClient.setNotificationType`. */
  async setType(type: NotificationType, on: boolean): Promise<boolean> {
    const preference = NOTIFICATION_KINDS[type]?.preference;
    if (!preference) throw new PdError('bad-request', `No preference switches "${type}" notifications off`);
    // Observed while it runs: they load if nothing else on the page shows them.
    const stop = this.#store.listen(() => {});
    try {
      await loaded(this.#store);
      const { category, option } = preference;
      let was = false;
      this.edit((draft) => {
        const section = draft.categories[category];
        was = section.enabled && (section.options as Record<string, boolean>)[option] === true;
        setPreferenceOption(draft, category, option, on);
      });
      await this.save();
      return was;
    } finally {
      stop();
    }
  }

  /** Sends a save with its key and shows the outcome; throws the PdError of a failure. */
  async send(change: Extract<Queued, { kind: 'preferences' }>): Promise<Preferences> {
    let saved: Preferences;
    try {
      saved = await this.#rest.savePreferences(change.update, change.key);
    } catch (error) {
      const pdError = error as PdError;
      // No answer: it waits with the other changes, still shown saving.
      if (pdError.kind !== 'network') await this.refused(change, pdError);
      throw pdError;
    }
    this.saved(saved);
    return saved;
  }

  /** Shows a save the server made (here, or in the tab that sent it for this one). */
  saved(saved: Preferences): void {
    const now = this.#store.get();
    const editedMeanwhile = now.draft !== null && !sameDraft(now.draft, saved);
    this.#store.set({
      ...now,
      server: saved,
      draft: editedMeanwhile ? now.draft : null,
      dirty: editedMeanwhile,
      status: 'saved',
      error: null,
      incoming: null,
    });
  }

  /**
   * Shows a save the server refused. On a 409 (saved elsewhere meanwhile) the
   * server's version is loaded and the user's change replayed on top of it.
   */
  async refused(change: Extract<Queued, { kind: 'preferences' }>, error: PdError): Promise<void> {
    if (error.kind !== 'conflict') {
      this.#store.set({ ...this.#store.get(), status: 'error', error });
      return;
    }
    const { version, ...sent } = change.update;
    const base = this.#store.get().server;
    try {
      const fresh = await this.#rest.getPreferences();
      const now = this.#store.get();
      const draft = now.draft ?? sent;
      const rebased = base && base.version === version ? rebaseDraft(base, draft, fresh) : draft;
      this.#store.set({
        ...now,
        server: fresh,
        draft: rebased,
        dirty: !sameDraft(rebased, fresh),
        status: 'conflict',
        error,
        incoming: null,
      });
    } catch {
      this.#store.set({ ...this.#store.get(), status: 'conflict', error });
    }
  }
}

/**
 * Replays the user's edit (what `draft` changed from `base`) on top of `theirs`:
 * settings the user changed keep the user's value, all others take theirs.
 */
export function rebaseDraft(base: Preferences, draft: PreferencesDraft, theirs: Preferences): PreferencesDraft {
  const merge = (mine: unknown, was: unknown, now: unknown): unknown => {
    if (mine !== null && typeof mine === 'object' && now !== null && typeof now === 'object') {
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(now)) {
        out[key] = merge(
          (mine as Record<string, unknown>)[key],
          (was as Record<string, unknown> | undefined)?.[key],
          (now as Record<string, unknown>)[key],
        );
      }
      return out;
    }
    return mine !== undefined && mine !== was ? mine : now;
  };
  return {
    categories: merge(draft.categories, base.categories, theirs.categories) as PreferencesDraft['categories'],
    reminderLeadDays:
      draft.reminderLeadDays !== base.reminderLeadDays ? draft.reminderLeadDays : theirs.reminderLeadDays,
  };
}

/** Resolves once the server's preferences are there; rejects when loading them fails. */
function loaded(store: WritableAtom<PreferencesState>): Promise<void> {
  const now = store.get();
  if (now.server) return Promise.resolve();
  if (now.status === 'error')
    return Promise.reject(now.error ?? new PdError('network', 'The preferences could not be loaded'));
  return new Promise((resolve, reject) => {
    const stop = store.listen((state) => {
      if (!state.server && state.status !== 'error') return;
      stop();
      if (state.server) resolve();
      else reject(state.error ?? new PdError('network', 'The preferences could not be loaded'));
    });
  });
}

/** The draft being edited, or the server's preferences as one; throws before they are loaded. */
function draftOf(state: PreferencesState): PreferencesDraft {
  if (!state.server) throw new PdError('bad-request', 'The preferences are not loaded yet');
  return state.draft ?? { categories: state.server.categories, reminderLeadDays: state.server.reminderLeadDays };
}

function sameDraft(draft: PreferencesDraft, server: Preferences): boolean {
  return (
    draft.reminderLeadDays === server.reminderLeadDays &&
    JSON.stringify(draft.categories) === JSON.stringify(server.categories)
  );
}
