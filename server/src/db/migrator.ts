// Applies the committed migrations in prisma/migrations at start-up, without Prisma's engine binary.
// Each applied migration is recorded in Prisma's own `_prisma_migrations` table (same columns, sha256
// checksum of the file) so the Prisma CLI stays compatible. Two processes starting together are
// serialized by an IMMEDIATE transaction: the second waits, then finds nothing left to do.
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type BetterSqlite3 from "better-sqlite3";

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "..", "..", "..", "prisma", "migrations");

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationReport {
  applied: string[];
  total: number;
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL,
  "checksum" TEXT NOT NULL,
  "finished_at" DATETIME,
  "migration_name" TEXT NOT NULL,
  "logs" TEXT,
  "rolled_back_at" DATETIME,
  "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
  "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: string | null;
}

export class MigrationError extends Error {}

export function migrateSqlite(db: BetterSqlite3.Database, migrations = readMigrations()): MigrationReport {
  const applied: string[] = [];
  const run = db.transaction(() => {
    db.exec(CREATE_TABLE);
    const rows = db
      .prepare(`SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`)
      .all() as AppliedRow[];
    const unfinished = rows.find((r) => r.finished_at === null);
    if (unfinished) {
      throw new MigrationError(`Migration ${unfinished.migration_name} failed earlier; restore a backup or resolve it by hand.`);
    }
    const done = new Map(rows.map((r) => [r.migration_name, r.checksum]));
    for (const m of migrations) {
      const previous = done.get(m.name);
      if (previous !== undefined) {
        if (previous !== m.checksum) {
          throw new MigrationError(`Migration ${m.name} was edited after it was applied; migrations are never edited once landed.`);
        }
        continue;
      }
      const now = new Date().toISOString();
      db.exec(m.sql);
      db.prepare(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, ?, 1)`,
      ).run(randomUUID(), m.checksum, new Date().toISOString(), m.name, now);
      applied.push(m.name);
    }
  });
  // IMMEDIATE takes the write lock at BEGIN, so concurrent starters queue instead of racing.
  run.immediate();
  return { applied, total: migrations.length };
}

export function pendingSqlite(db: BetterSqlite3.Database, migrations = readMigrations()): string[] {
  const exists = db.prepare(`SELECT 1 FROM sqlite_master WHERE type='table' AND name='_prisma_migrations'`).get();
  if (!exists) return migrations.map((m) => m.name);
  const rows = db
    .prepare(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`)
    .all() as { migration_name: string }[];
  const done = new Set(rows.map((r) => r.migration_name));
  return migrations.filter((m) => !done.has(m.name)).map((m) => m.name);
}
