// The pad's IndexedDB outbox: every rating is stored here first (with its client UUID) and leaves only
// when the server acks ok, or refuses it for good — then it moves to the "rejected" store, which staff
// can read and nothing deletes. Survives reloads, network cuts and server restarts.
export interface OutboxRating {
  id: string;
  invitationId?: string;
  level: number;
  reasons?: string[];
  comment?: string;
  ratedAt: string;
  /** A bad review's callback number (#6): leaves the pad with the rating, never kept in the rejected list */
  callbackPhone?: string;
  callbackConsent?: true;
}
export interface RejectedRating {
  rating: OutboxRating;
  code: string;
  message: string;
  rejectedAt: string;
}

const DB_NAME = "hallwatch-kiosk";
const PENDING = "outbox";
const REJECTED = "rejected";

function promisify<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

export class Outbox {
  private constructor(private readonly db: IDBDatabase) {}

  static async open(): Promise<Outbox> {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => {
      const db = req.result;
      // seq keeps the order the citizens rated in
      if (!db.objectStoreNames.contains(PENDING)) db.createObjectStore(PENDING, { keyPath: "seq", autoIncrement: true }).createIndex("id", "rating.id", { unique: true });
      if (!db.objectStoreNames.contains(REJECTED)) db.createObjectStore(REJECTED, { keyPath: "rating.id" });
    };
    return new Outbox(await promisify(req));
  }

  async add(rating: OutboxRating): Promise<void> {
    const tx = this.db.transaction(PENDING, "readwrite");
    tx.objectStore(PENDING).add({ rating });
    await done(tx);
  }

  async oldest(): Promise<OutboxRating | null> {
    const tx = this.db.transaction(PENDING, "readonly");
    const cursor = await promisify(tx.objectStore(PENDING).openCursor());
    return cursor ? (cursor.value as { rating: OutboxRating }).rating : null;
  }

  async count(): Promise<number> {
    return promisify(this.db.transaction(PENDING, "readonly").objectStore(PENDING).count());
  }

  async remove(id: string): Promise<void> {
    const tx = this.db.transaction(PENDING, "readwrite");
    const key = await promisify(tx.objectStore(PENDING).index("id").getKey(id));
    if (key !== undefined) tx.objectStore(PENDING).delete(key);
    await done(tx);
  }

  /** Refused for good: kept in the rejected list, in the same transaction as leaving the outbox. */
  async reject(rating: OutboxRating, code: string, message: string): Promise<void> {
    const tx = this.db.transaction([PENDING, REJECTED], "readwrite");
    const key = await promisify(tx.objectStore(PENDING).index("id").getKey(rating.id));
    if (key !== undefined) tx.objectStore(PENDING).delete(key);
    // Staff read the rejected list: a citizen's number stays masked there
    const kept: OutboxRating = rating.callbackPhone ? { ...rating, callbackPhone: `${rating.callbackPhone.slice(0, 3)}****${rating.callbackPhone.slice(-4)}` } : rating;
    tx.objectStore(REJECTED).put({ rating: kept, code, message, rejectedAt: new Date().toISOString() } satisfies RejectedRating);
    await done(tx);
  }

  async rejected(): Promise<RejectedRating[]> {
    return promisify(this.db.transaction(REJECTED, "readonly").objectStore(REJECTED).getAll()) as Promise<RejectedRating[]>;
  }
}
