// Writes demo rows through prepared better-sqlite3 statements (bulk seeding runs ~30× faster than
// through Prisma). Stores values the way the Prisma adapter reads them back: DateTime as ISO text
// with an explicit offset (sqliteTime), Boolean as 1/0, Json as JSON text. Runs inside the
// caller's transaction; returns the ids the database assigned, by row key, so history rows
// written later in the same transaction can refer to them.
import type Sqlite from "better-sqlite3";
import { sqliteTime } from "../db/database.ts";
import type { AccountRow, HallRows, PasswordKind } from "./rows.ts";

/** Database ids of one hall's rows; `departments[key - 1]` is the id of the department with that key. */
export interface HallIds {
  centerId: number;
  departments: number[];
  items: number[];
  windows: number[];
  staff: number[];
}

const bool = (b: boolean): number => (b ? 1 : 0);

function idOf(ids: readonly number[], key: number, what: string): number {
  const id = ids[key - 1];
  if (id === undefined) throw new Error(`No ${what} with key ${key}`);
  return id;
}

function prepareStatements(raw: Sqlite.Database) {
  return {
    center: raw.prepare(
      `INSERT INTO "Center" (code, name, regionCode, settings, active, createdAt, updatedAt)
       VALUES (@code, @name, @regionCode, @settings, 1, @at, @at)`,
    ),
    department: raw.prepare(
      `INSERT INTO "Department" (centerId, code, name, shortName, liaisonEmails, active, createdAt, updatedAt)
       VALUES (@centerId, @code, @name, @shortName, @liaisonEmails, 1, @at, @at)`,
    ),
    item: raw.prepare(
      `INSERT INTO "ServiceItem" (centerId, departmentId, code, name, category, procedure, materials, statutoryLimitDays,
         promisedLimitDays, fee, legalBasis, public, active, createdAt, updatedAt)
       VALUES (@centerId, @departmentId, @code, @name, @category, @procedure, @materials, @statutoryLimitDays,
         @promisedLimitDays, @fee, @legalBasis, 1, 1, @at, @at)`,
    ),
    window: raw.prepare(
      `INSERT INTO "Window" (centerId, number, zone, name, partyPost, active, createdAt, updatedAt)
       VALUES (@centerId, @number, @zone, @name, @partyPost, 1, @at, @at)`,
    ),
    windowDepartment: raw.prepare(`INSERT INTO "WindowDepartment" (windowId, departmentId) VALUES (?, ?)`),
    windowItem: raw.prepare(`INSERT INTO "WindowItem" (windowId, itemId) VALUES (?, ?)`),
    staff: raw.prepare(
      `INSERT INTO "Staff" (centerId, departmentId, staffNo, name, gender, title, partyMember, active, joinedAt, createdAt, updatedAt)
       VALUES (@centerId, @departmentId, @staffNo, @name, @gender, @title, @partyMember, 1, @joinedAt, @at, @at)`,
    ),
    windowStaff: raw.prepare(`INSERT INTO "WindowStaff" (windowId, staffId, backup) VALUES (?, ?, ?)`),
    user: raw.prepare(
      `INSERT INTO "User" (centerId, username, displayName, passwordHash, role, staffId, departmentId, active, failedLogins,
         mustChangePassword, passwordChangedAt, createdAt, updatedAt)
       VALUES (@centerId, @username, @displayName, @passwordHash, @role, @staffId, @departmentId, 1, 0, 0, @at, @at, @at)`,
    ),
  };
}

export class DemoWriter {
  private readonly statements: ReturnType<typeof prepareStatements>;

  constructor(raw: Sqlite.Database) {
    this.statements = prepareStatements(raw);
  }

  /** Inserts one hall's master data; returns the assigned ids. */
  insertHall(hall: HallRows): HallIds {
    const at = sqliteTime(hall.createdAt);
    const insertId = (result: Sqlite.RunResult) => Number(result.lastInsertRowid);

    const centerId = insertId(this.statements.center.run({ ...hall.center, settings: JSON.stringify(hall.center.settings), at }));
    const departments = hall.departments.map((d) =>
      insertId(this.statements.department.run({ centerId, code: d.code, name: d.name, shortName: d.shortName, liaisonEmails: JSON.stringify(d.liaisonEmails), at })),
    );
    const items = hall.items.map((i) =>
      insertId(
        this.statements.item.run({
          centerId,
          departmentId: idOf(departments, i.departmentKey, "department"),
          code: i.code,
          name: i.name,
          category: i.category,
          procedure: JSON.stringify(i.procedure),
          materials: JSON.stringify(i.materials),
          statutoryLimitDays: i.statutoryLimitDays,
          promisedLimitDays: i.promisedLimitDays,
          fee: i.fee,
          legalBasis: i.legalBasis,
          at,
        }),
      ),
    );
    const windows = hall.windows.map((w) =>
      insertId(this.statements.window.run({ centerId, number: w.number, zone: w.zone, name: w.name, partyPost: bool(w.partyPost), at })),
    );
    for (const wd of hall.windowDepartments) {
      this.statements.windowDepartment.run(idOf(windows, wd.windowKey, "window"), idOf(departments, wd.departmentKey, "department"));
    }
    for (const wi of hall.windowItems) {
      this.statements.windowItem.run(idOf(windows, wi.windowKey, "window"), idOf(items, wi.itemKey, "item"));
    }
    const staff = hall.staff.map((s) =>
      insertId(
        this.statements.staff.run({
          centerId,
          departmentId: idOf(departments, s.departmentKey, "department"),
          staffNo: s.staffNo,
          name: s.name,
          gender: s.gender,
          title: s.title,
          partyMember: bool(s.partyMember),
          joinedAt: sqliteTime(s.joinedAt),
          at,
        }),
      ),
    );
    for (const ws of hall.windowStaff) {
      this.statements.windowStaff.run(idOf(windows, ws.windowKey, "window"), idOf(staff, ws.staffKey, "staff"), bool(ws.backup));
    }
    return { centerId, departments, items, windows, staff };
  }

  /** Inserts accounts; `ids` are the ids of the accounts' hall (null for city-level accounts). */
  insertAccounts(accounts: readonly AccountRow[], ids: HallIds | null, passwordHashes: Record<PasswordKind, string>, now: Date): void {
    const at = sqliteTime(now);
    for (const a of accounts) {
      if (a.centerIndex !== null && ids === null) throw new Error(`Account ${a.username} needs its center's ids`);
      this.statements.user.run({
        centerId: a.centerIndex === null ? null : (ids as HallIds).centerId,
        username: a.username,
        displayName: a.displayName,
        passwordHash: passwordHashes[a.password],
        role: a.role,
        staffId: a.staffKey === null || ids === null ? null : idOf(ids.staff, a.staffKey, "staff"),
        departmentId: a.departmentKey === null || ids === null ? null : idOf(ids.departments, a.departmentKey, "department"),
        at,
      });
    }
  }
}
