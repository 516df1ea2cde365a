// rawWrite: one IMMEDIATE transaction on the raw connection, stepping aside (never blocking the event loop)
// while another connection holds the write lock, answered only after the WAL's fsync.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Sqlite from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { rawWrite } from "./rawWrite.ts";
import { WalSync } from "./walSync.ts";

let dir: string;
let raw: Sqlite.Database;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "hallwatch-rawwrite-"));
  raw = new Sqlite(path.join(dir, "t.db"));
  raw.pragma("journal_mode = WAL");
  raw.exec(`CREATE TABLE t ("n" INTEGER)`);
});

afterEach(() => {
  raw.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("rawWrite", () => {
  it("waits, without blocking the loop, while another connection holds the write lock, then commits", async () => {
    const other = new Sqlite(path.join(dir, "t.db"));
    other.exec("BEGIN IMMEDIATE");
    const walSync = new WalSync(path.join(dir, "t.db-wal"));
    const t0 = performance.now();
    let settled = false;
    const write = rawWrite({ raw, walSync }, () => raw.prepare(`INSERT INTO t VALUES (1)`).run().changes).finally(() => (settled = true));
    try {
      await new Promise((r) => setTimeout(r, 20));
      // Waiting on the lock synchronously would have held this timer for the busy timeout (10 s)
      expect(performance.now() - t0).toBeLessThan(5_000);
      await new Promise((r) => setTimeout(r, 30));
      expect(settled).toBe(false);
      expect(raw.prepare(`SELECT count(*) AS n FROM t`).get()).toEqual({ n: 0 });
    } finally {
      other.exec("COMMIT");
      other.close();
    }
    expect(await write).toBe(1);
    expect(raw.prepare(`SELECT count(*) AS n FROM t`).get()).toEqual({ n: 1 });
  });

  it("rolls back everything and passes the error on when the work throws", async () => {
    const walSync = new WalSync(path.join(dir, "t.db-wal"));
    await expect(
      rawWrite({ raw, walSync }, () => {
        raw.prepare(`INSERT INTO t VALUES (1)`).run();
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    expect(raw.prepare(`SELECT count(*) AS n FROM t`).get()).toEqual({ n: 0 });
  });

  it("resolves only after the WAL's fsync", async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const walSync = new WalSync(path.join(dir, "t.db-wal"), async () => gate);
    let done = false;
    const write = rawWrite({ raw, walSync }, () => raw.prepare(`INSERT INTO t VALUES (1)`).run()).then(() => (done = true));
    await new Promise((r) => setTimeout(r, 30));
    expect(raw.prepare(`SELECT count(*) AS n FROM t`).get()).toEqual({ n: 1 }); // committed
    expect(done).toBe(false); // not yet answered
    release();
    await write;
    expect(done).toBe(true);
  });
});
