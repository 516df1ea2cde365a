// The /kiosk namespace (protocol v1, docs/kiosk-protocol.md): device-token handshake, window.updated on
// connect and on change, the open invitation on connect, device.revoked (then disconnect), and the
// inbound evaluation.submit stream, acknowledged after commit by the evaluation intake.
import type { Namespace, Server } from "socket.io";
import { KIOSK_PROTOCOL } from "../contracts/kiosk.ts";
import { SESSION_COOKIE } from "../contracts/auth.ts";
import { AppError } from "../errors.ts";
import { resolveSession } from "../domain/auth/resolveSession.ts";
import { padPresence } from "../domain/devices/padPresence.ts";
import { padWindowView } from "../domain/devices/padWindowView.ts";
import { evaluationIntake, refusal, type PadContext } from "../domain/evaluations/submitEvaluation.ts";
import { RateLimiter } from "../lib/rateLimiter.ts";
import { sha256 } from "../lib/tokens.ts";
import type { Services } from "../services.ts";
import { cookieValue } from "./cookies.ts";

/** Flood guard per connection: well above one-in-flight use, far below what could starve others. */
const SUBMITS_PER_SECOND = 200;

async function isStaffSession(services: Services, cookie: string | undefined): Promise<boolean> {
  const token = cookieValue(cookie, SESSION_COOKIE);
  if (!token || token.length > 200) return false;
  try {
    return (await resolveSession(services, token)).actor.role === "STAFF";
  } catch (err) {
    if (err instanceof AppError) return false;
    throw err;
  }
}

async function sendWindow(services: Services, target: { emit: (ev: string, data: unknown) => boolean }, windowId: number): Promise<void> {
  const view = await padWindowView(services, windowId);
  if (view) target.emit("window.updated", view);
}

/** The pads connected to this server now (device ids), for the hall alert sweep's "pad offline" (#7). */
export function onlineKioskDeviceIds(io: Server): Set<number> {
  const ids = new Set<number>();
  for (const socket of io.of("/kiosk").sockets.values()) ids.add((socket.data.device as PadContext).deviceId);
  return ids;
}

export function attachKiosk(io: Server, services: Services): Namespace {
  const kiosk = io.of("/kiosk");
  const intake = evaluationIntake(services);
  const presence = padPresence(services);
  /** lastSeenAt on connect and disconnect, throttled (padPresence.ts); a failed write is only logged. */
  const touch = (deviceId: number) => {
    const now = services.clock.now();
    if (!presence.claimLastSeenWrite(deviceId, now)) return;
    services.prisma.kioskDevice.update({ where: { id: deviceId }, data: { lastSeenAt: now } }).catch((err: unknown) => {
      services.logger.warn({ err, deviceId }, "lastSeenAt not written");
    });
  };
  const flood = new RateLimiter(services.clock, SUBMITS_PER_SECOND, 1000);

  kiosk.use(async (socket, next) => {
    try {
      const auth = (socket.handshake.auth ?? {}) as { token?: unknown; protocol?: unknown };
      if (auth.protocol !== KIOSK_PROTOCOL) return next(new Error("UNSUPPORTED_PROTOCOL"));
      if (typeof auth.token !== "string" || auth.token.length > 200) return next(new Error("UNAUTHORIZED"));
      const device = await services.prisma.kioskDevice.findUnique({ where: { tokenHash: sha256(auth.token) } });
      if (!device || device.revokedAt) return next(new Error("UNAUTHORIZED"));
      const pad: PadContext = {
        deviceId: device.id,
        windowId: device.windowId,
        centerId: device.centerId,
        staffSession: await isStaffSession(services, socket.handshake.headers.cookie),
      };
      socket.data.device = pad;
      next();
    } catch (err) {
      services.logger.error({ err }, "kiosk handshake failed");
      next(new Error("UNAUTHORIZED"));
    }
  });

  kiosk.on("connection", (socket) => {
    const pad = socket.data.device as PadContext;
    void socket.join([`window:${pad.windowId}`, `device:${pad.deviceId}`]);
    presence.connected(pad.deviceId);
    touch(pad.deviceId);
    socket.on("disconnect", (reason) => {
      presence.disconnected(pad.deviceId);
      // At shutdown the database closes right after the sockets: nothing more is written then.
      if (reason !== "server shutting down") touch(pad.deviceId);
    });
    // The live hall's tile shows the pad online/offline (#7)
    services.events.emit("device.connected", { centerId: pad.centerId, windowId: pad.windowId, deviceId: pad.deviceId });
    socket.on("disconnect", () => {
      services.events.emit("device.disconnected", { centerId: pad.centerId, windowId: pad.windowId, deviceId: pad.deviceId });
    });
    void (async () => {
      try {
        await sendWindow(services, socket, pad.windowId);
        const now = services.clock.now();
        const open = await services.prisma.invitation.findFirst({
          where: { windowId: pad.windowId, cancelledAt: null, expiresAt: { gt: now }, evaluation: { is: null } },
          orderBy: { createdAt: "desc" },
          include: { case: { select: { caseNo: true } }, item: { select: { name: true } } },
        });
        if (open) {
          socket.emit("invitation.created", {
            invitationId: open.id,
            ...(open.case ? { caseNo: open.case.caseNo } : {}),
            ...(open.item ? { itemName: open.item.name } : {}),
            expiresAt: open.expiresAt.toISOString(),
          });
        }
      } catch (err) {
        services.logger.warn({ err, deviceId: pad.deviceId }, "kiosk welcome failed");
      }
    })();

    socket.on("evaluation.submit", (payload: unknown, ack?: unknown) => {
      if (typeof ack !== "function") return; // without a callback there is nobody to answer
      const reply = ack as (answer: unknown) => void;
      if (!flood.hit(`device:${pad.deviceId}`)) return reply(refusal("RATE_LIMITED"));
      intake.submit(pad, payload).then(reply, (err: unknown) => {
        services.logger.error({ err }, "evaluation submit failed");
        reply(refusal("BUSY"));
      });
    });
  });

  // A revoked pad is told at once and disconnected; the other pads of its window ignore the message.
  services.events.on("device.revoked", (e) => {
    kiosk.to(`device:${e.deviceId}`).emit("device.revoked", { deviceId: e.deviceId });
    kiosk.in(`device:${e.deviceId}`).disconnectSockets(true);
  });
  // Shift sign-in/out and pauses (#3) change what the idle screen shows.
  const refresh = (e: { windowId: number }) =>
    void sendWindow(services, kiosk.to(`window:${e.windowId}`), e.windowId).catch((err: unknown) =>
      services.logger.warn({ err, windowId: e.windowId }, "window.updated failed"),
    );
  for (const name of ["window.changed", "shift.started", "shift.ended", "shift.paused", "shift.resumed"] as const) services.events.on(name, refresh);
  return kiosk;
}
