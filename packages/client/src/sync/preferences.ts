/**
 * The preferences area: the server's preferences, the user's unsaved draft, and
 * a version saved in another session while the draft was open (`incoming`).
 * Editing and saving live in the preferences editor, loaded the first time a
 * page edits or saves, so pages without a preferences form never load it.
 */
import type { EventName, Preferences, PreferencesUpdate } from '@pd-notify/protocol/wire';
import { atom } from 'nanostores';
import type { PdError } from '../errors.js';
import { Area, type AreaContext } from './area.js';
import type { Mutation, Shown } from './change.js';
import type { PreferencesEditor } from './preferences-editor.js';

/** The editable part of the preferences. */
export type PreferencesDraft = Omit<PreferencesUpdate, 'version'>;

/**
 * The preferences. `status`: `idle` until observed, `loading` until the server's
 * version arrives, then `ready`; `saving` while a save runs, then `saved`;
 * `conflict` after a 409 (the server's version is loaded, the draft replayed on
 * it); `error` when loading or saving failed.
 */
export interface PreferencesState {
  /** What the server holds. */
  server: Preferences | null;
  /** The user's unsaved edit, or null. */
  draft: PreferencesDraft | null;
  dirty: boolean;
  status: 'idle' | 'loading' | 'ready' | 'saving' | 'saved' | 'conflict' | 'error';
  error: PdError | null;
  /** Saved in another session while this draft was unsaved: the user chooses (`resolveIncoming`). */
  incoming: Preferences | null;
  /** A save waits for the connection (made while the server could not be reached; shown already). */
  pending: boolean;
}

const empty: PreferencesState = {
  server: null,
  draft: null,
  dirty: false,
  status: 'idle',
  error: null,
  incoming: null,
  pending: false,
};

export class PreferencesArea extends Area<Preferences> {
  readonly name = 'preferences';
  readonly $preferences = atom<PreferencesState>(empty);
  #editor: Promise<PreferencesEditor> | null = null;
  #run: (mutation: Mutation) => Promise<unknown>;
  #loading = false;
  /**
   * The newest version the server sent while a load was in flight, taken again
   * after the answer (which may be older; a load that replaces what is held
   * measured it against a void version).
   */
  #arrived: Preferences | null = null;

  /** `run`: makes a change the way every change is made (see `Mutations.run`). */
  constructor(context: AreaContext, run: (mutation: Mutation) => Promise<unknown>) {
    super(context);
    this.#run = run;
  }

  protected begin(): void {
    this.#loading = true;
    this.#arrived = null;
  }

  protected end(): void {
    this.#loading = false;
    this.#arrived = null;
  }

  protected fetch(): Promise<Preferences> {
    return this.context.rest.getPreferences();
  }

  protected commit(preferences: Preferences): void {
    const arrived = this.#arrived;
    this.end();
    if (this.replace) {
      const state = this.$preferences.value!;
      this.$preferences.set({ ...state, server: null, ...(state.dirty ? {} : { draft: null }) });
    }
    this.take(preferences);
    if (arrived) this.take(arrived);
  }

  protected capture(): Preferences {
    return this.$preferences.value!.server!;
  }

  protected adopt(preferences: Preferences): void {
    this.take(preferences);
  }

  protected reset(): void {
    this.$preferences.set(empty);
  }

  apply(name: EventName, data: unknown): void {
    if (name !== 'preferences.updated') return;
    const preferences = data as Preferences;
    if (this.#loading && (!this.#arrived || this.#arrived.version < preferences.version)) this.#arrived = preferences;
    this.take(preferences);
    if (this.status !== 'ready') {
      this.status = 'ready';
      this.error = null;
    }
  }

  /** A version from the server: shown, unless a draft is open (then it is `incoming`). Older ones are ignored. */
  take(preferences: Preferences): void {
    const state = this.$preferences.value!;
    if (state.server && state.server.version >= preferences.version) return;
    if (!state.server && state.draft) {
      // A save kept from an earlier visit was shown before the preferences loaded: it stays on top.
      this.$preferences.set({ ...state, server: preferences });
      return;
    }
    if (state.dirty) {
      this.$preferences.set({ ...state, incoming: preferences });
      return;
    }
    this.$preferences.set({ ...state, server: preferences, draft: null, status: 'ready', error: null, incoming: null });
  }

  protected publish(): void {
    const state = this.$preferences.value!;
    if (this.status === 'error' && state.status !== 'saving') {
      this.$preferences.set({ ...state, status: 'error', error: this.error });
    } else if (this.status === 'loading' && state.status === 'idle') {
      this.$preferences.set({ ...state, status: 'loading' });
    }
  }

  /** Runs `use` with the editor, loading it the first time. */
  edit<T>(use: (editor: PreferencesEditor) => T | Promise<T>): Promise<T> {
    this.#editor ??= import('./preferences-editor.js').then(
      ({ PreferencesEditor }) => new PreferencesEditor(this.$preferences, this.context.rest, this.#run),
    );
    return this.#editor.then(use);
  }

  /** A save shown before the server has it: its draft, saving; `queued` marks it waiting for the connection. */
  showSaving(update: PreferencesUpdate): Shown {
    const { version: _based, ...draft } = update;
    const set = (change: Partial<PreferencesState>) =>
      this.$preferences.set({ ...this.$preferences.value!, ...change });
    set({ draft, dirty: true, status: 'saving', error: null });
    return { undo: () => set({ pending: false }), queued: () => set({ pending: true }) };
  }
}
