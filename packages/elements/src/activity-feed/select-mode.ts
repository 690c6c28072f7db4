/**
 * The feed's "Select" mode: a checkbox per row, Space toggles the current row,
 * Shift+Up/Down extends, Ctrl/Cmd+A selects every loaded row, "Select all N
 * matching" the whole filter on the server; a bar acts on the selection (Mark
 * read, Mark unread, Archive, or Restore in the archive), with Undo; Escape
 * leaves. The selection is kept by id, so the virtual list keeps it while it
 * scrolls; a group's row selects every member. Loaded the first time the mode is entered.
 */
import type { BulkFilter, BulkOp, Notification, NotificationFilter, PdClient } from '@pd-notify/client';
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { PanelTexts } from './inbox-texts.js';
import { toast } from '../toaster/toast.js';

export interface SelectModeOptions {
  client(): PdClient | null;
  strings(): PanelTexts;
  /** The notifications shown (the list, or the search's results), newest first. */
  items(): readonly Notification[];
  /** The rows shown, each with the notifications it stands for (a group's members, or one). */
  rows(): readonly { readonly items: readonly Notification[] }[];
  /** How many match on the server when more than the loaded rows do (else undefined). */
  matching(): number | undefined;
  /** The filter shown as the protocol's bulk filter; null where it has none (the snoozed view). */
  bulkFilter(): BulkFilter | null;
  /** The view shown: the archive offers Restore instead of Archive. */
  archive(): boolean;
  /** Moves focus to row `index` (scrolling it in). */
  focusRow(index: number): void;
  /** The mode ended (Escape): focus goes back to where it belongs. */
  left(): void;
}

type Host = ReactiveControllerHost & HTMLElement;

/** What the bar can do to a selection ('seen' is the panel's own), and what undoes it. */
type BarOp = Exclude<BulkOp, 'seen'>;
const UNDO: Record<BarOp, BarOp> = { read: 'unread', unread: 'read', archive: 'unarchive', unarchive: 'archive' };

/** The selection and what acts on it. */
export class SelectMode {
  #host: Host;
  #options: SelectModeOptions;
  #selected = new Set<string>();
  /** Every notification matching the filter, on the server, loaded or not. */
  #allMatching = false;

  constructor(host: Host, options: SelectModeOptions) {
    this.#host = host;
    this.#options = options;
  }

  isSelected(id: string): boolean {
    return this.#allMatching || this.#selected.has(id);
  }

  /** Forgets the selection (a new view, tab or search). */
  clear(): void {
    this.#selected.clear();
    this.#allMatching = false;
    this.#host.requestUpdate();
  }

