// Opens the database named by DATABASE_URL: migrates it, then hands out the Prisma client (for the
// domain) and, on SQLite, a raw better-sqlite3 connection (for bulk seeding and group commit).
// SQLite runs in WAL mode; what the server acknowledged survives a power cut: every connection runs
// synchronous=NORMAL and whatever answers after a commit first awaits an fsync of the WAL on the thread
// pool (walSync.ts) — Prisma's writes inside the adapter, the ratings' group commit explicitly.
import fs from "node:fs";
import path from "node:path";
import Sqlite from "better-sqlite3";
import { PrismaClient } from "../generated/prisma/client.ts";
import { migrateSqlite, pendingSqlite, type MigrationReport } from "./migrator.ts";
import { Checkpointer, SAFETY_AUTOCHECKPOINT_PAGES } from "./checkpointer.ts";
import { CachingBetterSqlite3 } from "./statementCache.ts";
import { WalSync, type Fdatasync } from "./walSync.ts";

export type { PrismaClient };
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export interface Database {
  kind: "sqlite";
  url: string;
  prisma: PrismaClient;
  /** The raw driver connection (SQLite): bulk inserts and group commit go through it. */
  raw: Sqlite.Database;
  /** Makes commits durable: await sync() after a commit on `raw` before answering anyone about it. */
  walSync: WalSync;
  /** Copies the WAL into the database on its own thread (null for an in-memory database) */
  checkpointer: Checkpointer | null;
  migration: MigrationReport;
  ping(): Promise<boolean>;
  pendingMigrations(): string[];
  close(): Promise<void>;
}

/**
 * Gives SQLite's query planner row counts per index (sqlite_stat1). Without them it guessed, and the live
 * feeds' "today's cases of these windows" query scanned every case of the center through the wrong index
 * (measured: 1.9 ms a query against 0.27 ms after ANALYZE, hundreds of times a minute in a busy hall).
 * "as needed" (at every open) analyzes only tables that changed a lot; after bulk loads, everything.
 * analysis_limit keeps each index's sample small: a few tens of milliseconds on the demo hall.
 */
export function refreshPlannerStatistics(raw: Sqlite.Database, scope: "as needed" | "all"): void {
  raw.pragma("analysis_limit = 400");
  if (scope === "all") raw.exec("ANALYZE");
  else raw.pragma("optimize = 0x10002");
}

export function sqliteFile(url: string): string {
  const file = url.replace(/^file:/, "").replace(/\?.*$/, "");
  return file === ":memory:" ? file : path.resolve(file);
}

export const BUSY_TIMEOUT_MS = 10_000;

function applyPragmas(db: Sqlite.Database): void {
  db.pragma("journal_mode = WAL");
  // Not FULL: the fsync of a commit happens off the event loop, in WalSync
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // Checkpoints are the Checkpointer's, on its own thread; this only bounds the WAL if it falls behind
  db.pragma(`wal_autocheckpoint = ${SAFETY_AUTOCHECKPOINT_PAGES}`);
}

export async function openDatabase(url: string, opts: { fdatasync?: Fdatasync; onCheckpointError?: (err: unknown) => void } = {}): Promise<Database> {
  if (!url.startsWith("file:")) {
    throw new Error(`Unsupported DATABASE_URL "${url.split(":")[0]}:…" — this build supports SQLite (file:…).`);
  }
  const file = sqliteFile(url);
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });

  const raw = new Sqlite(file, { timeout: BUSY_TIMEOUT_MS });
  let migration: MigrationReport;
  try {
    applyPragmas(raw);
    migration = migrateSqlite(raw);
    refreshPlannerStatistics(raw, "as needed");
  } catch (err) {
    raw.close();
    throw err;
  }

  const walSync = new WalSync(file === ":memory:" ? null : `${file}-wal`, opts.fdatasync);
  const prisma = new PrismaClient({ adapter: new CachingBetterSqlite3({ url: file, timeout: BUSY_TIMEOUT_MS }, walSync) });
  // The adapter opens its own connection; synchronous and foreign_keys are per connection.
  await prisma.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
  await prisma.$queryRawUnsafe("PRAGMA foreign_keys = ON");
  await prisma.$queryRawUnsafe(`PRAGMA wal_autocheckpoint = ${SAFETY_AUTOCHECKPOINT_PAGES}`);
  const checkpointer = file === ":memory:" ? null : new Checkpointer(file, { onError: opts.onCheckpointError });

  return {
    kind: "sqlite",
    url,
    prisma,
    raw,
    walSync,
    checkpointer,
    migration,
    async ping() {
      try {
        await prisma.$queryRawUnsafe("SELECT 1");
        return true;
      } catch {
        return false;
      }
    },
    pendingMigrations: () => pendingSqlite(raw),
    async close() {
      await checkpointer?.stop();
      await prisma.$disconnect();
      await walSync.close();
      raw.close();
    },
  };
}

/** The adapter stores DateTime as ISO-8601 text with an explicit offset; bulk writers must match it. */
export const sqliteTime = (d: Date): string => `${d.toISOString().slice(0, -1)}+00:00`;
