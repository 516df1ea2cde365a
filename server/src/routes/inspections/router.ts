// Inspections (督查记录表): the checklist (read; administrators save a new version), recording one from
// the tablet (idempotent by the tablet's id), the list and one record, the evidence photo, proposing an
// accountability record from a failed item, and the printable day/week sheet.
import fs from "node:fs/promises";
import {
  checklistBodySchema,
  createInspectionBodySchema,
  findingParamSchema,
  inspectionIdParamSchema,
  inspectionListQuerySchema,
  inspectionSheetQuerySchema,
  type InspectionListQuery,
} from "../../contracts/inspections.ts";
import { addDays, shanghaiInstant } from "../../domain/calendar/workingDays.ts";
import { loadChecklist, saveChecklist } from "../../domain/inspections/checklist.ts";
import { inspectionPhotoFile, setInspectionPhoto } from "../../domain/inspections/inspectionPhoto.ts";
import { renderInspectionSheet } from "../../domain/inspections/inspectionSheet.ts";
import { proposeFromFinding } from "../../domain/inspections/proposeFromFinding.ts";
import { recordInspection } from "../../domain/inspections/recordInspection.ts";
import { AppError } from "../../errors.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { AppContext } from "../../koa.ts";
import { auditActorOf, requireActor } from "../../middleware/session.ts";
import type { Actor } from "../../policies/actor.ts";
import { authorize, centerScope, requireInScope } from "../../policies/authorize.ts";
import {
  canAttachInspectionPhoto,
  canEditChecklist,
  canProposeFromInspection,
  canReadChecklist,
  canReadInspections,
  canRecordInspection,
  canSeeInspection,
  inspectionListLimit,
} from "../../policies/inspections.ts";
import { INSPECTION_INCLUDE, presentInspection, type InspectionRow } from "../../presenters/inspections.ts";
import type { Services } from "../../services.ts";
import { readRawBody } from "../imports/readRawBody.ts";
import { createRouter } from "../router.ts";
import { pageArgs, parse } from "../validate.ts";

const PHOTO_MAX_BYTES = 8 * 1024 * 1024;
const DAY_MS = 24 * 60 * 60 * 1000;

async function present(services: Services, rows: InspectionRow[]) {
  const ids = [...new Set(rows.map((r) => r.inspectorId))];
  const users = await services.prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } });
  const names = new Map(users.map((u) => [u.id, u.displayName]));
  return rows.map((r) => presentInspection(r, names.get(r.inspectorId) ?? "—"));
}

function listWhere(actor: Actor, q: Pick<InspectionListQuery, "windowId" | "staffId" | "from" | "to" | "failedOnly" | "centerId" | "q">): Prisma.InspectionWhereInput {
  const at: Prisma.DateTimeFilter = {};
  if (q.from) at.gte = shanghaiInstant(q.from, "00:00");
  if (q.to) at.lt = new Date(shanghaiInstant(q.to, "00:00").getTime() + DAY_MS);
  return {
    ...centerScope(actor, q.centerId),
    ...inspectionListLimit(actor),
    ...(q.windowId ? { windowId: q.windowId } : {}),
    ...(q.staffId ? { staffId: q.staffId } : {}),
    ...(q.failedOnly === "true" ? { totalDeduction: { gt: 0 } } : {}),
    ...(q.q ? { OR: [{ staff: { name: { contains: q.q } } }, { staff: { staffNo: { contains: q.q } } }, { window: { name: { contains: q.q } } }] } : {}),
    ...(q.from || q.to ? { at } : {}),
  };
}

/** One inspection the actor may see (404 otherwise, so ids do not leak across centers). */
async function loadVisible(ctx: AppContext, actor: Actor, clientId: string): Promise<InspectionRow> {
  const row = await ctx.services.prisma.inspection.findUnique({ where: { clientId }, include: { ...INSPECTION_INCLUDE, staff: { select: { name: true, staffNo: true, departmentId: true } } } });
  requireInScope(row !== null && canSeeInspection(actor, { centerId: row.centerId, staffId: row.staffId, staffDepartmentId: row.staff?.departmentId ?? null }));
  return row;
}

