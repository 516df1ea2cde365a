// The one place domain events become Socket.IO messages. Each event name has a route saying which
// rooms hear it; routes never emit. Every message to supervisors carries a per-center sequence
// number so a client that missed one knows to reload its snapshot (docs: "<resource>.<verb>").
import type { Server } from "socket.io";
import type { DomainEventMap, DomainEventName, DomainEvents } from "../lib/events.ts";

export interface Audience {
  /** Supervisors of the center (and liaisons of these departments, and city-level watchers) */
  supervisor?: { centerId: number; departmentIds?: number[] };
  /** The public hall display of the center: only what may be shown in public */
  display?: { centerId: number; payload: unknown };
  /** The rating pad(s) of a window */
  kiosk?: { windowId: number; payload: unknown };
}

export interface Envelope<T> {
  seq: number;
  data: T;
}

type Routes = { [K in DomainEventName]?: (payload: DomainEventMap[K]) => Audience };

/** Add an entry here when a new event should reach sockets. */
export const REALTIME_ROUTES: Routes = {
  // Rating pads (issue #5): the window's pads hear invitations; supervisors every rating. (device.revoked
  // goes to the one revoked pad and disconnects it: realtime/kiosk.ts.)
  "invitation.created": (e) => ({ kiosk: { windowId: e.windowId, payload: e.message } }),
  "invitation.cancelled": (e) => ({ kiosk: { windowId: e.windowId, payload: { invitationId: e.invitationId } } }),
  "evaluation.created": (e) => ({ supervisor: { centerId: e.centerId, departmentIds: e.departmentIds } }),
  // Shifts (issue #3): supervisors of the center and liaisons of the window's departments.
  "shift.started": (e) => ({ supervisor: { centerId: e.centerId, departmentIds: e.departmentIds } }),
  "shift.ended": (e) => ({ supervisor: { centerId: e.centerId, departmentIds: e.departmentIds } }),
  "shift.paused": (e) => ({ supervisor: { centerId: e.centerId, departmentIds: e.departmentIds } }),
  "shift.resumed": (e) => ({ supervisor: { centerId: e.centerId, departmentIds: e.departmentIds } }),
  // Cases and accountability (issue #4): supervisors of the center and liaisons of the case's department.
  "case.changed": (e) => ({ supervisor: { centerId: e.centerId, departmentIds: e.departmentIds } }),
  "case.warning": (e) => ({ supervisor: { centerId: e.centerId, departmentIds: e.departmentIds } }),
  "accountability.proposed": (e) => ({ supervisor: { centerId: e.centerId, departmentIds: e.departmentIds } }),
  "inquiry.changed": (e) => ({ supervisor: { centerId: e.centerId } }),
  "inquiry.warning": (e) => ({ supervisor: { centerId: e.centerId } }),
  "accountability.decided": (e) => ({ supervisor: { centerId: e.centerId, departmentIds: e.departmentIds } }),
};

export function attachBroadcaster(io: Server, events: DomainEvents, routes: Routes = REALTIME_ROUTES): () => void {
  const seqByCenter = new Map<number, number>();
  const nextSeq = (centerId: number) => {
    const seq = (seqByCenter.get(centerId) ?? 0) + 1;
    seqByCenter.set(centerId, seq);
    return seq;
  };
  const unsubscribers: (() => void)[] = [];
  for (const name of Object.keys(routes) as DomainEventName[]) {
    const route = routes[name] as ((payload: DomainEventMap[typeof name]) => Audience) | undefined;
    if (!route) continue;
    unsubscribers.push(
      events.on(name, (payload) => {
        const audience = route(payload);
        if (audience.supervisor) {
          const { centerId, departmentIds = [] } = audience.supervisor;
          const envelope: Envelope<unknown> = { seq: nextSeq(centerId), data: payload };
          const rooms = [`center:${centerId}`, "city", ...departmentIds.map((d) => `department:${d}`)];
          io.of("/supervisor").to(rooms).emit(name, envelope);
        }
        if (audience.display) io.of("/display").to(`center:${audience.display.centerId}`).emit(name, audience.display.payload);
        if (audience.kiosk) io.of("/kiosk").to(`window:${audience.kiosk.windowId}`).emit(name, audience.kiosk.payload);
      }),
    );
  }
  return () => unsubscribers.forEach((u) => u());
}



