// Read models of the hall's master data: centers, departments, windows, staff, service items.
import { z } from "zod";
import { pageQuerySchema } from "./common.ts";

export const centerDtoSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  regionCode: z.string(),
});
export type CenterDto = z.infer<typeof centerDtoSchema>;

export const departmentDtoSchema = z.object({
  id: z.number().int(),
  centerId: z.number().int(),
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  active: z.boolean(),
  staffCount: z.number().int().optional(),
  itemCount: z.number().int().optional(),
  liaisonEmails: z.array(z.string()).optional(),
});
export type DepartmentDto = z.infer<typeof departmentDtoSchema>;

export const windowDtoSchema = z.object({
  id: z.number().int(),
  centerId: z.number().int(),
  number: z.number().int(),
  zone: z.string(),
  name: z.string(),
  partyPost: z.boolean(),
  active: z.boolean(),
  departmentIds: z.array(z.number().int()),
});
export type WindowDto = z.infer<typeof windowDtoSchema>;

export const staffDtoSchema = z.object({
  id: z.number().int(),
  centerId: z.number().int(),
  departmentId: z.number().int(),
  staffNo: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  partyMember: z.boolean(),
  active: z.boolean(),
  gender: z.enum(["M", "F"]).nullable().optional(),
  /** YYYY-MM-DD in Asia/Shanghai */
  joinedAt: z.string().optional(),
  hasPhoto: z.boolean().optional(),
});
export type StaffDto = z.infer<typeof staffDtoSchema>;

export const procedureStepSchema = z.strictObject({
  title: z.string().min(1).max(100),
  detail: z.string().max(1000),
});
export const materialSchema = z.strictObject({
  name: z.string().min(1).max(200),
  copies: z.string().max(50),
  required: z.boolean(),
  note: z.string().max(500).optional(),
});
export const itemDtoSchema = z.object({
  id: z.number().int(),
  centerId: z.number().int(),
  departmentId: z.number().int(),
  code: z.string(),
  name: z.string(),
  category: z.string(),
  procedure: z.array(procedureStepSchema),
  materials: z.array(materialSchema),
  statutoryLimitDays: z.number().int(),
  promisedLimitDays: z.number().int(),
  fee: z.string(),
  legalBasis: z.string(),
  public: z.boolean(),
  active: z.boolean(),
});
export type ItemDto = z.infer<typeof itemDtoSchema>;

