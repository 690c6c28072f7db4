/**
 * The feed's search: a searchbox under the header (the Search button, or `/`
 * while the panel has focus), results as the user types (debounced), in the
 * view and tab shown, the words found marked in each row (as text, never as
 * HTML), "No results for “…”", and a note when the results are only the loaded
 * notifications (the server cannot be reached). Escape clears, then closes.
 * Loaded the first time search is opened.
 */
import {
  foldText,
  searchTerms,
  type NotificationFilter,
  type PdClient,
  type SearchState,
  type SearchStore,
} from '@pd-notify/client';
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { announce } from '../announcer.js';
import { closeIcon } from '../icons.js';
import { iconButton } from '../icon-button.js';
import type { PanelTexts } from './inbox-texts.js';

/** How long typing pauses before the search is sent. */
const DEBOUNCE_MS = 250;

export interface SearchBoxOptions {
  client(): PdClient | null;
  strings(): PanelTexts;
  /** The view and tab shown: results stay within them. */
  filter(): NotificationFilter;
  /** The search box closed: focus goes back to the Search button. */
  closed(): void;
  /** Down arrow in the box: focus the first result. */
  toResults(): void;
}

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: ParentNode };

/**
 * Marks each of `terms` in `text` (compared as the search compares: without case or accents),
 * as text nodes in `<mark>`s.
 */
export function highlight(text: string, terms: readonly string[]): TemplateResult | string {
  if (terms.length === 0 || !text) return text;
  // Fold character by character, remembering where each folded character came from.
  let folded = '';
  const from: number[] = [];
  for (let i = 0; i < text.length;) {
    const char = String.fromCodePoint(text.codePointAt(i)!);
    const part = foldText(char);
    for (let k = 0; k < part.length; k++) from.push(i);
    folded += part;
    i += char.length;
  }
  from.push(text.length);
  const marked = new Array<boolean>(text.length).fill(false);
  for (const term of terms) {
    for (let at = folded.indexOf(term); at >= 0; at = folded.indexOf(term, at + 1)) {
      const end = from[at + term.length] ?? text.length;
      for (let i = from[at]!; i < end; i++) marked[i] = true;
    }
  }
  const pieces: (string | TemplateResult)[] = [];
  for (let start = 0; start < text.length;) {
    let end = start;
    while (end < text.length && marked[end] === marked[start]) end++;
    const piece = text.slice(start, end);
    pieces.push(marked[start] ? html`<mark part="match">${piece}</mark>` : piece);
    start = end;
  }
  return html`${pieces}`;
}

/** The search box's state and its results. */
export class SearchBox {
  #host: Host;
  #options: SearchBoxOptions;
  #query = '';
  #terms: string[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #state: SearchState | null = null;
  #store: SearchStore | null = null;
  #unsubscribe: (() => void) | null = null;
  /** Each search started counts up: an answer to an older one is dropped. */
  #generation = 0;

  constructor(host: Host, options: SearchBoxOptions) {
    this.#host = host;
    this.#options = options;
  }

  /** The results shown instead of the list: null while the query is too short to search. */
  get results(): SearchState | null {
    return this.#terms.length > 0 ? this.#state : null;
  }

  /** What was typed. */
  get query(): string {
    return this.#query;
  }

  /** The words searched, folded (for `highlight`). */
  get terms(): readonly string[] {
    return this.#terms;
  }

  /** Focuses the box (its first opening included). */
  focus(): void {
    void this.#host.updateComplete.then(() => this.#input()?.focus());
  }

  /** Searches again (after a change to the results' notifications: they are not kept fresh). */
  refresh(): void {
    if (this.#terms.length > 0) this.#search();
  }

  /** Loads the next page of results, when the server has more. */
  loadMore(): void {
    if (this.results?.hasMore) void this.#store?.loadMore().catch(() => {});
  }

  /** Stops searching. */
  dispose(): void {
    clearTimeout(this.#timer);
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    this.#generation++;
  }

  render(): TemplateResult {
    const t = this.#options.strings();
    const state = this.results;
    const count =
      state?.status === 'ready'
        ? html`<span class="visually-hidden" role="status"
            >${state.items.length === 0 ? t.noResults(this.#query) : t.results(state.total ?? state.items.length)}</span
          >`
        : nothing;
    return html`<div part="search" class="search" role="search">
      <input
        part="searchbox"
        type="search"
        aria-label=${t.searchLabel}
        placeholder=${t.searchLabel}
        enterkeyhint="search"
        .value=${this.#query}
        maxlength="100"
        @input=${this.#onInput}
        @keydown=${this.#onKey}
      />
      ${iconButton({ part: 'search-close', label: t.closeSearch, icon: closeIcon, onClick: () => this.#close() })}
      ${count}
    </div>`;
  }

  #input(): HTMLInputElement | null {
    return this.#host.renderRoot.querySelector<HTMLInputElement>('[part="searchbox"]');
  }

  #onInput = (event: InputEvent): void => {
    this.#query = (event.target as HTMLInputElement).value;
    clearTimeout(this.#timer);
    const terms = this.#query.trim().length >= 2 ? searchTerms(this.#query) : [];
    if (terms.length === 0) {
      this.#terms = [];
      this.dispose();
      this.#host.requestUpdate();
      return;
    }
    this.#timer = setTimeout(() => {
      this.#terms = terms;
      this.#search();
    }, DEBOUNCE_MS);
  };

  #search(): void {
    const client = this.#options.client();
    if (!client) return;
    const generation = ++this.#generation;
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    client.search(this.#query.trim(), this.#options.filter()).then(
      ($search) => {
        if (generation !== this.#generation) return;
        this.#store = $search;
        this.#unsubscribe = $search.subscribe((state) => {
          // Asked again (after a verb): what was shown stays until the new answer comes.
          if (state.status === 'loading' && this.#state?.status === 'ready' && this.#state.q === state.q) return;
          this.#state = state;
          if (state.status === 'ready' && state.source === 'local') announce(this.#options.strings().searchLocal);
          this.#host.requestUpdate();
        });
      },
      () => {
        if (generation !== this.#generation) return;
        this.#state = null;
        this.#host.requestUpdate();
      },
    );
  }

  // Escape clears what was typed, then closes; Down arrow goes to the results.
  #onKey = (event: KeyboardEvent): void => {
    if (event.key === 'ArrowDown' && this.results?.items.length) {
      event.preventDefault();
      this.#options.toResults();
      return;
    }
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    if (this.#query || (event.target as HTMLInputElement).value) {
      // Set here too: typed text not rendered yet (pasted a moment ago) would stay in the box.
      (event.target as HTMLInputElement).value = '';
      this.#query = '';
      this.#terms = [];
      this.dispose();
      this.#host.requestUpdate();
    } else {
      this.#close();
    }
  };

  #close(): void {
    this.dispose();
    this.#query = '';
    this.#terms = [];
    this.#state = null;
    this.#options.closed();
  }
}
