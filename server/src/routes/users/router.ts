// User accounts of the center.
import { idParamSchema } from "../../contracts/common.ts";
import { XLSX_TYPE } from "../../contracts/imports.ts";
import { ROLE_LABELS } from "../../contracts/roles.ts";
import { z } from "zod";
import { createUserBodySchema, resetPasswordBodySchema, updateUserBodySchema, userDtoSchema, userListQuerySchema, type UserListQuery } from "../../contracts/users.ts";
import { createUser, resetUserPassword, unlockUser, updateUser } from "../../domain/users/manageUsers.ts";
import type { AppContext } from "../../koa.ts";
import { auditActorOf, requireActor } from "../../middleware/session.ts";
import type { Actor } from "../../policies/actor.ts";
import { authorize, requireInScope } from "../../policies/authorize.ts";
import { AppError } from "../../errors.ts";
import { canDeactivateUser, canGrantRole, canListUsers, canManageUsers, canTouchUser, canUnlockUsers, roleChangeRefusal } from "../../policies/users.ts";
import { presentUser } from "../../presenters/user.ts";
import { EXPORT_MAX_ROWS, formatShanghai, sendWorkbook } from "../exports/sendWorkbook.ts";
import { spec } from "../openapi/routeSpec.ts";
import { createRouter } from "../router.ts";
import { pageArgs, parse } from "../validate.ts";

async function loadUser(ctx: AppContext & { params: Record<string, string> }, actor: Actor) {
  const { id } = parse(idParamSchema, ctx.params);
  const user = await ctx.services.prisma.user.findUnique({ where: { id } });
  requireInScope(user !== null && canTouchUser(actor, user));
  return user;
}

const listWhere = (actor: Actor, q: UserListQuery) => ({
  centerId: actor.centerId ?? -1,
  ...(q.role ? { role: q.role } : {}),
  ...(q.active !== undefined ? { active: q.active } : {}),
  ...(q.q ? { OR: [{ username: { contains: q.q } }, { displayName: { contains: q.q } }] } : {}),
});

const REFUSALS = {
  NOT_GRANTABLE: { message: "无权授予或撤销该角色", messageEn: "You may not grant or take away this role" },
  OWN_ADMIN_ROLE: { message: "不能撤销自己的系统管理员角色", messageEn: "You cannot take the administrator role away from yourself" },
} as const;

export function usersRouter() {
  const router = createRouter("/api/users");

  router.get("/", spec({ summary: "Accounts of the center (search q, role, active)", query: userListQuerySchema, response: z.object({ items: z.array(userDtoSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }) }), async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canListUsers(actor));
    const q = parse(userListQuerySchema, ctx.query);
    const where = listWhere(actor, q);
    const [rows, total] = await Promise.all([
      ctx.services.prisma.user.findMany({ where, orderBy: { id: "asc" }, ...pageArgs(q) }),
      ctx.services.prisma.user.count({ where }),
    ]);
    const now = ctx.services.clock.now();
    ctx.body = { items: rows.map((u) => presentUser(u, now)), total, page: q.page, pageSize: q.pageSize };
  });

  router.get("/export.xlsx", spec({ summary: "Export the filtered account list to Excel (no secrets)", query: userListQuerySchema, produces: XLSX_TYPE }), async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canListUsers(actor));
    const q = parse(userListQuerySchema, ctx.query);
    const now = ctx.services.clock.now();
    const rows = await ctx.services.prisma.user.findMany({ where: listWhere(actor, q), orderBy: { id: "asc" }, take: EXPORT_MAX_ROWS });
    // No password hashes, no lockout counters: what the list shows, nothing more
    await sendWorkbook(ctx, "用户账户", [
      { header: "用户名", width: 20, value: (u) => u.username },
      { header: "姓名", width: 16, value: (u) => u.displayName },
      { header: "角色", width: 16, value: (u) => ROLE_LABELS[u.role].zh },
      { header: "状态", value: (u) => (u.active ? "启用" : "停用") },
      { header: "锁定", value: (u) => (u.lockedUntil && u.lockedUntil > now ? "是" : "否") },
      { header: "最近登录", width: 20, value: (u) => (u.lastLoginAt ? formatShanghai(u.lastLoginAt) : "") },
    ], rows);
  });

  router.get("/:id", spec({ summary: "One account", response: userDtoSchema }), async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canListUsers(actor));
    ctx.body = presentUser(await loadUser(ctx, actor), ctx.services.clock.now());
  });

  router.post("/", spec({ summary: "Create an account", body: createUserBodySchema, response: userDtoSchema }), async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canManageUsers(actor));
    const body = parse(createUserBodySchema, ctx.request.body);
    authorize(canGrantRole(actor, body.role));
    const user = await createUser(ctx.services, { actor, auditActor: auditActorOf(ctx), body });
    ctx.status = 201;
    ctx.body = presentUser(user, ctx.services.clock.now());
  });

  router.patch("/:id", spec({ summary: "Rename, (de)activate or change the role of an account (403 ROLE_NOT_GRANTABLE; not one's own administrator role)", body: updateUserBodySchema, response: userDtoSchema }), async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canManageUsers(actor));
    const user = await loadUser(ctx, actor);
    const body = parse(updateUserBodySchema, ctx.request.body);
    if (body.role !== undefined) {
      const refusal = roleChangeRefusal(actor, user, body.role);
      if (refusal) throw new AppError("ROLE_NOT_GRANTABLE", { ...REFUSALS[refusal], issues: [{ path: "role", code: refusal.toLowerCase(), ...REFUSALS[refusal] }] });
    }
    if (body.active === false && !canDeactivateUser(actor, user)) {
      const text = { message: "不能停用自己的账户", messageEn: "You cannot deactivate your own account" };
      throw new AppError("FORBIDDEN", { ...text, issues: [{ path: "active", code: "own_account", ...text }] });
    }
    const updated = await updateUser(ctx.services, { auditActor: auditActorOf(ctx), user, body });
    ctx.body = presentUser(updated, ctx.services.clock.now());
  });

  router.post("/:id/unlock", spec({ summary: "Unlock an account locked by failed sign-ins", noBody: true, response: userDtoSchema }), async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canUnlockUsers(actor));
    const user = await loadUser(ctx, actor);
    ctx.body = presentUser(await unlockUser(ctx.services, { auditActor: auditActorOf(ctx), user }), ctx.services.clock.now());
  });

  router.post("/:id/password", spec({ summary: "Reset an account's password (it must be changed at next sign-in)", body: resetPasswordBodySchema }), async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canUnlockUsers(actor));
    const user = await loadUser(ctx, actor);
    const body = parse(resetPasswordBodySchema, ctx.request.body);
    await resetUserPassword(ctx.services, { auditActor: auditActorOf(ctx), user, newPassword: body.newPassword });
    ctx.status = 204;
  });

  return router;
}
