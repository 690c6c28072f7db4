/** The client's IndexedDB, read and cleared directly, for browser tests. */

/** Deletes every persisted state (each test starts as a first visit); resolves when gone or when another page holds it open. */
export function clearPersisted(): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase('pd-notify');
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

function database(): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    const request = indexedDB.open('pd-notify');
    // Opening a database that does not exist creates an empty one: nothing is stored.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => resolve(null);
  });
}

async function run<T>(
  store: string,
  mode: IDBTransactionMode,
  act: (objects: IDBObjectStore) => IDBRequest<T>,
): Promise<T | undefined> {
  const db = await database();
  if (!db) return undefined;
  try {
    return await new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(store, mode);
      const request = act(transaction.objectStore(store));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error);
    });
  } finally {
    db.close();
  }
}

/** The persisted entry of `baseUrl|userId` in the cache, as stored. */
export const readPersisted = (key: string) => run<unknown>('cache', 'readonly', (objects) => objects.get(key));

/** Writes an entry as if an earlier visit (or another version of the client) had. */
export const writePersisted = (key: string, value: unknown) =>
  run('cache', 'readwrite', (objects) => objects.put(value, key));
