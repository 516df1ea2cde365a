// The centers (halls) of the deployment: city-level roles see all, center roles their own.
import { AppError } from "../../errors.ts";
import { requireActor } from "../../middleware/session.ts";
import { authorize, centerScope } from "../../policies/authorize.ts";
import { canListCenters } from "../../policies/masterData.ts";
import { presentCenter } from "../../presenters/masterData.ts";
import { createRouter } from "../router.ts";

export function centersRouter() {
  const router = createRouter("/api/centers");
  router.get("/", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canListCenters(actor));
    const scope = centerScope(actor);
    const rows = await ctx.services.prisma.center.findMany({
      where: scope.centerId ? { id: scope.centerId } : {},
      orderBy: { code: "asc" },
    });
    if (rows.length === 0 && scope.centerId) throw new AppError("NOT_FOUND");
    ctx.body = { items: rows.map(presentCenter) };
  });
  return router;
}
