// What the OpenAPI document says about each route beyond its method and path: the zod schemas of its
// body, query and answer (from contracts/, the same ones the routes parse with) and a summary.
// Routes missing here are still listed (the document walks the live routers), with the error envelope.
import { z } from "zod";
import { auditEntryDtoSchema, auditQuerySchema } from "../../contracts/audit.ts";
import { changePasswordBodySchema, loginBodySchema, sessionResponseSchema } from "../../contracts/auth.ts";
import { pageQuerySchema } from "../../contracts/common.ts";
import { importResultSchema } from "../../contracts/imports.ts";
import {
  centerDtoSchema,
  createDepartmentBodySchema,
  createItemBodySchema,
  createStaffBodySchema,
  createWindowBodySchema,
  departmentDtoSchema,
  itemDtoSchema,
  publicCatalogDtoSchema,
  publicItemDtoSchema,
  publicItemSummarySchema,
  publicItemsQuerySchema,
  sortedListQuerySchema,
  staffDtoSchema,
  updateDepartmentBodySchema,
  updateItemBodySchema,
  updateStaffBodySchema,
  updateWindowBodySchema,
  windowDtoSchema,
  windowItemsBodySchema,
  windowStaffBodySchema,
} from "../../contracts/masterData.ts";
import { centerSettingsSchema } from "../../contracts/settings.ts";
import { absenceDtoSchema, createAbsenceBodySchema, myShiftDtoSchema, pauseBodySchema, shiftDtoSchema, signInBodySchema } from "../../contracts/shifts.ts";
import { createUserBodySchema, resetPasswordBodySchema, updateUserBodySchema, userDtoSchema } from "../../contracts/users.ts";

export interface RouteDescription {
  summary: string;
  tag: string;
  body?: z.ZodType;
  query?: z.ZodType;
  response?: z.ZodType;
  /** A binary answer (Excel, image) instead of JSON */
  produces?: string;
  /** A binary request body instead of JSON */
  consumes?: string[];
  public?: boolean;
}

const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const masterData = (tag: string, plural: string, dto: z.ZodType, create: z.ZodType, update: z.ZodType): Record<string, RouteDescription> => ({
  [`GET /api/${plural}`]: { tag, summary: `List ${plural} (search q, filters, sort "col" / "-col", paging)`, query: sortedListQuerySchema, response: page(dto) },
  [`GET /api/${plural}/export.xlsx`]: { tag, summary: `Export the filtered ${plural} list to Excel`, query: sortedListQuerySchema, produces: XLSX },
  [`GET /api/${plural}/{id}`]: { tag, summary: `One of the ${plural}`, response: dto },
  [`POST /api/${plural}`]: { tag, summary: `Create (administrators; duplicates are 409 CONFLICT on the field)`, body: create, response: dto },
  [`PATCH /api/${plural}/{id}`]: { tag, summary: `Edit or deactivate (active: false); never deleted`, body: update, response: dto },
});

