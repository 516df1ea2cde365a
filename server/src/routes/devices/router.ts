// Rating pads: the administrator adds, re-pairs and revokes them; a pad pairs itself with a code.
import { idParamSchema } from "../../contracts/common.ts";
import { createDeviceBodySchema, deviceListQuerySchema, pairDeviceBodySchema, type PairedDto, type PairingCodeDto } from "../../contracts/devices.ts";
import { padPresence } from "../../domain/devices/padPresence.ts";
import { addDevice, pairDevice, renewPairingCode, revokeDevice } from "../../domain/devices/manageDevices.ts";
import { AppError } from "../../errors.ts";
import type { AppContext } from "../../koa.ts";
import { RateLimiter } from "../../lib/rateLimiter.ts";
import { auditActorOf, requireActor } from "../../middleware/session.ts";
import type { Actor } from "../../policies/actor.ts";
import { authorize, requireInScope } from "../../policies/authorize.ts";
import { canManageDevices, canTouchDevice } from "../../policies/devices.ts";
import { presentDevice } from "../../presenters/devices.ts";
import type { Services } from "../../services.ts";
import { createRouter } from "../router.ts";
import { parse } from "../validate.ts";

/** Pairing codes are short: guessing is held back per address. */
const PAIR_ATTEMPTS_PER_10_MIN = 20;

async function loadDevice(ctx: AppContext & { params: Record<string, string> }, actor: Actor) {
  const { id } = parse(idParamSchema, ctx.params);
  const device = await ctx.services.prisma.kioskDevice.findUnique({ where: { id } });
  requireInScope(device !== null && canTouchDevice(actor, device));
  return device;
}

/** One pad as the administrator sees it now: with its window number and whether it is connected. */
const presentOne = async (services: Services, id: number) =>
  presentDevice(
    await services.prisma.kioskDevice.findUniqueOrThrow({ where: { id }, include: { window: { select: { number: true } } } }),
    services.clock.now(),
    padPresence(services).isOnline(id),
  );

export function devicesRouter(services: Services) {
  const router = createRouter("/api/devices");
  const pairLimiter = new RateLimiter(services.clock, PAIR_ATTEMPTS_PER_10_MIN, 10 * 60_000);

  router.get("/", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canManageDevices(actor));
    const q = parse(deviceListQuerySchema, ctx.query);
    const rows = await ctx.services.prisma.kioskDevice.findMany({
      where: { centerId: actor.centerId ?? -1, ...(q.windowId ? { windowId: q.windowId } : {}) },
      include: { window: { select: { number: true } } },
      orderBy: [{ window: { number: "asc" } }, { id: "asc" }],
    });
    const now = ctx.services.clock.now();
    const presence = padPresence(ctx.services);
    ctx.body = { items: rows.map((d) => presentDevice(d, now, presence.isOnline(d.id))) };
  });

  router.post("/", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canManageDevices(actor));
    const body = parse(createDeviceBodySchema, ctx.request.body);
    const { device, code } = await addDevice(ctx.services, { centerId: actor.centerId ?? -1, windowId: body.windowId, name: body.name, auditActor: auditActorOf(ctx) });
    const dto: PairingCodeDto = { device: await presentOne(ctx.services, device.id), code, expiresAt: device.pairingExpiresAt?.toISOString() ?? "" };
    ctx.status = 201;
    ctx.body = dto;
  });

  router.post("/pair", async (ctx) => {
    if (!pairLimiter.hit(ctx.ip)) throw new AppError("TOO_MANY_REQUESTS");
    const body = parse(pairDeviceBodySchema, ctx.request.body);
    const { device, token } = await pairDevice(ctx.services, { code: body.code, auditActor: auditActorOf(ctx) });
    const window = await ctx.services.prisma.window.findUniqueOrThrow({ where: { id: device.windowId }, select: { number: true } });
    const dto: PairedDto = { token, deviceId: device.id, windowId: device.windowId, windowNumber: window.number };
    ctx.body = dto;
  });

  router.post("/:id/pairing-code", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canManageDevices(actor));
    const existing = await loadDevice(ctx, actor);
    const { device, code } = await renewPairingCode(ctx.services, { device: existing, auditActor: auditActorOf(ctx) });
    const dto: PairingCodeDto = { device: await presentOne(ctx.services, device.id), code, expiresAt: device.pairingExpiresAt?.toISOString() ?? "" };
    ctx.body = dto;
  });

  router.post("/:id/revoke", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canManageDevices(actor));
    const existing = await loadDevice(ctx, actor);
    const device = await revokeDevice(ctx.services, { device: existing, auditActor: auditActorOf(ctx) });
    ctx.body = await presentOne(ctx.services, device.id);
  });

  return router;
}
