// Plain row objects of the demo data, one interface per table, independent of any database.
// Rows refer to each other by `key`: a row's 1-based position in its list within one hall. The
// writer (insertRows.ts) maps keys to the ids the database assigns, so generators stay pure and a
// later generator (a quarter of history: cases, ratings …) can refer to the same keys.
import type { Role } from "../contracts/roles.ts";
import type { CenterSettings } from "../contracts/settings.ts";
import type { ItemCategory } from "./catalogItems.ts";
import type { Gender } from "./catalogPeople.ts";

export interface CenterRow {
  code: string;
  name: string;
  regionCode: string;
  settings: CenterSettings;
}

export interface DepartmentRow {
  key: number;
  code: string;
  name: string;
  shortName: string;
  liaisonEmails: string[];
}

export interface ProcedureStep {
  title: string;
  detail: string;
}

export interface Material {
  name: string;
  copies: string;
  required: boolean;
  note?: string;
}

export interface ItemRow {
  key: number;
  departmentKey: number;
  code: string;
  name: string;
  category: ItemCategory;
  procedure: ProcedureStep[];
  materials: Material[];
  statutoryLimitDays: number;
  promisedLimitDays: number;
  fee: string;
  legalBasis: string;
}

export interface WindowRow {
  key: number;
  number: number;
  zone: string;
  name: string;
  partyPost: boolean;
}

export interface WindowDepartmentRow {
  windowKey: number;
  departmentKey: number;
}

export interface WindowItemRow {
  windowKey: number;
  itemKey: number;
}

export interface StaffRow {
  key: number;
  departmentKey: number;
  staffNo: string;
  name: string;
  gender: Gender;
  title: string;
  partyMember: boolean;
  joinedAt: Date;
}

export interface WindowStaffRow {
  windowKey: number;
  staffKey: number;
  backup: boolean;
}

/** The master data of one hall (one center). */
export interface HallRows {
  centerIndex: number;
  createdAt: Date;
  center: CenterRow;
  departments: DepartmentRow[];
  items: ItemRow[];
  windows: WindowRow[];
  windowDepartments: WindowDepartmentRow[];
  windowItems: WindowItemRow[];
  staff: StaffRow[];
  windowStaff: WindowStaffRow[];
}

/** Which demo password an account gets; the hashes are supplied at seeding time. */
export type PasswordKind = "admin" | "demo";

export interface AccountRow {
  username: string;
  displayName: string;
  role: Role;
  password: PasswordKind;
  /** null: a city-level account spanning every center. */
  centerIndex: number | null;
  staffKey: number | null;
  departmentKey: number | null;
}