export const ROUTE_DESCRIPTIONS: Record<string, RouteDescription> = {
  "POST /api/auth/login": { tag: "auth", summary: "Sign in (sets the session cookie and the CSRF cookie)", body: loginBodySchema, response: sessionResponseSchema, public: true },
  "POST /api/auth/password": { tag: "auth", summary: "Change one's own password", body: changePasswordBodySchema },
  "GET /api/centers": { tag: "master data", summary: "Centers the actor may see", response: page(centerDtoSchema) },
  ...masterData("master data", "departments", departmentDtoSchema, createDepartmentBodySchema, updateDepartmentBodySchema),
  ...masterData("master data", "windows", windowDtoSchema, createWindowBodySchema, updateWindowBodySchema),
  ...masterData("master data", "staff", staffDtoSchema, createStaffBodySchema, updateStaffBodySchema),
  ...masterData("master data", "items", itemDtoSchema, createItemBodySchema, updateItemBodySchema),
  "GET /api/windows/{id}/items": { tag: "master data", summary: "The items a window handles", response: z.object({ itemIds: z.array(z.number().int()) }) },
  "PUT /api/windows/{id}/items": { tag: "master data", summary: "Set the items a window handles (only items its departments offer)", body: windowItemsBodySchema },
  "PUT /api/windows/{id}/staff": { tag: "master data", summary: "Set a window's staff and AB岗 backups", body: windowStaffBodySchema },
  "POST /api/staff/{id}/photo": { tag: "photos", summary: "Upload a staff photo (JPEG/PNG/WebP body, ≤ 5 MB; decoded and resized to 256/64 px WebP)", consumes: ["image/jpeg", "image/png", "image/webp"], response: staffDtoSchema },
  "GET /api/staff/{id}/photo": { tag: "photos", summary: "A staff photo (size=256|64), with ETag", produces: "image/webp" },
  "GET /api/public/staff/{id}/photo": { tag: "photos", summary: "Public: the photo of a staff member signed in to a window now (kiosk, hall display)", produces: "image/webp", public: true },
  "GET /api/users": { tag: "users", summary: "Accounts of the center", query: pageQuerySchema, response: page(userDtoSchema) },
  "GET /api/users/{id}": { tag: "users", summary: "One account", response: userDtoSchema },
  "POST /api/users": { tag: "users", summary: "Create an account", body: createUserBodySchema, response: userDtoSchema },
  "PATCH /api/users/{id}": { tag: "users", summary: "Rename or deactivate an account", body: updateUserBodySchema, response: userDtoSchema },
  "POST /api/users/{id}/password": { tag: "users", summary: "Reset an account's password", body: resetPasswordBodySchema },
  "GET /api/audit": { tag: "audit", summary: "The audit log (auditors)", query: auditQuerySchema, response: page(auditEntryDtoSchema) },
  "GET /api/imports/{kind}/template.xlsx": { tag: "imports", summary: "The import template (kind: departments | items | staff), zh-CN headers", produces: XLSX },
  "POST /api/imports/{kind}": { tag: "imports", summary: "Import a filled-in template, all or nothing (400 IMPORT_REJECTED lists row, column and problem)", consumes: [XLSX], response: importResultSchema },
  "GET /api/shifts/me": { tag: "shifts", summary: "The staff member's own shift, the windows they may sign in to, the hall's hours", response: myShiftDtoSchema },
  "POST /api/shifts/me/sign-in": { tag: "shifts", summary: "Sign in to a window (own post, AB岗 backup, or cover)", body: signInBodySchema, response: shiftDtoSchema },
  "POST /api/shifts/me/pause": { tag: "shifts", summary: "Pause with a reason", body: pauseBodySchema, response: shiftDtoSchema },
  "POST /api/shifts/me/resume": { tag: "shifts", summary: "Resume after a pause", response: shiftDtoSchema },
  "POST /api/shifts/me/sign-out": { tag: "shifts", summary: "Sign out", response: shiftDtoSchema },
  "GET /api/shifts": { tag: "shifts", summary: "Who is on duty in the center now", response: z.object({ items: z.array(shiftDtoSchema) }) },
  "GET /api/absences": { tag: "shifts", summary: "Approved absences", response: z.object({ items: z.array(absenceDtoSchema) }) },
  "POST /api/absences": { tag: "shifts", summary: "Record an approved absence, optionally with a cover", body: createAbsenceBodySchema, response: absenceDtoSchema },
  "GET /api/settings": { tag: "settings", summary: "The center's settings (hours, lunch break, thresholds)", response: centerSettingsSchema },
  "PUT /api/settings": { tag: "settings", summary: "Replace the center's settings (administrators)", body: centerSettingsSchema, response: centerSettingsSchema },
  "GET /api/public/catalog": { tag: "public catalogue", summary: "Public: the center, its hours and its departments with public items", response: publicCatalogDtoSchema, public: true },
  "GET /api/public/catalog/items": { tag: "public catalogue", summary: "Public: search items by name or code, by department", query: publicItemsQuerySchema, response: page(publicItemSummarySchema), public: true },
  "GET /api/public/catalog/items/{id}": { tag: "public catalogue", summary: "Public: one item's guide (procedure, materials, limits, fee, windows)", response: publicItemDtoSchema, public: true },
};
