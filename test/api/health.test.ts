// Liveness, readiness, migrations applied once even when two processes start together, and the
// durability settings of the embedded database.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../server/src/db/database.ts";
import { readMigrations } from "../../server/src/db/migrator.ts";
import { ApiClient } from "../support/apiClient.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ demo: false });
});
afterAll(async () => {
  await server?.stop();
});

describe("health", () => {
  it("/healthz says alive and /readyz says ready with nothing pending", async () => {
    const c = new ApiClient(server.url);
    expect((await c.get("/healthz")).body).toEqual({ status: "alive" });
    const ready = await c.get<{ status: string; pendingMigrations: string[] }>("/readyz");
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: "ready", database: "reachable", pendingMigrations: [] });
  });

  it("runs SQLite in WAL mode, commits fsynced off the event loop: synchronous=NORMAL and a WAL sync after each write", async () => {
    const { prisma, db } = server.services;
    const journal = await prisma.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
    const sync = await prisma.$queryRawUnsafe<{ synchronous: number | bigint }[]>("PRAGMA synchronous");
    expect(journal[0]!.journal_mode).toBe("wal");
    expect(Number(sync[0]!.synchronous)).toBe(1); // NORMAL: the fsync is WalSync's (server/src/db/walSync.test.ts)
    const before = db.walSync.stats.completed;
    await prisma.center.create({ data: { code: "health", name: "健康检查", regionCode: "510100", settings: {} } });
    expect(db.walSync.stats.completed).toBeGreaterThan(before);
  });
});

describe("migrations", () => {
  it("two processes opening a new database at once apply each migration exactly once", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hallwatch-migrate-"));
    const url = `file:${path.join(dir, "race.db")}`;
    try {
      const [a, b] = await Promise.all([openDatabase(url), openDatabase(url)]);
      const rows = a.raw.prepare(`SELECT migration_name, checksum FROM "_prisma_migrations"`).all() as { migration_name: string; checksum: string }[];
      const expected = readMigrations();
      expect(rows.map((r) => r.migration_name).sort()).toEqual(expected.map((m) => m.name));
      expect(rows.map((r) => r.checksum).sort()).toEqual(expected.map((m) => m.checksum).sort());
      expect(a.migration.applied.length + b.migration.applied.length).toBe(expected.length);
      expect(a.pendingMigrations()).toEqual([]);
      await a.close();
      await b.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses to start on a database whose applied migration was edited afterwards", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hallwatch-migrate-"));
    const url = `file:${path.join(dir, "edited.db")}`;
    try {
      const db = await openDatabase(url);
      db.raw.prepare(`UPDATE "_prisma_migrations" SET checksum = 'tampered'`).run();
      await db.close();
      await expect(openDatabase(url)).rejects.toThrow(/edited after it was applied/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
