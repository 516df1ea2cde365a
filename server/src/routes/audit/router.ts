// The audit log, read-only, for auditors: the paged list and its Excel export, both with the same
// filters (action contains, entity, actor, time range).
import { z } from "zod";
import { auditEntryDtoSchema, auditQuerySchema, type AuditEntryDto, type AuditQuery } from "../../contracts/audit.ts";
import { XLSX_TYPE } from "../../contracts/imports.ts";
import type { AuditEntry } from "../../generated/prisma/client.ts";
import type { AppContext } from "../../koa.ts";
import { requireActor } from "../../middleware/session.ts";
import type { Actor } from "../../policies/actor.ts";
import { canReadAudit } from "../../policies/audit.ts";
import { authorize, centerScope } from "../../policies/authorize.ts";
import { EXPORT_MAX_ROWS, formatShanghai, sendWorkbook } from "../exports/sendWorkbook.ts";
import { spec } from "../openapi/routeSpec.ts";
import { createRouter } from "../router.ts";
import { pageArgs, parse } from "../validate.ts";

const listWhere = (actor: Actor, q: AuditQuery) => ({
  ...centerScope(actor),
  ...(q.action ? { action: { contains: q.action } } : {}),
  ...(q.entity ? { entity: q.entity } : {}),
  ...(q.actorId ? { actorId: q.actorId } : {}),
  ...(q.from || q.to ? { at: { ...(q.from ? { gte: new Date(q.from) } : {}), ...(q.to ? { lt: new Date(q.to) } : {}) } } : {}),
});

async function actorNames(ctx: AppContext, rows: AuditEntry[]): Promise<Map<number, string>> {
  const ids = [...new Set(rows.map((r) => r.actorId).filter((id): id is number => id !== null))];
  const users = await ctx.services.prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } });
  return new Map(users.map((u) => [u.id, u.displayName]));
}

const json = (value: unknown): string => (value === null || value === undefined ? "" : JSON.stringify(value));

export function auditRouter() {
  const router = createRouter("/api/audit");

  router.get("/", spec({ summary: "The audit log (auditors), newest first", query: auditQuerySchema, response: z.object({ items: z.array(auditEntryDtoSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }) }), async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadAudit(actor));
    const q = parse(auditQuerySchema, ctx.query);
    const where = listWhere(actor, q);
    const { prisma } = ctx.services;
    const [rows, total] = await Promise.all([
      prisma.auditEntry.findMany({ where, orderBy: { id: "desc" }, ...pageArgs(q) }),
      prisma.auditEntry.count({ where }),
    ]);
    const names = await actorNames(ctx, rows);
    const items: AuditEntryDto[] = rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      centerId: r.centerId,
      actorId: r.actorId,
      actorName: r.actorId ? (names.get(r.actorId) ?? null) : null,
      actorRole: r.actorRole,
      action: r.action,
      entity: r.entity,
      entityId: r.entityId,
      before: r.before ?? null,
      after: r.after ?? null,
      ip: r.ip,
      hash: r.hash,
    }));
    ctx.body = { items, total, page: q.page, pageSize: q.pageSize };
  });

  /** The filtered log as Excel, newest first, with the hash so a copy can be checked against the chain. */
  router.get("/export.xlsx", spec({ summary: "Export the filtered audit log to Excel (Beijing times, with hashes)", query: auditQuerySchema, produces: XLSX_TYPE }), async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadAudit(actor));
    const q = parse(auditQuerySchema, ctx.query);
    const rows = await ctx.services.prisma.auditEntry.findMany({ where: listWhere(actor, q), orderBy: { id: "desc" }, take: EXPORT_MAX_ROWS });
    const names = await actorNames(ctx, rows);
    await sendWorkbook(ctx, "审计日志", [
      { header: "序号", value: (r) => r.id },
      { header: "时间（北京时间）", width: 20, value: (r) => formatShanghai(r.at) },
      { header: "操作人", value: (r) => (r.actorId ? (names.get(r.actorId) ?? `#${r.actorId}`) : "系统") },
      { header: "角色", value: (r) => r.actorRole },
      { header: "操作", width: 22, value: (r) => r.action },
      { header: "对象", value: (r) => r.entity },
      { header: "对象ID", value: (r) => r.entityId },
      { header: "变更前", width: 40, value: (r) => json(r.before) },
      { header: "变更后", width: 40, value: (r) => json(r.after) },
      { header: "IP 地址", value: (r) => r.ip },
      { header: "校验值", width: 66, value: (r) => r.hash },
    ], rows);
  });

  return router;
}
