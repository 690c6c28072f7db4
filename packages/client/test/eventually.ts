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
