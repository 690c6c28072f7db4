/**
 * The smallest IndexedDB the client needs: one database, a few key-value
 * stores, promises. Every failure (private mode, quota, a blocked upgrade)
 * rejects, and the callers treat that as "nothing stored".
 */
export class KeyValueDb {
  #db: Promise<IDBDatabase>;

  constructor(name: string, version: number, stores: readonly string[]) {
    this.#db = new Promise((resolve, reject) => {
      const request = indexedDB.open(name, version);
      request.onupgradeneeded = () => {
        // A new version starts empty: what an older version stored is not read.
        const db = request.result;
        for (const store of [...db.objectStoreNames]) db.deleteObjectStore(store);
        for (const store of stores) db.createObjectStore(store);
      };
      request.onsuccess = () => {
        // Another tab upgrading or deleting the database: let it.
        request.result.onversionchange = () => request.result.close();
        resolve(request.result);
      };
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error(`${name} is open in an older version elsewhere`));
    });
  }

  get<T>(store: string, key: string): Promise<T | undefined> {
    return this.#run(store, 'readonly', (objects) => objects.get(key) as IDBRequest<T | undefined>);
  }

  put(store: string, key: string, value: unknown): Promise<unknown> {
    return this.#run(store, 'readwrite', (objects) => objects.put(value, key));
  }

  /** The values whose keys start with `prefix`, in key order. */
  list<T>(store: string, prefix: string): Promise<T[]> {
    return this.#run(
      store,
      'readonly',
      (objects) => objects.getAll(IDBKeyRange.bound(prefix, `${prefix}\uffff`)) as IDBRequest<T[]>,
    );
  }

  delete(store: string, key: string): Promise<unknown> {
    return this.#run(store, 'readwrite', (objects) => objects.delete(key));
  }

  async #run<T>(store: string, mode: IDBTransactionMode, act: (objects: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    const db = await this.#db;
    return new Promise((resolve, reject) => {
      const transaction = db.transaction(store, mode);
      const request = act(transaction.objectStore(store));
      // Commit now, not after a round trip to the page (auto-commit): a write made as the page is
      // hidden or closed (the last one of a visit) must not be lost when the page goes before that.
      transaction.commit();
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = transaction.onabort = () => reject(transaction.error ?? request.error);
    });
  }
}
