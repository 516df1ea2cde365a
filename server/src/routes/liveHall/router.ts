// The live hall map: GET /api/live/snapshot (every tile of the actor's scope and the stream position
// its Socket.IO deltas continue from) and GET /api/live/windows/:windowId (a window's detail).
import { hallSnapshotQuerySchema, hallSnapshotSchema, windowDetailParamsSchema, windowDetailSchema, type HallSnapshot } from "../../contracts/liveHall.ts";
import { loadHallTiles } from "../../domain/liveHall/loadHallTiles.ts";
import { loadWindowDetail } from "../../domain/liveHall/loadWindowDetail.ts";
import { AppError } from "../../errors.ts";
import { requireActor } from "../../middleware/session.ts";
import type { Actor } from "../../policies/actor.ts";
import { authorize, requireInScope } from "../../policies/authorize.ts";
import { canSeeWindowLive, canWatchLiveHall } from "../../policies/liveHall.ts";
import { currentStreamSeq } from "../../realtime/broadcaster.ts";
import type { Services } from "../../services.ts";
import { spec } from "../openapi/routeSpec.ts";
import { createRouter } from "../router.ts";
import { parse } from "../validate.ts";

/** The center the actor's map shows: their own, or (city leader) the one asked for, else the first. */
async function mapCenter(services: Services, actor: Actor, requested: number | undefined): Promise<{ id: number; name: string }> {
  if (actor.role !== "CITY_LEADER") {
    if (requested !== undefined && requested !== actor.centerId) throw new AppError("FORBIDDEN");
    const own = await services.prisma.center.findUnique({ where: { id: actor.centerId ?? -1 }, select: { id: true, name: true } });
    if (!own) throw new AppError("FORBIDDEN");
    return own;
  }
  const center = await services.prisma.center.findFirst({ where: { active: true, ...(requested !== undefined ? { id: requested } : {}) }, orderBy: { id: "asc" }, select: { id: true, name: true } });
  if (!center) throw new AppError("NOT_FOUND");
  return center;
}

const snapshotSpec = spec({
  tag: "live hall",
  summary: "Every window tile of the actor's map and the stream position (seq) its /supervisor liveHall.tile deltas continue from",
  query: hallSnapshotQuerySchema,
  response: hallSnapshotSchema,
});
const detailSpec = spec({ tag: "live hall", summary: "A window's tile, today's timeline and this week's figures", params: windowDetailParamsSchema, response: windowDetailSchema });

export function liveHallRouter() {
  const router = createRouter("/api/live");

  router.get("/snapshot", snapshotSpec, async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canWatchLiveHall(actor));
    const q = parse(hallSnapshotQuerySchema, ctx.query);
    const center = await mapCenter(ctx.services, actor, q.centerId);
    const departmentId = actor.role === "LIAISON" ? (actor.departmentId ?? -1) : undefined;
    const stream = departmentId !== undefined ? `department:${departmentId}` : `center:${center.id}`;
    // The position is read before the tiles: every delta after it is applied on top, and since a delta
    // is a whole tile, one that the snapshot already reflects changes nothing.
    const seq = currentStreamSeq(ctx.services.events, stream);
    const tiles = await loadHallTiles(ctx.services, { centerId: center.id, ...(departmentId !== undefined ? { departmentId } : {}) });
    const body: HallSnapshot = { centerId: center.id, centerName: center.name, stream, seq, at: ctx.services.clock.now().toISOString(), tiles };
    ctx.body = body;
  });

  router.get("/windows/:windowId", detailSpec, async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canWatchLiveHall(actor));
    const { windowId } = parse(windowDetailParamsSchema, ctx.params);
    const window = await ctx.services.prisma.window.findUnique({ where: { id: windowId }, select: { centerId: true, departments: { select: { departmentId: true } } } });
    requireInScope(window !== null && canSeeWindowLive(actor, { centerId: window.centerId, departmentIds: window.departments.map((d) => d.departmentId) }));
    const detail = await loadWindowDetail(ctx.services, { centerId: window.centerId, windowId });
    requireInScope(detail !== null);
    ctx.body = detail;
  });

  return router;
}
