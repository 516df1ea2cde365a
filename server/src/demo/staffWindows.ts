// Staffs the windows: each window has a primary staff member (busy departments sometimes two) and
// an AB岗 backup who covers when the primary is away. Most backups are people of their own; some
// windows are backed up by the primary of a sibling window of the same department (mutual AB岗).
// A party-member post is held by a party member. About 180 staff for 90 windows, as in the hall.
import type { DepartmentKind } from "./catalog.ts";
import { CHIEF_REPRESENTATIVE_TITLE, GOVERNMENT_TITLES, PARTY_MEMBER_SHARE, UTILITY_TITLES } from "./catalogPeople.ts";
import type { NameRegister } from "./people.ts";
import type { Random } from "./random.ts";
import type { StaffRow, WindowDepartmentRow, WindowRow, WindowStaffRow } from "./rows.ts";

const DAY_MS = 86_400_000;
/** A department with at least this many windows is busy enough for a second primary now and then. */
const BUSY_DEPARTMENT_WINDOWS = 4;
const SECOND_PRIMARY_SHARE = 0.1;
/** Share of windows whose backup is a person of their own (the rest: a sibling window's primary). */
const OWN_BACKUP_SHARE = 0.9;
/** Staff joined between these many days before `now`. */
const JOINED_DAYS_AGO = { min: 60, max: 18 * 365 } as const;

export interface StaffingInput {
  windows: readonly WindowRow[];
  windowDepartments: readonly WindowDepartmentRow[];
  departmentKinds: ReadonlyMap<number, DepartmentKind>;
  staffNoPrefix: string;
  now: Date;
  names: NameRegister;
  random: Random;
}

export interface Staffing {
  staff: StaffRow[];
  windowStaff: WindowStaffRow[];
}

/** Midnight UTC `days` before `now`, plus 01:00 (09:00 in Shanghai, the day's first hour). */
function joinedAt(now: Date, days: number): Date {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(midnight - days * DAY_MS + 3_600_000);
}

export function staffWindows(input: StaffingInput): Staffing {
  const { random, names, now } = input;
  const staff: StaffRow[] = [];
  const windowStaff: WindowStaffRow[] = [];
  const departmentsWithChief = new Set<number>();
  const primariesByDepartment = new Map<number, number[]>();

  const departmentsOf = (windowKey: number) => input.windowDepartments.filter((wd) => wd.windowKey === windowKey).map((wd) => wd.departmentKey);
  const windowCount = new Map<number, number>();
  for (const wd of input.windowDepartments) windowCount.set(wd.departmentKey, (windowCount.get(wd.departmentKey) ?? 0) + 1);

  const hire = (departmentKey: number, partyMember: boolean): StaffRow => {
    const key = staff.length + 1;
    const person = names.person();
    const kind = input.departmentKinds.get(departmentKey) ?? "government";
    const chief = !departmentsWithChief.has(departmentKey);
    departmentsWithChief.add(departmentKey);
    const row: StaffRow = {
      key,
      departmentKey,
      staffNo: `${input.staffNoPrefix}S${String(key).padStart(4, "0")}`,
      name: person.name,
      gender: person.gender,
      title: chief ? CHIEF_REPRESENTATIVE_TITLE : random.weighted(kind === "utility" ? UTILITY_TITLES : GOVERNMENT_TITLES),
      partyMember: partyMember || random.chance(PARTY_MEMBER_SHARE),
      joinedAt: joinedAt(now, random.int(JOINED_DAYS_AGO.min, JOINED_DAYS_AGO.max)),
    };
    staff.push(row);
    return row;
  };

  for (const window of input.windows) {
    const departments = departmentsOf(window.key);
    const primaryDepartment = departments[0];
    if (primaryDepartment === undefined) throw new Error(`Window ${window.number} belongs to no department`);
    // A shared window is backed up from its second department (企业开办: 市场监管 + 税务).
    const backupDepartment = departments[1] ?? primaryDepartment;

    const primaries = [hire(primaryDepartment, window.partyPost)];
    if ((windowCount.get(primaryDepartment) ?? 0) >= BUSY_DEPARTMENT_WINDOWS && random.chance(SECOND_PRIMARY_SHARE)) {
      primaries.push(hire(primaryDepartment, false));
    }
    for (const p of primaries) windowStaff.push({ windowKey: window.key, staffKey: p.key, backup: false });

    const siblings = primariesByDepartment.get(backupDepartment) ?? [];
    const backup = siblings.length > 0 && !random.chance(OWN_BACKUP_SHARE) ? random.pick(siblings) : hire(backupDepartment, false).key;
    windowStaff.push({ windowKey: window.key, staffKey: backup, backup: true });

    primariesByDepartment.set(primaryDepartment, [...(primariesByDepartment.get(primaryDepartment) ?? []), ...primaries.map((p) => p.key)]);
  }
  return { staff, windowStaff };
}
