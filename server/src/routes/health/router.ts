// Liveness and readiness for load balancers and service managers.
import { createRouter } from "../router.ts";

export function healthRouter() {
  const router = createRouter();
  router.get("/healthz", (ctx) => {
    ctx.body = { status: "alive" };
  });
  router.get("/readyz", async (ctx) => {
    const { db } = ctx.services;
    const reachable = await db.ping();
    const pending = reachable ? db.pendingMigrations() : [];
    const ready = reachable && pending.length === 0;
    ctx.status = ready ? 200 : 503;
    ctx.body = { status: ready ? "ready" : "not-ready", database: reachable ? "reachable" : "unreachable", pendingMigrations: pending };
  });
  return router;
}
