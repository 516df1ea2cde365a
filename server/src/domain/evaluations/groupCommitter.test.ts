// The group committer on a real SQLite file: many ratings per transaction, each answered after its
// batch; duplicates inside a batch and against the table; a failing batch stores nothing and answers
// retry; close() commits what is queued and refuses what comes after.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Sqlite from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrateSqlite } from "../../db/migrator.ts";
import { GroupCommitter, type EvaluationRow } from "./groupCommitter.ts";

let dir: string;
let db: Sqlite.Database;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "hallwatch-commit-"));
  db = new Sqlite(path.join(dir, "t.db"));
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.pragma("foreign_keys = ON");
  migrateSqlite(db);
  db.prepare(`INSERT INTO "Center" ("id","code","name","regionCode","settings","active","createdAt","updatedAt") VALUES (1,'c','c','510100','{}',1,'2026-01-01T00:00:00.000+00:00','2026-01-01T00:00:00.000+00:00')`).run();
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const row = (over: Partial<EvaluationRow> = {}): EvaluationRow => ({
  id: randomUUID(),
  centerId: 1,
  windowId: null,
  staffId: null,
  itemId: null,
  caseId: null,
  invitationId: null,
  deviceId: null,
  channel: "HALL_PAD",
  level: 5,
  reasons: [],
  indicatorVersion: "v",
  comment: null,
  bound: false,
  ratedAt: new Date(),
  receivedAt: new Date(),
  ...over,
});
const count = () => (db.prepare(`SELECT count(*) AS n FROM "Evaluation"`).get() as { n: number }).n;

describe("GroupCommitter", () => {
  it("writes many ratings per transaction and answers each after its batch", async () => {
    const c = new GroupCommitter(db, { maxBatch: 100 });
    const outcomes = await Promise.all(Array.from({ length: 1000 }, () => c.submit(row())));
    expect(outcomes.every((o) => o.kind === "stored")).toBe(true);
    expect(count()).toBe(1000);
    expect(c.stats.batches).toBeLessThanOrEqual(20);
    expect(c.stats.batches).toBeGreaterThanOrEqual(10);
  });

  it("reports duplicates in the same batch and against the table", async () => {
    const c = new GroupCommitter(db);
    const r = row();
    const [a, b] = await Promise.all([c.submit(r), c.submit({ ...r, level: 1 })]);
    expect([a.kind, b.kind].sort()).toEqual(["duplicate", "stored"]);
    expect((await c.submit(r)).kind).toBe("duplicate");
    expect(count()).toBe(1);
  });

  it("stores nothing of a failing batch and answers every rating in it retryable", async () => {
    const c = new GroupCommitter(db, { maxBatch: 10 });
    const rows = Array.from({ length: 10 }, (_, i) => row(i === 7 ? { centerId: 999 } : {})); // a foreign key fails
    const outcomes = await Promise.all(rows.map((r) => c.submit(r)));
    expect(outcomes.every((o) => o.kind === "failed" && o.retryable)).toBe(true);
    expect(count()).toBe(0);
    expect(c.stats.failedBatches).toBe(1);
  });

  it("steps aside while another connection holds the write lock, then commits", async () => {
    const other = new Sqlite(path.join(dir, "t.db"));
    other.exec("BEGIN IMMEDIATE");
    const c = new GroupCommitter(db);
    const pending = c.submit(row());
    await new Promise((r) => setTimeout(r, 50));
    expect(count()).toBe(0);
    other.exec("COMMIT");
    other.close();
    expect((await pending).kind).toBe("stored");
  });

  it("commits what is queued on close and refuses later ratings as retryable", async () => {
    const c = new GroupCommitter(db, { maxDelayMs: 1000 });
    const queued = Array.from({ length: 5 }, () => c.submit(row()));
    await c.close();
    expect((await Promise.all(queued)).every((o) => o.kind === "stored")).toBe(true);
    expect(await c.submit(row())).toEqual({ kind: "failed", retryable: true, reason: "SHUTTING_DOWN" });
  });

  it("refuses an immutable rating's update or deletion at the database", async () => {
    const c = new GroupCommitter(db);
    const r = row();
    await c.submit(r);
    expect(() => db.prepare(`UPDATE "Evaluation" SET "level" = 1 WHERE "id" = ?`).run(r.id)).toThrow(/append-only/);
    expect(() => db.prepare(`DELETE FROM "Evaluation" WHERE "id" = ?`).run(r.id)).toThrow(/append-only/);
  });
});

describe("GroupCommitter timing", () => {
  it("keeps committing when ratings trickle in one by one after an empty flush", async () => {
    const c = new GroupCommitter(db, { maxDelayMs: 1 });
    await c.flush(); // an empty flush must not leave the committer thinking it is still flushing
    for (let i = 0; i < 20; i++) {
      expect((await c.submit(row())).kind).toBe("stored");
      await c.flush();
      await new Promise((r) => setTimeout(r, 2));
    }
    expect(count()).toBe(20);
  });
});