export const listQuerySchema = pageQuerySchema.extend({
  departmentId: z.coerce.number().int().positive().optional(),
  centerId: z.coerce.number().int().positive().optional(),
  active: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

// ---------------------------------------------------------------------------------------------
// Writes (#3). The same schemas validate the admin forms in the client and the API bodies.

const text = (max: number) => z.string().trim().min(1).max(max);

/** A list may be sorted by one column: "name" ascending, "-name" descending. */
export const sortParamSchema = z.string().regex(/^-?[A-Za-z]{1,40}$/).optional();
export const sortedListQuerySchema = listQuerySchema.extend({ sort: sortParamSchema });
export type SortedListQuery = z.infer<typeof sortedListQuerySchema>;

const itemFields = {
  departmentId: z.number().int().positive(),
  code: text(50).regex(/^[0-9A-Za-z_-]+$/, "letters, digits, - _"),
  name: text(200),
  category: text(50),
  procedure: z.array(procedureStepSchema).max(50),
  materials: z.array(materialSchema).max(100),
  statutoryLimitDays: z.number().int().min(0).max(365),
  promisedLimitDays: z.number().int().min(0).max(365),
  fee: z.string().trim().max(200),
  legalBasis: z.string().trim().max(2000),
  public: z.boolean(),
};
/** The promised limit (承诺时限) may be shorter than the statutory one, never longer. */
const promisedWithinStatutory = (v: { statutoryLimitDays?: number; promisedLimitDays?: number }, ctx: z.RefinementCtx) => {
  if (v.statutoryLimitDays !== undefined && v.promisedLimitDays !== undefined && v.promisedLimitDays > v.statutoryLimitDays) {
    ctx.addIssue({ code: "custom", path: ["promisedLimitDays"], message: "promised limit exceeds statutory limit" });
  }
};
export const createItemBodySchema = z.strictObject(itemFields).superRefine(promisedWithinStatutory);
export type CreateItemBody = z.infer<typeof createItemBodySchema>;
export const updateItemBodySchema = z
  .strictObject({ ...itemFields, active: z.boolean() })
  .partial()
  .superRefine(promisedWithinStatutory);
export type UpdateItemBody = z.infer<typeof updateItemBodySchema>;

const departmentFields = {
  code: text(30).regex(/^[0-9A-Za-z_-]+$/, "letters, digits, - _"),
  name: text(100),
  shortName: text(30),
  liaisonEmails: z.array(z.email().max(200)).max(20),
};
export const createDepartmentBodySchema = z.strictObject(departmentFields);
export type CreateDepartmentBody = z.infer<typeof createDepartmentBodySchema>;
export const updateDepartmentBodySchema = z.strictObject({ ...departmentFields, active: z.boolean() }).partial();
export type UpdateDepartmentBody = z.infer<typeof updateDepartmentBodySchema>;

const windowFields = {
  number: z.number().int().min(1).max(9999),
  zone: text(30),
  name: text(100),
  partyPost: z.boolean(),
  departmentIds: z.array(z.number().int().positive()).min(1).max(20),
};
export const createWindowBodySchema = z.strictObject(windowFields);
export type CreateWindowBody = z.infer<typeof createWindowBodySchema>;
export const updateWindowBodySchema = z.strictObject({ ...windowFields, active: z.boolean() }).partial();
export type UpdateWindowBody = z.infer<typeof updateWindowBodySchema>;
/** Window ↔ item assignment: the full set of items a window handles. */
export const windowItemsBodySchema = z.strictObject({ itemIds: z.array(z.number().int().positive()).max(500) });
/** Window ↔ staff assignment: regular staff and AB岗 backups. */
export const windowStaffBodySchema = z.strictObject({
  staff: z
    .array(z.strictObject({ staffId: z.number().int().positive(), backup: z.boolean() }))
    .max(50)
    .superRefine((rows, ctx) => {
      // One row per person: a staff member is either a regular or the AB岗 backup of a window, not both
      const seen = new Set<number>();
      rows.forEach((r, i) => {
        if (seen.has(r.staffId)) ctx.addIssue({ code: "custom", path: [i, "staffId"], message: "listed twice" });
        seen.add(r.staffId);
      });
    }),
});
export type WindowStaffBody = z.infer<typeof windowStaffBodySchema>;

/** A window's staff as the assignment screen shows them. */
export const windowStaffDtoSchema = z.object({
  staff: z.array(z.object({ staffId: z.number().int(), backup: z.boolean(), name: z.string(), staffNo: z.string(), departmentId: z.number().int(), active: z.boolean() })),
});
export type WindowStaffDto = z.infer<typeof windowStaffDtoSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD");
const staffFields = {
  departmentId: z.number().int().positive(),
  staffNo: text(30).regex(/^[0-9A-Za-z_-]+$/, "letters, digits, - _"),
  name: text(50),
  gender: z.enum(["M", "F"]).nullable(),
  title: z.string().trim().max(50).nullable(),
  partyMember: z.boolean(),
  joinedAt: isoDate,
};
export const createStaffBodySchema = z.strictObject(staffFields);
export type CreateStaffBody = z.infer<typeof createStaffBodySchema>;
export const updateStaffBodySchema = z.strictObject({ ...staffFields, active: z.boolean() }).partial();
export type UpdateStaffBody = z.infer<typeof updateStaffBodySchema>;

// ---------------------------------------------------------------------------------------------
// The public catalogue (no login): only public, active items of active departments.

export const publicWindowSchema = z.object({ number: z.number().int(), zone: z.string(), name: z.string() });
export const publicDepartmentDtoSchema = z.object({ id: z.number().int(), name: z.string(), shortName: z.string(), itemCount: z.number().int() });
export type PublicDepartmentDto = z.infer<typeof publicDepartmentDtoSchema>;
export const publicCatalogDtoSchema = z.object({
  center: z.object({ code: z.string(), name: z.string() }),
  hours: z.object({ opensAt: z.string(), closesAt: z.string(), lunchStartsAt: z.string(), lunchEndsAt: z.string() }),
  departments: z.array(publicDepartmentDtoSchema),
});
export type PublicCatalogDto = z.infer<typeof publicCatalogDtoSchema>;
export const publicItemSummarySchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  category: z.string(),
  departmentId: z.number().int(),
  departmentName: z.string(),
  promisedLimitDays: z.number().int(),
  statutoryLimitDays: z.number().int(),
});
export type PublicItemSummary = z.infer<typeof publicItemSummarySchema>;
export const publicItemDtoSchema = publicItemSummarySchema.extend({
  procedure: z.array(procedureStepSchema),
  materials: z.array(materialSchema),
  fee: z.string(),
  legalBasis: z.string(),
  windows: z.array(publicWindowSchema),
  updatedAt: z.string(),
});
export type PublicItemDto = z.infer<typeof publicItemDtoSchema>;
export const publicItemsQuerySchema = pageQuerySchema.extend({
  center: z.string().trim().max(30).optional(),
  departmentId: z.coerce.number().int().positive().optional(),
});
