// Master-data rows as JSON (the only place a row becomes a DTO).
import { materialSchema, procedureStepSchema, type CenterDto, type DepartmentDto, type ItemDto, type PublicItemDto, type PublicItemSummary, type StaffDto, type WindowDto } from "../contracts/masterData.ts";
import type { Center, Department, ServiceItem, Staff, Window } from "../generated/prisma/client.ts";
import { z } from "zod";

export const presentCenter = (c: Center): CenterDto => ({ id: c.id, code: c.code, name: c.name, regionCode: c.regionCode });

export const presentDepartment = (d: Department & { _count?: { staff: number; items: number } }): DepartmentDto => ({
  id: d.id,
  centerId: d.centerId,
  code: d.code,
  name: d.name,
  shortName: d.shortName,
  active: d.active,
  ...(d._count ? { staffCount: d._count.staff, itemCount: d._count.items } : {}),
  liaisonEmails: z.array(z.string()).catch([]).parse(d.liaisonEmails),
});

export const presentWindow = (w: Window & { departments: { departmentId: number }[] }): WindowDto => ({
  id: w.id,
  centerId: w.centerId,
  number: w.number,
  zone: w.zone,
  name: w.name,
  partyPost: w.partyPost,
  active: w.active,
  departmentIds: w.departments.map((d) => d.departmentId),
});

export const presentStaff = (s: Staff): StaffDto => ({
  id: s.id,
  centerId: s.centerId,
  departmentId: s.departmentId,
  staffNo: s.staffNo,
  name: s.name,
  title: s.title,
  partyMember: s.partyMember,
  active: s.active,
  gender: s.gender === "M" || s.gender === "F" ? s.gender : null,
  // Join dates are stored as Shanghai midnight; +8 h gives that calendar day in UTC terms
  joinedAt: new Date(s.joinedAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 10),
  hasPhoto: s.photoPath !== null,
});

// Stored JSON is re-validated on the way out: a bad row shows as empty lists, never as a crash.
const steps = z.array(procedureStepSchema).catch([]);
const materials = z.array(materialSchema).catch([]);

export const presentItem = (i: ServiceItem): ItemDto => ({
  id: i.id,
  centerId: i.centerId,
  departmentId: i.departmentId,
  code: i.code,
  name: i.name,
  category: i.category,
  procedure: steps.parse(i.procedure),
  materials: materials.parse(i.materials),
  statutoryLimitDays: i.statutoryLimitDays,
  promisedLimitDays: i.promisedLimitDays,
  fee: i.fee,
  legalBasis: i.legalBasis,
  public: i.public,
  active: i.active,
});

type PublicItemRow = ServiceItem & { department: { name: string } };

export const presentPublicItemSummary = (i: PublicItemRow): PublicItemSummary => ({
  id: i.id,
  code: i.code,
  name: i.name,
  category: i.category,
  departmentId: i.departmentId,
  departmentName: i.department.name,
  promisedLimitDays: i.promisedLimitDays,
  statutoryLimitDays: i.statutoryLimitDays,
});

export const presentPublicItem = (i: PublicItemRow & { windows: { window: { number: number; zone: string; name: string } }[] }): PublicItemDto => ({
  ...presentPublicItemSummary(i),
  procedure: steps.parse(i.procedure),
  materials: materials.parse(i.materials),
  fee: i.fee,
  legalBasis: i.legalBasis,
  windows: i.windows.map((w) => w.window).sort((a, b) => a.number - b.number),
  updatedAt: i.updatedAt.toISOString(),
});
