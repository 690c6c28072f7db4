/**
 * The browser signals the transport reacts to (page visibility, network status),
 * read lazily so the client imports and runs in Node and under SSR.
 */
export interface Environment {
  hidden(): boolean;
  online(): boolean;
  /** Calls back on visibility and online/offline changes; returns the unsubscribe. */
  watch(onChange: () => void): () => void;
}

export const browserEnvironment: Environment = {
  hidden: () => typeof document !== 'undefined' && document.visibilityState === 'hidden',
  online: () => typeof navigator === 'undefined' || navigator.onLine !== false,
  watch(onChange) {
    if (typeof window === 'undefined' || typeof document === 'undefined') return () => {};
    document.addEventListener('visibilitychange', onChange);
    window.addEventListener('online', onChange);
    window.addEventListener('offline', onChange);
    return () => {
      document.removeEventListener('visibilitychange', onChange);
      window.removeEventListener('online', onChange);
      window.removeEventListener('offline', onChange);
    };
  },
};

/** Whether state can persist here: pages with IndexedDB (not Node, not SSR). */
export function canPersist(): boolean {
  return typeof document !== 'undefined' && typeof indexedDB !== 'undefined';
}
