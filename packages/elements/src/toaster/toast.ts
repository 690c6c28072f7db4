/**
 * `toast()`: shows a short message in the page's `<pd-toaster>`. When the page
 * has none, one is added to `<body>`, so a message is never lost.
 */

/** How a toast looks: `success` (the default), `error` or `info`. */
export type ToastKind = 'success' | 'error' | 'info';

/** A button on a toast ("Undo"): pressing it runs `run` and closes the toast. */
export interface ToastAction {
  label: string;
  run: () => void;
}

export interface ToastRequest {
  message: string;
  kind: ToastKind;
  action?: ToastAction;
}

/** Asks the page's toaster to show a message. Fired on `document`; a toaster listens there. */
export class PdToastEvent extends CustomEvent<ToastRequest> {
  /** Set by the toaster that showed it. */
  handled = false;
  constructor(request: ToastRequest) {
    super('pd-toast', { detail: request });
  }
}

/**
 * Shows `message` in the page's toaster (creating `<pd-toaster>` when there is
 * none), with a button when `action` is given ("Undo").
 */
export function toast(message: string, kind: ToastKind = 'success', action?: ToastAction): void {
  if (typeof document === 'undefined') return;
  const request: ToastRequest = action ? { message, kind, action } : { message, kind };
  const event = new PdToastEvent(request);
  document.dispatchEvent(event);
  if (event.handled) return;
  const toaster = document.createElement('pd-toaster');
  document.body.append(toaster);
  document.dispatchEvent(new PdToastEvent(request));
}

declare global {
  interface DocumentEventMap {
    'pd-toast': PdToastEvent;
  }
}
