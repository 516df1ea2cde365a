import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Sqlite from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { StatementCache, withStatementCache } from "./statementCache.ts";

let dir: string;
let db: Sqlite.Database;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "hallwatch-stmt-"));
  db = new Sqlite(path.join(dir, "t.db"));
  db.defaultSafeIntegers(true);
  db.exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)`);
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("the adapter's statement cache", () => {
  it("prepares a query once and runs it with each call's own arguments, as bind() then run/raw().all() would", () => {
    const cache = new StatementCache(db);
    const insert = "INSERT INTO t (id, name) VALUES (?, ?)";
    expect(cache.prepare(insert).bind([1, "甲"]).run().changes).toBe(1);
    expect(cache.prepare(insert).bind([2, "乙"]).run().changes).toBe(1);
    const select = "SELECT id, name FROM t WHERE id >= ? ORDER BY id";
    const first = cache.prepare(select).bind([1]);
    expect(first.reader).toBe(true);
    expect(first.columns().map((c) => c.name)).toEqual(["id", "name"]);
    expect(first.raw().all()).toEqual([[1n, "甲"], [2n, "乙"]]);
    expect(cache.prepare(select).bind([2]).raw().all()).toEqual([[2n, "乙"]]);
    expect(cache.stats).toEqual({ hits: 2, misses: 2 });
    expect(cache.prepare("SELECT count(*) FROM t").raw().all()).toEqual([[2n]]); // without bind()
  });

  it("keeps at most a thousand statements, dropping the least recently used", () => {
    const cache = new StatementCache(db);
    cache.prepare("SELECT 0").raw().all();
    for (let i = 1; i <= 1000; i++) {
      cache.prepare(`SELECT ${i}`).raw().all();
      cache.prepare("SELECT 0"); // kept in use: never the one dropped
    }
    expect(cache.size).toBe(1000);
    const before = cache.stats.misses;
    cache.prepare("SELECT 0");
    expect(cache.stats.misses).toBe(before);
    cache.prepare("SELECT 1");
    expect(cache.stats.misses).toBe(before + 1); // the oldest was dropped
  });

  it("leaves the rest of the connection as it was: transactions, exec, pragmas", () => {
    const { db: proxied } = withStatementCache(db);
    proxied.prepare("BEGIN").run();
    expect(proxied.inTransaction).toBe(true);
    proxied.prepare("INSERT INTO t (id, name) VALUES (?, ?)").bind([9, "丙"]).run();
    proxied.prepare("ROLLBACK").run();
    proxied.pragma("user_version = 7");
    expect(proxied.pragma("user_version", { simple: true })).toBe(7n);
    proxied.exec("INSERT INTO t (id, name) VALUES (3, '丁')");
    expect(db.prepare("SELECT id FROM t").pluck().all()).toEqual([3n]);
  });

  it("reports a bad query when it is prepared, and caches nothing for it", () => {
    const cache = new StatementCache(db);
    expect(() => cache.prepare("SELECT FROM nowhere")).toThrow();
    expect(cache.size).toBe(0);
  });
});
