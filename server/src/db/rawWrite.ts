// A write transaction on the raw better-sqlite3 connection, for the hot paths where Prisma's per-query work
// is most of the cost (measured: a staff member's pause or sign-out cost 11–20 ms of CPU through Prisma's
// interactive transaction, the SQL in it well under a millisecond). IMMEDIATE, so the write lock is taken
// at BEGIN. While another connection holds it — a Prisma transaction awaiting on this same thread — waiting
// synchronously would deadlock, so it steps aside and tries again shortly, as the ratings' group commit
// does. Resolves only after the WAL's fsync, like every write the server answers for.
import type { Database } from "./database.ts";
import { BUSY_TIMEOUT_MS } from "./database.ts";

/** How long a writer that stepped aside waits before trying the write lock again */
export const BUSY_RETRY_MS = 5;

export const isBusy = (err: unknown): boolean =>
  err instanceof Error && "code" in err && (err.code === "SQLITE_BUSY" || err.code === "SQLITE_LOCKED");

/** Runs `fn` (a transaction on `raw`) failing at once with SQLITE_BUSY instead of waiting for the lock, then
 * restores the connection's usual busy timeout. Shared by rawWrite and the ratings' group commit. */
export function withoutWaiting<T>(raw: Database["raw"], fn: () => T): T {
  raw.pragma("busy_timeout = 0");
  try {
    return fn();
  } finally {
    raw.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  }
}

export async function rawWrite<T>(db: Pick<Database, "raw" | "walSync">, fn: () => T): Promise<T> {
  const giveUpAt = Date.now() + BUSY_TIMEOUT_MS;
  const run = db.raw.transaction(fn);
  for (;;) {
    let result: T;
    try {
      result = withoutWaiting(db.raw, () => run.immediate());
    } catch (err) {
      if (!isBusy(err) || Date.now() >= giveUpAt) throw err;
      await new Promise((resolve) => setTimeout(resolve, BUSY_RETRY_MS));
      continue;
    }
    await db.walSync.sync();
    return result;
  }
}
