// The field app's storage on the phone: IndexedDB, which keeps far more than localStorage's few megabytes (a day of
// deliveries with their photos) and survives the browser closing. Two stores: the queue, in the order actions were
// made, and the last copy of the distributor's tablets.
import type { Entry, Store } from './fieldqueue';
import type { FieldData } from './schema';

const DB = 'clickgive-field';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore('queue', { keyPath: 'seq', autoIncrement: true });
      request.result.createObjectStore('data');
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

type Row = Entry & { seq?: number };

export class IdbStore implements Store {
  private readonly db = open();

  private async store(name: 'queue' | 'data', mode: IDBTransactionMode): Promise<IDBObjectStore> {
    return (await this.db).transaction(name, mode).objectStore(name);
  }

  async all(): Promise<Entry[]> {
    return (await done((await this.store('queue', 'readonly')).getAll())) as Row[];
  }

  /** A new entry goes last; an entry already kept (a refusal noted on it) keeps its place. */
  async put(entry: Entry): Promise<void> {
    const kept = ((await this.all()) as Row[]).find((e) => e.action.clientId === entry.action.clientId);
    await done((await this.store('queue', 'readwrite')).put(kept ? { ...entry, seq: kept.seq } : entry));
  }

  async remove(clientId: string): Promise<void> {
    const kept = ((await this.all()) as Row[]).find((e) => e.action.clientId === clientId);
    if (kept?.seq !== undefined) await done((await this.store('queue', 'readwrite')).delete(kept.seq));
  }

  async data(): Promise<(FieldData & { savedAt: string }) | undefined> {
    return (await done((await this.store('data', 'readonly')).get('tablets'))) as (FieldData & { savedAt: string }) | undefined;
  }

  async saveData(data: FieldData): Promise<void> {
    await done((await this.store('data', 'readwrite')).put({ ...data, savedAt: new Date().toISOString() }, 'tablets'));
  }
}
