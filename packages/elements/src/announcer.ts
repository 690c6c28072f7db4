/**
 * One shared polite live region for the whole page (not one per element), so a
 * screen reader hears each new notification once.
 */
let region: HTMLElement | null = null;
const announced = new Set<string>();
const MAX_KEYS = 1000;

/** Says `message` politely; a `key` already announced is not said again. */
export function announce(message: string, key?: string): void {
  if (typeof document === 'undefined') return;
  if (key !== undefined) {
    if (announced.has(key)) return;
    announced.add(key);
    // The newest keys are enough to say nothing twice; a page open for days must not grow.
    if (announced.size > MAX_KEYS) announced.delete(announced.values().next().value!);
  }
  if (!region || !region.isConnected) {
    region = document.createElement('div');
    region.setAttribute('aria-live', 'polite');
    region.setAttribute('role', 'status');
    region.dataset.pdAnnouncer = '';
    region.style.cssText =
      'position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0';
    document.body.append(region);
  }
  // A fresh text node is read even when the same text comes twice in a row.
  region.replaceChildren(document.createTextNode(message));
}
