import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Sqlite from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { migrateSqlite } from "../db/migrator.ts";
import { isDatabaseEmpty, seedDemo, type SeedDemoOptions } from "./seedDemo.ts";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hallwatch-demo-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let files = 0;
function freshDatabase(): Sqlite.Database {
  const raw = new Sqlite(path.join(dir, `demo-${++files}.db`));
  raw.pragma("journal_mode = WAL");
  raw.pragma("foreign_keys = ON");
  migrateSqlite(raw);
  return raw;
}

const now = new Date("2026-11-28T02:00:00.000Z");
const options = (halls: number): SeedDemoOptions => ({
  halls,
  seed: 20261128,
  now,
  demoPasswordHash: "$argon2id$demo-hash",
  adminPasswordHash: "$argon2id$admin-hash",
});

const count = (raw: Sqlite.Database, table: string): number =>
  (raw.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;

describe("seedDemo", () => {
  it("fills an empty database with one hall whose rows keep every foreign key", () => {
    const raw = freshDatabase();
    expect(isDatabaseEmpty(raw)).toBe(true);
    const summary = seedDemo(raw, options(1));

    expect(isDatabaseEmpty(raw)).toBe(false);
    expect([count(raw, "Center"), count(raw, "Department"), count(raw, "ServiceItem"), count(raw, "Window")]).toEqual([1, 33, 194, 90]);
    expect(count(raw, "Staff")).toBe(summary.staff);
    expect(summary.staff).toBeGreaterThanOrEqual(165);
    expect(count(raw, "User")).toBe(summary.users);
    expect(summary.users).toBe(5 + 33 + summary.staff + 2);
    expect(raw.pragma("foreign_key_check")).toEqual([]);
    expect(raw.pragma("integrity_check", { simple: true })).toBe("ok");
    raw.close();
  });

  it("stores values the way Prisma reads them: ISO times with offset, 1/0 booleans, JSON text", () => {
    const raw = freshDatabase();
    seedDemo(raw, options(1));
    const center = raw.prepare(`SELECT * FROM "Center"`).get() as Record<string, unknown>;
    expect(center.createdAt).toBe("2026-11-28T02:00:00.000+00:00");
    expect(center.updatedAt).toBe(center.createdAt);
    expect(JSON.parse(String(center.settings))).toMatchObject({ timezone: "Asia/Shanghai" });
    const staff = raw.prepare(`SELECT joinedAt, partyMember FROM "Staff" ORDER BY id LIMIT 1`).get() as { joinedAt: string; partyMember: number };
    expect(staff.joinedAt).toMatch(/^\d{4}-\d{2}-\d{2}T01:00:00\.000\+00:00$/);
    expect([0, 1]).toContain(staff.partyMember);
    const item = raw.prepare(`SELECT procedure, materials FROM "ServiceItem" ORDER BY id LIMIT 1`).get() as { procedure: string; materials: string };
    expect(Array.isArray(JSON.parse(item.procedure))).toBe(true);
    expect(Array.isArray(JSON.parse(item.materials))).toBe(true);
    raw.close();
  });

  it("creates the demo logins with their links and password hashes", () => {
    const raw = freshDatabase();
    const summary = seedDemo(raw, options(1));
    const user = (username: string) =>
      raw.prepare(`SELECT role, centerId, staffId, departmentId, passwordHash, displayName FROM "User" WHERE username = ?`).get(username) as
        | { role: string; centerId: number | null; staffId: number | null; departmentId: number | null; passwordHash: string; displayName: string }
        | undefined;

    expect(user("admin")).toMatchObject({ role: "ADMIN", passwordHash: "$argon2id$admin-hash", centerId: 1 });
    expect(user("security")).toMatchObject({ role: "SECURITY_ADMIN", passwordHash: "$argon2id$demo-hash" });
    expect(user("leader")?.role).toBe("LEADER");
    expect(user("supervisor")?.role).toBe("SUPERVISOR");
    expect(user("auditor")?.role).toBe("AUDITOR");
    expect(user("cityleader")).toMatchObject({ role: "CITY_LEADER", centerId: null });
    expect(user("cityauditor")).toMatchObject({ role: "CITY_AUDITOR", centerId: null });

    const staff = raw.prepare(`SELECT id, name FROM "Staff" WHERE staffNo = 'S0001'`).get() as { id: number; name: string };
    expect(user("s0001")).toMatchObject({ role: "STAFF", staffId: staff.id, displayName: staff.name });
    const department = raw.prepare(`SELECT id FROM "Department" WHERE code = 'scjg'`).get() as { id: number };
    expect(user("liaison-scjg")).toMatchObject({ role: "LIAISON", departmentId: department.id });
    expect(count(raw, "User") - (raw.prepare(`SELECT count(*) AS n FROM "User" WHERE role = 'STAFF'`).get() as { n: number }).n).toBe(40);

    expect(summary.logins.map((l) => l.role)).toEqual([
      "ADMIN", "SECURITY_ADMIN", "LEADER", "SUPERVISOR", "STAFF", "LIAISON", "AUDITOR", "CITY_LEADER", "CITY_AUDITOR",
    ]);
    for (const l of summary.logins) expect(user(l.username)?.role).toBe(l.role);
    raw.close();
  });

  it("refuses a database that already has a center", () => {
    const raw = freshDatabase();
    seedDemo(raw, options(1));
    expect(() => seedDemo(raw, options(1))).toThrow(/empty database/);
    expect(count(raw, "Center")).toBe(1);
    raw.close();
  });

  it("seeds a city of 3 halls with unique usernames and city accounts once", () => {
    const raw = freshDatabase();
    const summary = seedDemo(raw, options(3));
    expect(summary).toMatchObject({ centers: 3, departments: 99, items: 582, windows: 270 });
    expect(raw.prepare(`SELECT code FROM "Center" ORDER BY id`).pluck().all()).toEqual(["C01", "C02", "C03"]);
    expect(new Set(raw.prepare(`SELECT name FROM "Center"`).pluck().all()).size).toBe(3);
    const usernames = raw.prepare(`SELECT username FROM "User"`).pluck().all() as string[];
    expect(new Set(usernames).size).toBe(usernames.length);
    expect(usernames).toEqual(expect.arrayContaining(["leader", "c02-leader", "c03-leader", "c03-s0001", "c02-liaison-gaj"]));
    expect(raw.prepare(`SELECT count(*) FROM "User" WHERE centerId IS NULL`).pluck().get()).toBe(2);
    // Each center's rows point at that center's departments only
    const crossed = raw
      .prepare(`SELECT count(*) FROM "ServiceItem" i JOIN "Department" d ON d.id = i.departmentId WHERE d.centerId <> i.centerId`)
      .pluck()
      .get();
    expect(crossed).toBe(0);
    expect(raw.pragma("foreign_key_check")).toEqual([]);
    raw.close();
  });

  it("reports progress once per hall", () => {
    const raw = freshDatabase();
    const seen: string[] = [];
    seedDemo(raw, { ...options(2), onProgress: (p) => seen.push(`${p.step} ${p.done}/${p.total}`) });
    expect(seen).toEqual(["halls 0/2", "halls 1/2", "halls 2/2"]);
    raw.close();
  });

  // Timing is printed for the reader, not asserted: the machine's load decides it (see test/bench/).
  it("seeds 1 and 2 halls in one go (timings are printed)", () => {
    const timings: string[] = [];
    for (const halls of [1, 2]) {
      const raw = freshDatabase();
      const started = performance.now();
      const summary = seedDemo(raw, options(halls));
      const ms = performance.now() - started;
      timings.push(`${halls} hall(s): ${ms.toFixed(0)} ms (${summary.staff} staff, ${summary.users} users)`);
      expect(summary.centers).toBe(halls);
      raw.close();
    }
    console.log(`seedDemo timings: ${timings.join("; ")}`);
  });
});