export function inspectionsRouter() {
  const router = createRouter("/api/inspections");

  router.get("/checklist", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadChecklist(actor));
    const checklist = (await loadChecklist(ctx.services.prisma, actor.centerId!))!;
    ctx.body = { version: checklist.version, items: checklist.items, createdAt: checklist.createdAt };
  });

  router.put("/checklist", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canEditChecklist(actor));
    const body = parse(checklistBodySchema, ctx.request.body);
    const saved = await saveChecklist(ctx.services, { auditActor: auditActorOf(ctx), centerId: actor.centerId!, userId: actor.userId, body });
    ctx.body = { version: saved.version, items: saved.items, createdAt: saved.createdAt };
  });

  router.get("/sheet", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadInspections(actor) && actor.role !== "STAFF");
    const q = parse(inspectionSheetQuerySchema, ctx.query);
    // A week runs Monday to Sunday around the given day
    const weekday = (new Date(`${q.date}T00:00:00Z`).getUTCDay() + 6) % 7;
    const from = q.period === "week" ? addDays(q.date, -weekday) : q.date;
    const to = q.period === "week" ? addDays(from, 6) : q.date;
    const rows = await ctx.services.prisma.inspection.findMany({ where: listWhere(actor, { from, to }), include: INSPECTION_INCLUDE, orderBy: [{ at: "asc" }, { id: "asc" }], take: 2000 });
    const center = actor.centerId ? await ctx.services.prisma.center.findUnique({ where: { id: actor.centerId }, select: { name: true } }) : null;
    ctx.type = "text/html; charset=utf-8";
    ctx.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'");
    ctx.body = renderInspectionSheet({ centerName: center?.name ?? "", from, to, lang: q.lang, inspections: await present(ctx.services, rows) });
  });

  router.get("/", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadInspections(actor));
    const q = parse(inspectionListQuerySchema, ctx.query);
    const where = listWhere(actor, q);
    const [rows, total] = await Promise.all([
      ctx.services.prisma.inspection.findMany({ where, include: INSPECTION_INCLUDE, orderBy: [{ at: "desc" }, { id: "desc" }], ...pageArgs(q) }),
      ctx.services.prisma.inspection.count({ where }),
    ]);
    ctx.body = { items: await present(ctx.services, rows), total, page: q.page, pageSize: q.pageSize };
  });

  router.post("/", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canRecordInspection(actor));
    const body = parse(createInspectionBodySchema, ctx.request.body);
    const { inspection, created } = await recordInspection(ctx.services, { actor, auditActor: auditActorOf(ctx), body });
    const row = await ctx.services.prisma.inspection.findUniqueOrThrow({ where: { id: inspection.id }, include: INSPECTION_INCLUDE });
    ctx.status = created ? 201 : 200;
    ctx.body = (await present(ctx.services, [row]))[0];
  });

  router.get("/:id", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadInspections(actor));
    const { id } = parse(inspectionIdParamSchema, ctx.params);
    ctx.body = (await present(ctx.services, [await loadVisible(ctx, actor, id)]))[0];
  });

  router.post("/:id/photo", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canRecordInspection(actor));
    const { id } = parse(inspectionIdParamSchema, ctx.params);
    const row = await loadVisible(ctx, actor, id);
    authorize(canAttachInspectionPhoto(actor, row));
    if (!ctx.is("image/jpeg", "image/png", "image/webp")) throw new AppError("UNSUPPORTED_MEDIA_TYPE");
    await setInspectionPhoto(ctx.services, { auditActor: auditActorOf(ctx), inspection: row, input: await readRawBody(ctx, PHOTO_MAX_BYTES) });
    ctx.body = (await present(ctx.services, [await loadVisible(ctx, actor, id)]))[0];
  });

  router.get("/:id/photo", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadInspections(actor));
    const { id } = parse(inspectionIdParamSchema, ctx.params);
    const row = await loadVisible(ctx, actor, id);
    if (!row.photoPath) throw new AppError("NOT_FOUND");
    try {
      ctx.body = await fs.readFile(inspectionPhotoFile(ctx.services, row.clientId));
    } catch {
      throw new AppError("NOT_FOUND");
    }
    ctx.type = "image/webp";
    ctx.set("Cache-Control", "private, max-age=3600");
  });

  router.post("/:id/findings/:code/accountability", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canRecordInspection(actor));
    const { id, code } = parse(findingParamSchema, ctx.params);
    const row = await loadVisible(ctx, actor, id);
    authorize(canProposeFromInspection(actor, row));
    const dto = (await present(ctx.services, [row]))[0]!;
    const label = dto.findings.find((f) => f.code === code)?.label ?? code;
    const { record, created } = await proposeFromFinding(ctx.services, { actor, auditActor: auditActorOf(ctx), inspection: row, code, label });
    ctx.status = created ? 201 : 200;
    ctx.body = { accountabilityId: record.id, state: record.state, kind: record.kind, proposedPoints: record.proposedPoints };
  });

  return router;
}
