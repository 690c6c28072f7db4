/**
 * Editing the preferences: the draft, discarding it, choosing between a draft
 * and a version saved in another session, and saving with conflict handling.
 * Loaded by the sync engine the first time a page edits or saves, so pages
 * without a preferences form do not carry it.
 */
import type { Preferences } from '@pd-notify/protocol/wire';
import type { WritableAtom } from 'nanostores';
import { PdError } from '../errors.js';
import type { Rest } from '../rest.js';
import type { PreferencesDraft, PreferencesState } from './preferences.js';

export class PreferencesEditor {
  #store: WritableAtom<PreferencesState>;
  #rest: Rest;
  #report: (error: unknown) => PdError;

  constructor(store: WritableAtom<PreferencesState>, rest: Rest, report: (error: unknown) => PdError) {
    this.#store = store;
    this.#rest = rest;
    this.#report = report;
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
   * Saves the draft. On a 409 (saved elsewhere meanwhile) the server's version is
   * loaded, the user's changes are replayed on top of it and the status is
   * `conflict`, so the user decides.
   */
  async save(): Promise<Preferences> {
    const state = this.#store.get();
    const draft = draftOf(state);
    const server = state.server!;
    this.#store.set({ ...state, status: 'saving', error: null });
    try {
      const saved = await this.#rest.savePreferences({ version: server.version, ...draft });
      const now = this.#store.get();
      const editedMeanwhile = now.draft !== null && !sameDraft(now.draft, saved);
      this.#store.set({
        server: saved,
        draft: editedMeanwhile ? now.draft : null,
        dirty: editedMeanwhile,
        status: 'saved',
        error: null,
        incoming: null,
      });
      return saved;
    } catch (error) {
      const pdError = this.#report(error);
      if (pdError.kind === 'conflict') {
        try {
          const fresh = await this.#rest.getPreferences();
          const now = this.#store.get();
          const rebased = now.draft ? rebaseDraft(server, now.draft, fresh) : null;
          this.#store.set({
            ...now,
            server: fresh,
            draft: rebased,
            dirty: rebased !== null && !sameDraft(rebased, fresh),
            status: 'conflict',
            error: pdError,
            incoming: null,
          });
        } catch {
          this.#store.set({ ...this.#store.get(), status: 'conflict', error: pdError });
        }
      } else {
        this.#store.set({ ...this.#store.get(), status: 'error', error: pdError });
      }
      throw pdError;
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
