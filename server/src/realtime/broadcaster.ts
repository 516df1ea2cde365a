// The one place domain events become Socket.IO messages. Each event name has a route saying which
// rooms hear it; routes never emit. Every message to supervisors carries a per-stream (center or
// department) sequence number so a client that missed one knows to reload its snapshot (docs: "<resource>.<verb>").
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
  /**
   * The numbered stream: "center:<id>" for the center's supervisors (and city watchers), "department:<id>"
   * for a liaison. Each stream counts by itself, so a liaison who hears only their department sees no gaps.
   */
  stream: string;
  data: T;
}

// Current sequence number per stream, per event bus (one per server), so the snapshot endpoints can say
// from which number their deltas follow without holding the Socket.IO server.
const streamSeqs = new WeakMap<DomainEvents, Map<string, number>>();

/** The last sequence number sent on a stream ("center:<id>", "department:<id>"); 0 before the first. */
export const currentStreamSeq = (events: DomainEvents, stream: string): number => streamSeqs.get(events)?.get(stream) ?? 0;

type Routes = { [K in DomainEventName]?: (payload: DomainEventMap[K]) => Audience };

/** Add an entry here when a new event should reach sockets. */
export const REALTIME_ROUTES: Routes = {
  // Rating pads (issue #5): the window's pads hear invitations; supervisors every rating. (device.revoked
  // goes to the one revoked pad and disconnects it: realtime/kiosk.ts.)
  "invitation.created": (e) => ({ kiosk: { windowId: e.windowId, payload: e.message } }),
  "invitation.cancelled": (e) => ({ kiosk: { windowId: e.windowId, payload: { invitationId: e.invitationId } } }),
  "evaluation.created": (e) => ({ supervisor: { centerId: e.centerId, departmentIds: e.departmentIds } }),
  // The live hall (#7): a window's recomputed tile, to the map of its center and its departments' liaisons.
  "liveHall.tile": (e) => ({ supervisor: { centerId: e.centerId, departmentIds: e.departmentIds } }),
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
  // Alerts and inspections (#7): supervisors of the center and liaisons of the window's departments.
  "alert.created": (e) => ({ supervisor: { centerId: e.centerId, departmentIds: e.departmentIds } }),
  "alert.acknowledged": (e) => ({ supervisor: { centerId: e.centerId, departmentIds: e.departmentIds } }),
  "alert.resolved": (e) => ({ supervisor: { centerId: e.centerId, departmentIds: e.departmentIds } }),
  "inspection.recorded": (e) => ({ supervisor: { centerId: e.centerId, departmentIds: e.departmentIds } }),
};

export function attachBroadcaster(io: Server, events: DomainEvents, routes: Routes = REALTIME_ROUTES): () => void {
  const seqByStream = new Map<string, number>();
  streamSeqs.set(events, seqByStream);
  const nextSeq = (stream: string) => {
    const seq = (seqByStream.get(stream) ?? 0) + 1;
    seqByStream.set(stream, seq);
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
          const centerStream = `center:${centerId}`;
          const envelope: Envelope<unknown> = { seq: nextSeq(centerStream), stream: centerStream, data: payload };
          io.of("/supervisor").to([centerStream, "city"]).emit(name, envelope);
          for (const stream of new Set(departmentIds.map((d) => `department:${d}`))) {
            io.of("/supervisor").to(stream).emit(name, { seq: nextSeq(stream), stream, data: payload } satisfies Envelope<unknown>);
          }
        }
        if (audience.display) io.of("/display").to(`center:${audience.display.centerId}`).emit(name, audience.display.payload);
        if (audience.kiosk) io.of("/kiosk").to(`window:${audience.kiosk.windowId}`).emit(name, audience.kiosk.payload);
      }),
    );
  }
  return () => unsubscribers.forEach((u) => u());
}



