// User accounts of the center.
import { idParamSchema, pageQuerySchema } from "../../contracts/common.ts";
import { createUserBodySchema, resetPasswordBodySchema, updateUserBodySchema } from "../../contracts/users.ts";
import { createUser, resetUserPassword, unlockUser, updateUser } from "../../domain/users/manageUsers.ts";
import type { AppContext } from "../../koa.ts";
import { auditActorOf, requireActor } from "../../middleware/session.ts";
import type { Actor } from "../../policies/actor.ts";
import { authorize, requireInScope } from "../../policies/authorize.ts";
import { canGrantRole, canListUsers, canManageUsers, canTouchUser, canUnlockUsers } from "../../policies/users.ts";
import { presentUser } from "../../presenters/user.ts";
import { createRouter } from "../router.ts";
import { pageArgs, parse } from "../validate.ts";

async function loadUser(ctx: AppContext & { params: Record<string, string> }, actor: Actor) {
  const { id } = parse(idParamSchema, ctx.params);
  const user = await ctx.services.prisma.user.findUnique({ where: { id } });
  requireInScope(user !== null && canTouchUser(actor, user));
  return user;
}

export function usersRouter() {
  const router = createRouter("/api/users");

  router.get("/", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canListUsers(actor));
    const q = parse(pageQuerySchema, ctx.query);
    const where = {
      centerId: actor.centerId ?? -1,
      ...(q.q ? { OR: [{ username: { contains: q.q } }, { displayName: { contains: q.q } }] } : {}),
    };
    const [rows, total] = await Promise.all([
      ctx.services.prisma.user.findMany({ where, orderBy: { id: "asc" }, ...pageArgs(q) }),
      ctx.services.prisma.user.count({ where }),
    ]);
    const now = ctx.services.clock.now();
    ctx.body = { items: rows.map((u) => presentUser(u, now)), total, page: q.page, pageSize: q.pageSize };
  });

  router.get("/:id", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canListUsers(actor));
    ctx.body = presentUser(await loadUser(ctx, actor), ctx.services.clock.now());
  });

  router.post("/", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canManageUsers(actor));
    const body = parse(createUserBodySchema, ctx.request.body);
    authorize(canGrantRole(actor, body.role));
    const user = await createUser(ctx.services, { actor, auditActor: auditActorOf(ctx), body });
    ctx.status = 201;
    ctx.body = presentUser(user, ctx.services.clock.now());
  });

  router.patch("/:id", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canManageUsers(actor));
    const user = await loadUser(ctx, actor);
    const body = parse(updateUserBodySchema, ctx.request.body);
    const updated = await updateUser(ctx.services, { auditActor: auditActorOf(ctx), user, body });
    ctx.body = presentUser(updated, ctx.services.clock.now());
  });

  router.post("/:id/unlock", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canUnlockUsers(actor));
    const user = await loadUser(ctx, actor);
    ctx.body = presentUser(await unlockUser(ctx.services, { auditActor: auditActorOf(ctx), user }), ctx.services.clock.now());
  });

  router.post("/:id/password", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canUnlockUsers(actor));
    const user = await loadUser(ctx, actor);
    const body = parse(resetPasswordBodySchema, ctx.request.body);
    await resetUserPassword(ctx.services, { auditActor: auditActorOf(ctx), user, newPassword: body.newPassword });
    ctx.status = 204;
  });

  return router;
}
