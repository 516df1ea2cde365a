// Descriptions of routes written before routes carried their own (routeSpec.ts): the zod schemas of
// their body, query and answer (from contracts/, the same ones the routes parse with) and a summary,
// keyed "METHOD /openapi/path". New routes use spec() in their router instead.
import { z } from "zod";
import type { RouteDescription } from "./routeSpec.ts";
import { accountabilityListQuerySchema, decideAccountabilityBodySchema, proposeAccountabilityBodySchema } from "../../contracts/accountability.ts";
import { acknowledgeAlertBodySchema, alertListQuerySchema } from "../../contracts/alerts.ts";
import { calendarDayBodySchema, calendarQuerySchema, calendarYearBodySchema } from "../../contracts/calendar.ts";
import { acceptCaseBodySchema, caseActionBodySchema, caseListQuerySchema, lookupBodySchema } from "../../contracts/cases.ts";
import { answerComplaintBodySchema, assignComplaintBodySchema, closeComplaintBodySchema, complaintListQuerySchema, linkComplaintBodySchema, recordComplaintBodySchema } from "../../contracts/complaints.ts";
import { createDeviceBodySchema, deviceListQuerySchema, pairDeviceBodySchema } from "../../contracts/devices.ts";
import { displaySnapshotQuerySchema } from "../../contracts/display.ts";
import { invitationIdParamSchema, inviteBodySchema, recentEvaluationsQuerySchema } from "../../contracts/evaluations.ts";
import { closeInquiryBodySchema, handOverInquiryBodySchema, inquiryListQuerySchema, registerInquiryBodySchema } from "../../contracts/inquiries.ts";
import { checklistBodySchema, createInspectionBodySchema, findingParamSchema, inspectionIdParamSchema, inspectionListQuerySchema, inspectionSheetQuerySchema } from "../../contracts/inspections.ts";
import { outboxQuerySchema } from "../../contracts/notifications.ts";
import { changePasswordBodySchema, loginBodySchema, sessionResponseSchema } from "../../contracts/auth.ts";
import { importKindParamSchema, importResultSchema } from "../../contracts/imports.ts";
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
} from "../../contracts/masterData.ts";

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
  "POST /api/auth/logout": { tag: "auth", summary: "Sign out (ends the session)", noBody: true },
  "GET /api/auth/me": { tag: "auth", summary: "The signed-in account, its role and navigation", response: sessionResponseSchema },
  "GET /healthz": { tag: "health", summary: "Alive", public: true },
  "GET /readyz": { tag: "health", summary: "Ready: database reachable and migrations applied", public: true },
  "GET /api/openapi.json": { tag: "docs", summary: "This document", public: true },
  "GET /api/docs": { tag: "docs", summary: "Browsable API description (Swagger UI from local files)", produces: "text/html", public: true },
  "GET /api/docs/{file}": { tag: "docs", summary: "Swagger UI's own assets", params: z.object({ file: z.string() }), public: true },
  "GET /api/overview": { tag: "overview", summary: "The signed-in role's home page counts" },
  "GET /api/centers": { tag: "master data", summary: "Centers the actor may see", response: page(centerDtoSchema) },
  ...masterData("master data", "departments", departmentDtoSchema, createDepartmentBodySchema, updateDepartmentBodySchema),
  ...masterData("master data", "windows", windowDtoSchema, createWindowBodySchema, updateWindowBodySchema),
  ...masterData("master data", "staff", staffDtoSchema, createStaffBodySchema, updateStaffBodySchema),
  ...masterData("master data", "items", itemDtoSchema, createItemBodySchema, updateItemBodySchema),
  "GET /api/windows/{id}/items": { tag: "master data", summary: "The items a window handles", response: z.object({ itemIds: z.array(z.number().int()) }) },
  "PUT /api/windows/{id}/items": { tag: "master data", summary: "Set the items a window handles (only items its departments offer)", body: windowItemsBodySchema },
  "GET /api/imports/{kind}/template.xlsx": { tag: "imports", summary: "The import template (kind: departments | items | staff), zh-CN headers", params: importKindParamSchema, produces: XLSX },
  "POST /api/imports/{kind}": { tag: "imports", summary: "Import a filled-in template, all or nothing (400 IMPORT_REJECTED lists row, column and problem)", params: importKindParamSchema, consumes: [XLSX], response: importResultSchema },
  // #5 rating pads, invitations, live ratings
  "GET /api/devices": { tag: "devices", summary: "Rating pads of the center", query: deviceListQuerySchema },
  "POST /api/devices": { tag: "devices", summary: "Add a rating pad for a window", body: createDeviceBodySchema },
  "POST /api/devices/pair": { tag: "devices", summary: "A pad pairs itself with a one-time code and receives its token", body: pairDeviceBodySchema, public: true },
  "POST /api/devices/{id}/pairing-code": { tag: "devices", summary: "Issue a one-time pairing code for a pad", noBody: true },
  "POST /api/devices/{id}/revoke": { tag: "devices", summary: "Revoke a pad's token", noBody: true },
  "POST /api/invitations": { tag: "invitations", summary: "Invite a rating at the staff member's window", body: inviteBodySchema },
  "POST /api/invitations/{id}/cancel": { tag: "invitations", summary: "Cancel an open invitation", params: invitationIdParamSchema, noBody: true },
  "GET /api/evaluations/recent": { tag: "evaluations", summary: "The latest ratings (live feed's first page)", query: recentEvaluationsQuerySchema },
  // #4 cases, lookup, accountability, inquiries, complaints, outbox, calendar
  "GET /api/cases/intake-options": { tag: "cases", summary: "Windows and items the staff member may accept a case for" },
  "GET /api/cases/export": { tag: "cases", summary: "Export the filtered case list to Excel", query: caseListQuerySchema, produces: XLSX },
  "GET /api/cases": { tag: "cases", summary: "Cases (filters, paging)", query: caseListQuerySchema },
  "GET /api/cases/{id}": { tag: "cases", summary: "One case with its steps and deadline" },
  "POST /api/cases": { tag: "cases", summary: "Accept a case at the staff member's window", body: acceptCaseBodySchema },
  "POST /api/cases/{id}/actions": { tag: "cases", summary: "Advance a case (start, suspend for materials, resume, complete, reject, transfer)", body: caseActionBodySchema },
  "GET /api/cases/{id}/notice": { tag: "cases", summary: "The acceptance notice (受理通知书) with the lookup QR code" },
  "POST /api/lookup/cases": { tag: "lookup", summary: "Public: look a case up by number and the last 4 digits of the phone (rate-limited)", body: lookupBodySchema, public: true },
  "GET /api/accountability/export": { tag: "accountability", summary: "Export the filtered accountability records to Excel", query: accountabilityListQuerySchema, produces: XLSX },
  "GET /api/accountability": { tag: "accountability", summary: "Accountability records", query: accountabilityListQuerySchema },
  "POST /api/accountability": { tag: "accountability", summary: "Propose an accountability record", body: proposeAccountabilityBodySchema },
  "POST /api/accountability/{id}/decision": { tag: "accountability", summary: "Confirm or dismiss a proposal (leaders)", body: decideAccountabilityBodySchema },
  "GET /api/inquiries": { tag: "inquiries", summary: "First inquiries (首问登记)", query: inquiryListQuerySchema },
  "GET /api/inquiries/export.xlsx": { tag: "inquiries", summary: "Export the filtered inquiries to Excel", query: inquiryListQuerySchema, produces: XLSX },
  "GET /api/inquiries/handover-targets": { tag: "inquiries", summary: "Windows and staff an inquiry may be handed to" },
  "POST /api/inquiries": { tag: "inquiries", summary: "Register a first inquiry", body: registerInquiryBodySchema },
  "POST /api/inquiries/{id}/handover": { tag: "inquiries", summary: "Hand an inquiry over to the right window", body: handOverInquiryBodySchema },
  "POST /api/inquiries/{id}/acknowledge": { tag: "inquiries", summary: "Acknowledge a hand-over addressed to oneself", noBody: true },
  "POST /api/inquiries/{id}/close": { tag: "inquiries", summary: "Close an inquiry with its answer", body: closeInquiryBodySchema },
  "GET /api/complaints": { tag: "complaints", summary: "Complaints", query: complaintListQuerySchema },
  "GET /api/complaints/export.xlsx": { tag: "complaints", summary: "Export the filtered complaints to Excel", query: complaintListQuerySchema, produces: XLSX },
  "GET /api/complaints/assignees": { tag: "complaints", summary: "Who a complaint may be assigned to" },
  "POST /api/complaints": { tag: "complaints", summary: "Record a complaint", body: recordComplaintBodySchema },
  "POST /api/complaints/{id}/assign": { tag: "complaints", summary: "Assign a complaint", body: assignComplaintBodySchema },
  "POST /api/complaints/{id}/answer": { tag: "complaints", summary: "Answer a complaint", body: answerComplaintBodySchema },
  "POST /api/complaints/{id}/link": { tag: "complaints", summary: "Link a complaint to a window, staff member or case", body: linkComplaintBodySchema },
  "POST /api/complaints/{id}/close": { tag: "complaints", summary: "Close a complaint (substantiated or not)", body: closeComplaintBodySchema },
  "GET /api/notifications": { tag: "notifications", summary: "The SMS and mail outbox", query: outboxQuerySchema },
  "POST /api/notifications/{id}/retry": { tag: "notifications", summary: "Send a failed message again", noBody: true },
  "GET /api/calendar": { tag: "calendar", summary: "A year's working-day calendar", query: calendarQuerySchema },
  "POST /api/calendar/days": { tag: "calendar", summary: "Set one day (holiday, 调休 working day, closure)", body: calendarDayBodySchema },
  "POST /api/calendar/years": { tag: "calendar", summary: "Declare a year's calendar complete", body: calendarYearBodySchema },
  // #7 alerts, inspections, hall display
  "GET /api/alerts": { tag: "alerts", summary: "Open alerts of the hall", query: alertListQuerySchema },
  "POST /api/alerts/{id}/acknowledge": { tag: "alerts", summary: "Acknowledge an alert, with an optional note", body: acknowledgeAlertBodySchema },
  "GET /api/inspections/checklist": { tag: "inspections", summary: "The current inspection checklist" },
  "PUT /api/inspections/checklist": { tag: "inspections", summary: "Replace the inspection checklist (a new version)", body: checklistBodySchema },
  "GET /api/inspections/sheet": { tag: "inspections", summary: "The supervision record sheet (督查记录表)", query: inspectionSheetQuerySchema },
  "GET /api/inspections": { tag: "inspections", summary: "Inspections", query: inspectionListQuerySchema },
  "POST /api/inspections": { tag: "inspections", summary: "Record an inspection with its findings", body: createInspectionBodySchema },
  "GET /api/inspections/{id}": { tag: "inspections", summary: "One inspection", params: inspectionIdParamSchema },
  "POST /api/inspections/{id}/photo": { tag: "inspections", summary: "Attach a photo (raw JPEG/PNG/WebP body)", params: inspectionIdParamSchema, consumes: ["image/jpeg", "image/png", "image/webp"] },
  "GET /api/inspections/{id}/photo": { tag: "inspections", summary: "An inspection's photo", params: inspectionIdParamSchema, produces: "image/webp" },
  "POST /api/inspections/{id}/findings/{code}/accountability": { tag: "inspections", summary: "Propose an accountability record from a failed finding", params: findingParamSchema, noBody: true },
  "GET /api/display/snapshot": { tag: "display", summary: "Public: what the hall display shows", query: displaySnapshotQuerySchema, public: true },
  "GET /api/public/catalog": { tag: "public catalogue", summary: "Public: the center, its hours and its departments with public items", response: publicCatalogDtoSchema, public: true },
  "GET /api/public/catalog/items": { tag: "public catalogue", summary: "Public: search items by name or code, by department", query: publicItemsQuerySchema, response: page(publicItemSummarySchema), public: true },
  "GET /api/public/catalog/items/{id}": { tag: "public catalogue", summary: "Public: one item's guide (procedure, materials, limits, fee, windows)", response: publicItemDtoSchema, public: true },
};
