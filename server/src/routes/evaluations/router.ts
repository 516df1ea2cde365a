// Ratings as supervisors read them: the latest of the center, to fill the live feed before the
// socket's evaluation.created messages take over.
import type { EvaluationFeedItem } from "../../contracts/kiosk.ts";
import { recentEvaluationsQuerySchema, type RecentEvaluations } from "../../contracts/evaluations.ts";
import { requireActor } from "../../middleware/session.ts";
import { authorize, centerScope } from "../../policies/authorize.ts";
import { canWatchEvaluations } from "../../policies/evaluations.ts";
import { createRouter } from "../router.ts";
import { parse } from "../validate.ts";

export function evaluationsRouter() {
  const router = createRouter("/api/evaluations");

  router.get("/recent", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canWatchEvaluations(actor));
    const q = parse(recentEvaluationsQuerySchema, ctx.query);
    const rows = await ctx.services.prisma.evaluation.findMany({
      where: centerScope(actor, q.centerId),
      orderBy: [{ receivedAt: "desc" }, { id: "asc" }],
      take: q.limit,
      include: {
        window: { select: { number: true, departments: { select: { departmentId: true } } } },
        staff: { select: { name: true } },
      },
    });
    const items: EvaluationFeedItem[] = rows.map((r) => ({
      id: r.id,
      centerId: r.centerId,
      windowId: r.windowId,
      windowNumber: r.window?.number ?? null,
      staffId: r.staffId,
      staffName: r.staff?.name ?? null,
      departmentIds: r.window?.departments.map((d) => d.departmentId) ?? [],
      level: r.level,
      reasons: Array.isArray(r.reasons) ? r.reasons.filter((x): x is string => typeof x === "string") : [],
      comment: r.comment,
      bound: r.bound,
      channel: r.channel,
      ratedAt: r.ratedAt.toISOString(),
      receivedAt: r.receivedAt.toISOString(),
    }));
    const body: RecentEvaluations = { items };
    ctx.body = body;
  });

  return router;
}
