// Durability off the event loop (walSync.ts), on real SQLite files: nothing that awaits a commit —
// a Prisma write, a Prisma transaction, a batch of ratings — resolves before an fsync of the WAL that
// began after the commit has ended. The fsync itself is the one thing replaced: a gate the test opens.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "./database.ts";
import { WalSync } from "./walSync.ts";
import { GroupCommitter, type EvaluationRow } from "../domain/evaluations/groupCommitter.ts";

/** An fdatasync that ends only when the test says so; records each call. */
function gatedFsync() {
  const calls: { fd: number; release: (err?: Error) => void }[] = [];
  const fdatasync = (fd: number) =>
    new Promise<void>((resolve, reject) => {
      calls.push({ fd, release: (err) => (err ? reject(err) : resolve()) });
    });
  return { fdatasync, calls, releaseAll: () => calls.splice(0).forEach((c) => c.release()) };
}

/** Settles the microtask queue and one macrotask, so that whatever can run has run. */
const settle = () => new Promise((r) => setTimeout(r, 5));

function track<T>(p: Promise<T>) {
  const state = { settled: false, value: undefined as T | undefined, error: undefined as unknown };
  p.then(
    (v) => Object.assign(state, { settled: true, value: v }),
    (e: unknown) => Object.assign(state, { settled: true, error: e }),
  );
  return state;
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "hallwatch-walsync-"));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("WalSync", () => {
  it("a caller arriving while an fsync runs waits for the next one; everyone arriving meanwhile shares it", async () => {
    const file = path.join(dir, "x-wal");
    fs.writeFileSync(file, "frames");
    const gate = gatedFsync();
    const sync = new WalSync(file, gate.fdatasync);
    const first = track(sync.sync());
    await settle();
    expect(gate.calls).toHaveLength(1);
    const second = track(sync.sync());
    const third = track(sync.sync());
    await settle();
    expect(gate.calls).toHaveLength(1); // the running fsync may predate their commits: they wait
    gate.calls.shift()!.release();
    await settle();
    expect(first.settled).toBe(true);
    expect(second.settled).toBe(false);
    expect(gate.calls).toHaveLength(1); // one more fsync, shared by the two
    gate.calls.shift()!.release();
    await settle();
    expect(second.settled && third.settled).toBe(true);
    expect(sync.stats).toEqual({ started: 2, completed: 2, failed: 0 });
    await sync.close();
  });

  it("a failed fsync rejects its waiters; the next one is tried afresh", async () => {
    const file = path.join(dir, "x-wal");
    fs.writeFileSync(file, "frames");
    const gate = gatedFsync();
    const sync = new WalSync(file, gate.fdatasync);
    const failed = track(sync.sync());
    await settle();
    gate.calls.shift()!.release(new Error("EIO"));
    await settle();
    expect(failed.error).toBeInstanceOf(Error);
    const next = track(sync.sync());
    await settle();
    gate.calls.shift()!.release();
    await settle();
    expect(next.settled && next.error === undefined).toBe(true);
    expect(sync.stats).toMatchObject({ failed: 1, completed: 1 });
    await sync.close();
  });

  it("syncs the real WAL file with the real fdatasync", async () => {
    const db = await openDatabase(`file:${path.join(dir, "real.db")}`);
    try {
      await db.prisma.center.create({ data: { code: "c1", name: "中心", regionCode: "510100", settings: {} } });
      expect(db.walSync.stats.completed).toBeGreaterThanOrEqual(1);
      expect(db.walSync.stats.failed).toBe(0);
    } finally {
      await db.close();
    }
  });
});