  /** Selects or unselects notifications (a row's: one, or a group's members); by default, the opposite of their state. */
  toggle(ids: readonly string[], on = !ids.every((id) => this.#selected.has(id))): void {
    this.#allMatching = false;
    for (const id of ids) {
      if (on) this.#selected.add(id);
      else this.#selected.delete(id);
    }
    this.#host.requestUpdate();
  }

  /** A row's checkbox, named by its title: checked while all its notifications are selected. */
  checkbox(items: readonly Notification[], titleId: string, tabindex: number): TemplateResult {
    const ids = items.map((item) => item.id);
    return html`<input
      part="select"
      class="select"
      type="checkbox"
      tabindex=${tabindex}
      aria-labelledby=${titleId}
      .checked=${ids.every((id) => this.isSelected(id))}
      @click=${(event: Event) => event.stopPropagation()}
      @change=${(event: Event) => this.toggle(ids, (event.target as HTMLInputElement).checked)}
    />`;
  }

  /**
   * The keys of the mode on a row: Space (on the row itself: on its buttons it presses them),
   * Shift+Up/Down, Ctrl/Cmd+A, Escape. Returns whether it took the key.
   */
  onRowKey(event: KeyboardEvent, index: number, onRow: boolean): boolean {
    const rows = this.#options.rows();
    const ids = (at: number) => rows[at]!.items.map((item) => item.id);
    if (!rows[index]) return false;
    if (event.key === ' ' && onRow && !event.shiftKey && !event.ctrlKey && !event.metaKey) {
      this.toggle(ids(index));
    } else if (event.shiftKey && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      const next = Math.max(0, Math.min(rows.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1)));
      this.toggle([...ids(index), ...ids(next)], true);
      this.#options.focusRow(next);
    } else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'a') {
      this.toggle(
        this.#options.items().map((item) => item.id),
        true,
      );
    } else if (event.key === 'Escape') {
      this.#options.left();
    } else {
      return false;
    }
    event.preventDefault();
    event.stopPropagation();
    return true;
  }

  /** The bar over the list: how many are selected, what to do with them, and "Select all N matching". */
  render(): TemplateResult {
    const t = this.#options.strings();
    const items = this.#options.items();
    const chosen = this.#chosen(items);
    const count = this.#allMatching ? (this.#options.matching() ?? chosen.length) : chosen.length;
    const matching = this.#options.matching();
    const offerAll =
      !this.#allMatching &&
      matching !== undefined &&
      matching > items.length &&
      this.#options.bulkFilter() !== null &&
      items.length > 0 &&
      items.every((item) => this.#selected.has(item.id));
    const none = count === 0;
    const button = (op: BarOp, label: string) =>
      html`<button part="bulk-action" class="button" type="button" ?disabled=${none} @click=${() => void this.#run(op)}>
        ${label}
      </button>`;
    // Escape anywhere on the bar leaves the mode, as on a row.
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      event.stopPropagation();
      this.#options.left();
    };
    return html`<div part="selection" class="selection" role="toolbar" aria-label=${t.selection} @keydown=${onKey}>
      <span class="selected-count" role="status"
        >${this.#allMatching ? t.allMatchingSelected(count) : t.selectedCount(count)}</span
      >
      ${
        offerAll
          ? html`<button
              part="select-all-matching"
              class="text-button"
              type="button"
              @click=${(event: Event) => {
                // The button goes: focus stays on the bar, on its first action.
                const bar = (event.currentTarget as HTMLElement).closest('.selection')!;
                this.#allMatching = true;
                this.#host.requestUpdate();
                void this.#host.updateComplete.then(() =>
                  bar.querySelector<HTMLElement>('[part="bulk-action"]')?.focus(),
                );
              }}
            >
              ${t.selectAllMatching(matching)}
            </button>`
          : nothing
      }
      <span class="selection-actions">
        ${button('read', t.markRead)} ${button('unread', t.markUnread)}
        ${this.#options.archive() ? button('unarchive', t.restore) : button('archive', t.archive)}
      </span>
    </div>`;
  }

  #chosen(items: readonly Notification[]): Notification[] {
    return items.filter((item) => this.#selected.has(item.id));
  }

  /**
   * Runs a verb on the selection (the ids, shown at once; or every match on the server, no newer
   * than the top row, said once the server answers), says what changed with Undo (the opposite
   * verb on exactly what changed), and clears it.
   */
  async #run(op: BarOp): Promise<void> {
    const client = this.#options.client();
    if (!client) return;
    const t = this.#options.strings();
    const items = this.#options.items();
    const filter = this.#options.bulkFilter();
    const all = this.#allMatching && filter;
    const chosen = this.#chosen(items);
    this.clear();
    const said = (ids: readonly string[]) =>
      toast(
        t.bulkDone[op](ids.length),
        'success',
        ids.length === 0
          ? undefined
          : { label: t.undo, run: () => void client.bulk(UNDO[op], ids).catch(() => toast(t.actionFailed, 'error')) },
      );
    try {
      if (all) {
        const result = await client.bulk(op, { filter, ...(items[0] ? { upToId: items[0].id } : {}) });
        said(result.items.map((item) => item.id));
      } else {
        said(chosen.filter((item) => changes(item, op)).map((item) => item.id));
        await client.bulk(
          op,
          chosen.map((item) => item.id),
        );
      }
    } catch {
      toast(t.actionFailed, 'error');
    }
  }
}

/** Whether `op` changes `item` (what its Undo gives back). */
function changes(item: Notification, op: BarOp): boolean {
  switch (op) {
    case 'read':
      return !item.readAt;
    case 'unread':
      return !!item.readAt;
    case 'archive':
      return !item.archivedAt;
    case 'unarchive':
      return !!item.archivedAt;
  }
}

/** The protocol's bulk filter for a list filter; null where the protocol has none (snoozed, one track). */
export function bulkFilterOf(filter: NotificationFilter, q: string | null): BulkFilter | null {
  if (filter.snoozed || filter.trackId) return null;
  return {
    ...(filter.category ? { category: filter.category } : {}),
    ...(filter.unread != null ? { unread: filter.unread } : {}),
    ...(filter.archived ? { archived: true } : {}),
    ...(q ? { q } : {}),
  };
}
