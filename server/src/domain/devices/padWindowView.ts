// What a pad's idle screen shows (window.updated): the window, its departments, whether it is open,
// paused or closed, and the staff member on duty — read from the shifts #3 records, never written here.
// Read on every shift change of the window for each of its pads, so in two prepared statements on the
// raw connection: through Prisma it was six queries (each include is one more), and under the live
// hall's mixed load Prisma's per-query work was the largest part of the server's CPU.
import type Sqlite from "better-sqlite3";
import type { WindowUpdated } from "../../contracts/kiosk.ts";
import { centerSettingsSchema, DEFAULT_CENTER_SETTINGS } from "../../contracts/settings.ts";
import type { Services } from "../../services.ts";

interface Statements {
  window: Sqlite.Statement<[number], { id: number; number: number; name: string; active: number; departments: string | null; settings: string | null }>;
  shift: Sqlite.Statement<[number], { staffId: number; name: string; staffNo: string; photoPath: string | null; paused: number }>;
}

const prepared = new WeakMap<Sqlite.Database, Statements>();

function statements(raw: Sqlite.Database): Statements {
  let s = prepared.get(raw);
  if (!s) {
    s = {
      // Departments in the order of their ids, as the window's records list them; "\u001f" cannot occur in a name
      window: raw.prepare(
        `SELECT w."id", w."number", w."name", w."active",
                (SELECT group_concat("name", char(31)) FROM (SELECT d."name" FROM "WindowDepartment" wd JOIN "Department" d ON d."id" = wd."departmentId"
                  WHERE wd."windowId" = w."id" ORDER BY wd."departmentId")) AS "departments",
                (SELECT c."settings" FROM "Center" c WHERE c."id" = w."centerId") AS "settings"
         FROM "Window" w WHERE w."id" = ?`,
      ),
      shift: raw.prepare(
        `SELECT st."id" AS "staffId", st."name", st."staffNo", st."photoPath",
                EXISTS (SELECT 1 FROM "ShiftPause" p WHERE p."shiftId" = s."id" AND p."endedAt" IS NULL) AS "paused"
         FROM "Shift" s JOIN "Staff" st ON st."id" = s."staffId"
         WHERE s."windowId" = ? AND s."endedAt" IS NULL ORDER BY s."startedAt" DESC LIMIT 1`,
      ),
    };
    prepared.set(raw, s);
  }
  return s;
}

export async function padWindowView(services: Services, windowId: number): Promise<WindowUpdated | null> {
  const q = statements(services.db.raw);
  const window = q.window.get(windowId);
  if (!window) return null;
  const shift = q.shift.get(windowId);
  const state: WindowUpdated["state"] = !window.active || !shift ? "CLOSED" : shift.paused ? "PAUSED" : "OPEN";
  return {
    windowId: window.id,
    number: window.number,
    name: window.name,
    departments: window.departments === null ? [] : window.departments.split("\u001f"),
    state,
    staff: shift
      ? {
          id: shift.staffId,
          name: shift.name,
          staffNo: shift.staffNo,
          // #3's public photo route (answers only for staff on duty); the pad shows initials if it fails.
          photoUrl: shift.photoPath ? `/api/public/staff/${shift.staffId}/photo` : null,
        }
      : null,
    callbackRetentionDays: callbackRetentionDays(window.settings),
  };
}

/** The consent line on the pad names how long a callback number is kept after its ticket closes (#6). */
function callbackRetentionDays(settings: string | null): number {
  let stored: unknown = {};
  try {
    stored = settings ? JSON.parse(settings) : {};
  } catch {
    stored = {};
  }
  const parsed = centerSettingsSchema.safeParse(stored);
  return (parsed.success ? parsed.data : DEFAULT_CENTER_SETTINGS).rectificationPhoneRetentionDays;
}