describe("a commit resolves only after its fsync", () => {
  let db: Database;
  let gate: ReturnType<typeof gatedFsync>;
  beforeEach(async () => {
    gate = gatedFsync();
    db = await openDatabase(`file:${path.join(dir, "t.db")}`, { fdatasync: gate.fdatasync });
    expect(Number((db.raw.pragma("synchronous") as { synchronous: number }[])[0]!.synchronous)).toBe(1); // NORMAL
  });
  afterEach(async () => {
    gate.releaseAll();
    await db.close();
  });

  it("a Prisma write outside a transaction: committed (visible) at once, resolved after the fsync", async () => {
    const created = track(db.prisma.center.create({ data: { code: "c1", name: "中心", regionCode: "510100", settings: {} } }));
    await expect.poll(() => db.raw.prepare(`SELECT count(*) AS n FROM "Center"`).get()).toEqual({ n: 1 });
    await expect.poll(() => gate.calls.length).toBe(1);
    expect(created.settled).toBe(false);
    gate.releaseAll();
    await expect.poll(() => created.settled).toBe(true);
    expect(created.error).toBeUndefined();
  });

  it("a Prisma transaction resolves after the fsync; a read-only one and plain reads wait for none", async () => {
    const tx = track(
      db.prisma.$transaction(async (t) => {
        const c = await t.center.create({ data: { code: "c2", name: "中心", regionCode: "510100", settings: {} } });
        return t.center.update({ where: { id: c.id }, data: { name: "中心二" } });
      }),
    );
    await expect.poll(() => gate.calls.length).toBe(1);
    expect(db.raw.prepare(`SELECT "name" FROM "Center"`).get()).toEqual({ name: "中心二" });
    expect(tx.settled).toBe(false);
    gate.releaseAll();
    await expect.poll(() => tx.settled).toBe(true);

    await db.prisma.$transaction(async (t) => t.center.findMany());
    await db.prisma.center.count();
    expect(gate.calls).toHaveLength(0);
  });

  it("ratings are answered after their batch's fsync, and the next batch is written meanwhile", async () => {
    db.raw.prepare(`INSERT INTO "Center" ("id","code","name","regionCode","settings","active","createdAt","updatedAt") VALUES (1,'c','c','510100','{}',1,'2026-01-01T00:00:00.000+00:00','2026-01-01T00:00:00.000+00:00')`).run();
    const committer = new GroupCommitter(db.raw, { durable: () => db.walSync.sync(), maxBatch: 2, maxDelayMs: 0 });
    const row = (): EvaluationRow => ({
      id: randomUUID(), centerId: 1, windowId: null, staffId: null, itemId: null, caseId: null, invitationId: null, deviceId: null,
      channel: "HALL_PAD", level: 5, reasons: [], indicatorVersion: "v1", comment: null, bound: false,
      ratedAt: new Date("2026-11-30T02:00:00Z"), receivedAt: new Date("2026-11-30T02:00:00Z"),
    });
    const first = [track(committer.submit(row())), track(committer.submit(row()))];
    await expect.poll(() => gate.calls.length).toBe(1);
    const second = [track(committer.submit(row())), track(committer.submit(row()))];
    const count = () => (db.raw.prepare(`SELECT count(*) AS n FROM "Evaluation"`).get() as { n: number }).n;
    await expect.poll(count).toBe(4); // written while the first batch's fsync runs
    expect([...first, ...second].some((s) => s.settled)).toBe(false);
    gate.calls.shift()!.release();
    await expect.poll(() => first.every((s) => s.settled)).toBe(true);
    expect(first.map((s) => s.value)).toEqual([{ kind: "stored" }, { kind: "stored" }]);
    expect(second.some((s) => s.settled)).toBe(false); // its commit came after that fsync began
    await expect.poll(() => gate.calls.length).toBe(1);
    gate.calls.shift()!.release();
    await expect.poll(() => second.every((s) => s.settled)).toBe(true);
    const closing = committer.close();
    gate.releaseAll();
    await closing;
  });

  it("a failed fsync answers the batch 'retry', never 'stored'", async () => {
    db.raw.prepare(`INSERT INTO "Center" ("id","code","name","regionCode","settings","active","createdAt","updatedAt") VALUES (1,'c','c','510100','{}',1,'2026-01-01T00:00:00.000+00:00','2026-01-01T00:00:00.000+00:00')`).run();
    const errors: unknown[] = [];
    const committer = new GroupCommitter(db.raw, { durable: () => db.walSync.sync(), maxDelayMs: 0, onError: (err) => errors.push(err) });
    const answer = track(
      committer.submit({
        id: randomUUID(), centerId: 1, windowId: null, staffId: null, itemId: null, caseId: null, invitationId: null, deviceId: null,
        channel: "HALL_PAD", level: 4, reasons: [], indicatorVersion: "v1", comment: null, bound: false,
        ratedAt: new Date(), receivedAt: new Date(),
      }),
    );
    await expect.poll(() => gate.calls.length).toBe(1);
    gate.calls.shift()!.release(new Error("EIO"));
    await expect.poll(() => answer.settled).toBe(true);
    expect(answer.value).toEqual({ kind: "failed", retryable: true, reason: "BUSY" });
    expect(errors).toHaveLength(1);
    await committer.close();
  });
});

describe("checkpoints on their own thread", () => {
  it("copy the WAL into the database while the server's connections never checkpoint below the safety bound", async () => {
    const db = await openDatabase(`file:${path.join(dir, "ckpt.db")}`);
    try {
      expect(db.raw.pragma("wal_autocheckpoint", { simple: true })).toBe(10_000);
      db.raw.prepare(`INSERT INTO "Center" ("id","code","name","regionCode","settings","active","createdAt","updatedAt") VALUES (1,'c','c','510100','{}',1,'2026-01-01T00:00:00.000+00:00','2026-01-01T00:00:00.000+00:00')`).run();
      const committer = new GroupCommitter(db.raw, { durable: () => db.walSync.sync(), maxDelayMs: 0 });
      await Promise.all(
        Array.from({ length: 300 }, () =>
          committer.submit({
            id: randomUUID(), centerId: 1, windowId: null, staffId: null, itemId: null, caseId: null, invitationId: null, deviceId: null,
            channel: "HALL_PAD", level: 3, reasons: [], indicatorVersion: "v1", comment: null, bound: false, ratedAt: new Date(), receivedAt: new Date(),
          }),
        ),
      );
      await committer.close();
      await expect.poll(async () => (await db.checkpointer!.stats()).framesCopied, { timeout: 5000 }).toBeGreaterThan(0);
      const stats = await db.checkpointer!.stats();
      expect(stats.errors).toBe(0);
      // Everything is in the database file itself: a connection that reads it without the WAL sees it
      await db.checkpointer!.stop();
      const copy = path.join(dir, "copy.db");
      fs.copyFileSync(path.join(dir, "ckpt.db"), copy);
      const { default: Sqlite } = await import("better-sqlite3");
      const plain = new Sqlite(copy, { readonly: true });
      expect(plain.prepare(`SELECT count(*) AS n FROM "Evaluation"`).get()).toEqual({ n: 300 });
      plain.close();
    } finally {
      await db.close();
    }
  });
});
