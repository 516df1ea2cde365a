// 邀请评价: staff invite a rating at the window they are signed in to; the window's pad shows it. An
// open invitation can be cancelled (the citizen left without rating): the pad drops it at once, and a
// rating made for it afterwards is refused (INVITATION_CANCELLED, not retryable).
import { invitationIdParamSchema, inviteBodySchema } from "../../contracts/evaluations.ts";
import { cancelInvitation, createInvitation } from "../../domain/evaluations/createInvitation.ts";
import { AppError } from "../../errors.ts";
import { auditActorOf, requireActor } from "../../middleware/session.ts";
import { authorize, requireInScope } from "../../policies/authorize.ts";
import { canCancelInvitation, canInvite, canInviteAtWindow } from "../../policies/evaluations.ts";
import { presentInvitation } from "../../presenters/devices.ts";
import { createRouter } from "../router.ts";
import { parse } from "../validate.ts";

export function invitationsRouter() {
  const router = createRouter("/api/invitations");

  router.post("/", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canInvite(actor));
    const body = parse(inviteBodySchema, ctx.request.body ?? {});
    const { prisma } = ctx.services;
    let windowId: number;
    let staffId: number | null;
    if (actor.role === "STAFF") {
      // Staff invite only where they are signed in now (the shift #3 records).
      const shift = await prisma.shift.findFirst({ where: { staffId: actor.staffId ?? -1, endedAt: null }, orderBy: { startedAt: "desc" } });
      if (!shift || (body.windowId !== undefined && body.windowId !== shift.windowId)) throw new AppError("NOT_SIGNED_IN_AT_WINDOW");
      windowId = shift.windowId;
      staffId = shift.staffId;
    } else {
      if (body.windowId === undefined) throw new AppError("VALIDATION_FAILED", { issues: [{ path: "windowId", code: "invalid_type", message: "请选择窗口", messageEn: "Choose a window" }] });
      const window = await prisma.window.findUnique({ where: { id: body.windowId } });
      requireInScope(window !== null && canInviteAtWindow(actor, window));
      windowId = window.id;
      const shift = await prisma.shift.findFirst({ where: { windowId, endedAt: null }, orderBy: { startedAt: "desc" } });
      staffId = shift?.staffId ?? null;
    }
    const invitation = await createInvitation(ctx.services, { centerId: actor.centerId ?? -1, windowId, staffId, source: "STAFF_BUTTON", auditActor: auditActorOf(ctx) });
    ctx.status = 201;
    ctx.body = presentInvitation(invitation);
  });

  router.post("/:id/cancel", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canInvite(actor));
    const { id } = parse(invitationIdParamSchema, ctx.params);
    const { prisma } = ctx.services;
    const invitation = await prisma.invitation.findUnique({ where: { id } });
    requireInScope(invitation !== null && canInviteAtWindow(actor, invitation));
    const shift = actor.role === "STAFF" ? await prisma.shift.findFirst({ where: { staffId: actor.staffId ?? -1, endedAt: null }, orderBy: { startedAt: "desc" } }) : null;
    authorize(canCancelInvitation(actor, invitation, shift?.windowId ?? null));
    const cancelled = await cancelInvitation(ctx.services, { centerId: invitation.centerId, windowId: invitation.windowId, invitationId: invitation.id, auditActor: auditActorOf(ctx) });
    if (cancelled === 0) throw new AppError("INVITATION_CLOSED");
    ctx.body = presentInvitation(await prisma.invitation.findUniqueOrThrow({ where: { id } }));
  });

  return router;
}
