// The center's settings: opening hours, lunch break, warning and loop deadlines. Administrators edit
// them (validated whole by contracts/settings.ts and audited); leaders and supervisors read them.
import { centerSettingsSchema, DEFAULT_CENTER_SETTINGS } from "../../contracts/settings.ts";
import { recordAudit } from "../../domain/audit/recordAudit.ts";
import { AppError, issuesFromZod } from "../../errors.ts";
import { auditActorOf, requireActor } from "../../middleware/session.ts";
import { authorize } from "../../policies/authorize.ts";
import { canEditSettings, canReadSettings } from "../../policies/shifts.ts";
import { spec } from "../openapi/routeSpec.ts";
import { createRouter } from "../router.ts";

/** The hours' cross-field rules in words a clerk understands (zod's own text is generic). */
const HOURS_PROBLEMS: Record<string, { message: string; messageEn: string }> = {
  closesAt: { message: "下班时间须晚于上班时间", messageEn: "Closing must be after opening" },
  lunchStartsAt: { message: "午休须在办公时间之内开始", messageEn: "The lunch break must start within the opening hours" },
  lunchEndsAt: { message: "午休须在开始之后、下班之前结束", messageEn: "The lunch break must end after it starts and before closing" },
};

export function settingsRouter() {
  const router = createRouter("/api/settings");

  router.get("/", spec({ summary: "The center's settings (hours, lunch break, sign-in grace, deadlines)", response: centerSettingsSchema }), async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadSettings(actor));
    const center = await ctx.services.prisma.center.findUnique({ where: { id: actor.centerId ?? -1 } });
    if (!center) throw new AppError("NOT_FOUND");
    ctx.body = centerSettingsSchema.catch(DEFAULT_CENTER_SETTINGS).parse(center.settings);
  });

  router.put("/", spec({ summary: "Replace the center's settings (administrators); the lunch break must lie inside the hours", body: centerSettingsSchema, response: centerSettingsSchema }), async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canEditSettings(actor));
    const parsed = centerSettingsSchema.safeParse(ctx.request.body);
    if (!parsed.success) {
      const issues = issuesFromZod(parsed.error).map((i) => (i.code === "custom" && HOURS_PROBLEMS[i.path] ? { ...i, ...HOURS_PROBLEMS[i.path] } : i));
      throw new AppError("VALIDATION_FAILED", { issues });
    }
    const settings = parsed.data;
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
