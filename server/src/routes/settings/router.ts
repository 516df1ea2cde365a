// The center's settings: opening hours, lunch break, warning and loop deadlines. Administrators edit
// them (validated whole by contracts/settings.ts and audited); leaders and supervisors read them.
import { centerSettingsSchema, DEFAULT_CENTER_SETTINGS } from "../../contracts/settings.ts";
import { recordAudit } from "../../domain/audit/recordAudit.ts";
import { AppError } from "../../errors.ts";
import { auditActorOf, requireActor } from "../../middleware/session.ts";
import { authorize } from "../../policies/authorize.ts";
import { canEditSettings, canReadSettings } from "../../policies/shifts.ts";
import { createRouter } from "../router.ts";
import { parse } from "../validate.ts";

export function settingsRouter() {
  const router = createRouter("/api/settings");

  router.get("/", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadSettings(actor));
    const center = await ctx.services.prisma.center.findUnique({ where: { id: actor.centerId ?? -1 } });
    if (!center) throw new AppError("NOT_FOUND");
    ctx.body = centerSettingsSchema.catch(DEFAULT_CENTER_SETTINGS).parse(center.settings);
  });

  router.put("/", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canEditSettings(actor));
    const settings = parse(centerSettingsSchema, ctx.request.body);
    const { prisma, clock } = ctx.services;
    const now = clock.now();
    ctx.body = await prisma.$transaction(async (tx) => {
      const center = await tx.center.findUnique({ where: { id: actor.centerId ?? -1 } });
      if (!center) throw new AppError("NOT_FOUND");
      await tx.center.update({ where: { id: center.id }, data: { settings } });
      await recordAudit(tx, auditActorOf(ctx), { action: "update.settings", entity: "Center", entityId: center.id, centerId: center.id, before: center.settings, after: settings }, now);
      return settings;
    });
  });

  return router;
}
