// The one place domain events become Socket.IO messages. Each event name has a route saying which
// rooms hear it; routes never emit. Every message to supervisors carries a per-stream (center or
// department) sequence number so a client that missed one knows to reload its snapshot (docs: "<resource>.<verb>").
import type { Namespace, Server } from "socket.io";
import { SUPERVISOR_BATCH_EVENT, type SupervisorBatch } from "../contracts/supervisorBatch.ts";
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
  // The bad-review loop (#6): the center's supervisors and the rated window's departments' liaisons.
  "rectification.changed": (e) => ({ supervisor: { centerId: e.centerId, departmentIds: e.departmentIds } }),
  // Appeals (#6): the center's supervisors and leaders, and the rated staff member's department's liaisons.
  "appeal.changed": (e) => ({ supervisor: { centerId: e.centerId, departmentIds: e.departmentIds } }),
};

interface Queued {
  name: string;
  data: unknown;
  /** Later items with the same key replace this one (a window's tile: only the latest matters) */
  key: string | null;
}

/** One stream's messages of this turn, the latest tile per window only, in order. */
export function collapseTiles(items: Queued[]): Queued[] {
  const lastOfKey = new Map<string, number>();
  items.forEach((item, i) => item.key !== null && lastOfKey.set(item.key, i));
  return items.filter((item, i) => item.key === null || lastOfKey.get(item.key) === i);
}

const keyOf = (name: DomainEventName, payload: unknown): string | null =>
  name === "liveHall.tile" ? `tile:${(payload as DomainEventMap["liveHall.tile"]).windowId}` : null;

/** Whether any socket of this server is in one of the rooms (Socket.IO serializes a message before it looks). */
export const hasListeners = (namespace: Namespace, rooms: string[]): boolean => rooms.some((room) => (namespace.adapter.rooms.get(room)?.size ?? 0) > 0);

export interface BroadcasterOptions {
  /** True when every supervisor socket is on this server (one process, the in-memory adapter): a room
   * with no local sockets then has no listeners at all. False behind an adapter shared by several nodes. */
  localRoomsOnly: boolean;
}

export function attachBroadcaster(io: Server, events: DomainEvents, routes: Routes = REALTIME_ROUTES, opts: BroadcasterOptions = { localRoomsOnly: true }): () => void {
  const seqByStream = new Map<string, number>();
  streamSeqs.set(events, seqByStream);
  const nextSeq = (stream: string) => {
    const seq = (seqByStream.get(stream) ?? 0) + 1;
    seqByStream.set(stream, seq);
    return seq;
  };
  // Supervisors' messages wait for the end of this turn of the event loop, then go as one batch per stream:
  // a group of ratings committed together reaches each supervisor as one frame, not hundreds.
  const queued = new Map<string, Queued[]>();
  let flushScheduled = false;
  const flush = () => {
    flushScheduled = false;
    const streams = [...queued];
    queued.clear();
    const supervisors = io.of("/supervisor");
    for (const [stream, items] of streams) {
      const collapsed = collapseTiles(items);
      const rooms = stream.startsWith("center:") ? [stream, "city"] : [stream];
      // Socket.IO serializes a message before it looks for listeners: with nobody in these rooms on this
      // server, skip the work — the numbers still advance, so a later snapshot stays in step.
      if (opts.localRoomsOnly && !hasListeners(supervisors, rooms)) {
        seqByStream.set(stream, (seqByStream.get(stream) ?? 0) + collapsed.length);
        continue;
      }
      const batch: SupervisorBatch = { items: collapsed.map((q) => [q.name, { seq: nextSeq(stream), stream, data: q.data }]) };
      supervisors.to(rooms).emit(SUPERVISOR_BATCH_EVENT, batch);
    }
  };
  const enqueue = (stream: string, item: Queued) => {
    const items = queued.get(stream);
    if (items) items.push(item);
    else queued.set(stream, [item]);
    if (!flushScheduled) {
      flushScheduled = true;
      setImmediate(flush);
    }
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
          const item: Queued = { name, data: payload, key: keyOf(name, payload) };
          enqueue(`center:${centerId}`, item);
          for (const stream of new Set(departmentIds.map((d) => `department:${d}`))) enqueue(stream, item);
        }
        if (audience.display) io.of("/display").to(`center:${audience.display.centerId}`).emit(name, audience.display.payload);
        if (audience.kiosk) io.of("/kiosk").to(`window:${audience.kiosk.windowId}`).emit(name, audience.kiosk.payload);
      }),
    );
  }
  return () => {
    unsubscribers.forEach((u) => u());
    if (flushScheduled) flush();
  };
}
