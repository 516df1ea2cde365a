// Socket.IO on the HTTP server: /supervisor (signed-in staff of the center, by session cookie),
// /kiosk (rating pads, by device token; protocol in docs/kiosk-protocol.md) and /display (the
// public hall screen: read-only, it sends nothing the server listens to).
import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import { SESSION_COOKIE } from "./../contracts/auth.ts";
import { AppError } from "../errors.ts";
import { resolveSession } from "../domain/auth/resolveSession.ts";
import type { Services } from "../services.ts";
import { attachBroadcaster, hasListeners } from "./broadcaster.ts";
import { attachKiosk } from "./kiosk.ts";
import { cookieValue } from "./cookies.ts";
import { DISPLAY_READ_ONLY } from "../contracts/display.ts";
import { displayFeedFor } from "../domain/display/displayFeed.ts";

/** Messages a display may send (by mistake) before it is disconnected: it is meant to send none. */
const DISPLAY_MAX_INBOUND = 20;

export const MAX_MESSAGE_BYTES = 64 * 1024;

const SUPERVISOR_ROLES = new Set(["LEADER", "SUPERVISOR", "ADMIN", "LIAISON", "CITY_LEADER"]);

export function attachRealtime(httpServer: HttpServer, services: Services): Server {
  const io = new Server(httpServer, { maxHttpBufferSize: MAX_MESSAGE_BYTES, serveClient: false });

  const supervisor = io.of("/supervisor");
  supervisor.use(async (socket, next) => {
    try {
      const token = cookieValue(socket.handshake.headers.cookie, SESSION_COOKIE);
      if (!token) throw new AppError("UNAUTHORIZED");
      const session = await resolveSession(services, token);
      if (!SUPERVISOR_ROLES.has(session.actor.role)) throw new AppError("FORBIDDEN");
      socket.data.actor = session.actor;
      next();
    } catch (err) {
      next(new Error(err instanceof AppError ? err.code : "UNAUTHORIZED"));
    }
  });
  supervisor.on("connection", (socket) => {
    const actor = socket.data.actor as { centerId: number | null; departmentId: number | null; role: string };
    // Liaisons hear only their department's room; city-level watchers every center's messages.
    if (actor.role === "LIAISON") {
      if (actor.departmentId !== null) void socket.join(`department:${actor.departmentId}`);
    } else if (actor.centerId !== null) void socket.join(`center:${actor.centerId}`);
    else void socket.join("city");
  });

  attachKiosk(io, services);

  // The public display listens only. Whatever it sends changes nothing: an acknowledged emit is
  // answered READ_ONLY, and a socket that keeps sending is cut off.
  const display = io.of("/display");
  display.on("connection", (socket) => {
    const centerId = Number(socket.handshake.auth?.centerId ?? socket.handshake.query.centerId);
    if (Number.isInteger(centerId) && centerId > 0) void socket.join(`center:${centerId}`);
    let inbound = 0;
    socket.onAny((...args: unknown[]) => {
      const ack = args.at(-1);
      if (typeof ack === "function") (ack as (answer: unknown) => void)({ ok: false, error: DISPLAY_READ_ONLY });
      if (++inbound > DISPLAY_MAX_INBOUND) socket.disconnect(true);
    });
  });
  const feed = displayFeedFor(services);
  // Single node (the in-memory adapter): a center with no display connected here has none anywhere.
  feed.setPublisher((centerId, event, envelope) => hasListeners(display, [`center:${centerId}`]) && display.to(`center:${centerId}`).emit(event, envelope));
  // Lives as long as the server's services; a closed server emits no more domain events
  feed.attach();

  attachBroadcaster(io, services.events);
  return io;
}
