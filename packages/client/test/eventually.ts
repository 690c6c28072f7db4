/** Waits until `check` passes (re-checked every 25 ms), or fails with its last error after `timeoutMs`: a condition wait, never a fixed sleep. Shared by Node and browser tests. */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

/** Resolves with a store's value once `predicate` holds (read again until then, as `eventually` does). */
export function until<T>(store: { get(): T }, predicate: (value: T) => boolean, timeoutMs?: number): Promise<T> {
  return eventually(() => {
    const value = store.get();
    if (!predicate(value)) throw new Error(`not yet: ${JSON.stringify(value).slice(0, 300)}`);
    return value;
  }, timeoutMs);
}
