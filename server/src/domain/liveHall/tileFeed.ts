// Turns "something about window W changed" (shifts, ratings, cases, inquiries, pads, queue reports)
// into a recomputed tile for W, announced as liveHall.tile (the broadcaster numbers it per stream).
// Tiles are whole, not increments, so a client that applies one twice counts nothing twice; one runner
// per center recomputes the windows marked dirty in batches, so the last tile sent for a window always
// reflects the last change. A periodic sweep catches changes no event announces: opening time, lunch.
import type { WindowTile } from "../../contracts/liveHall.ts";
import type { DomainEventName } from "../../lib/events.ts";
import type { Services } from "../../services.ts";
import { applyRatingToTile, shanghaiDayOf, type DayBounds } from "./applyRatingToTile.ts";
import { loadHallTiles } from "./loadHallTiles.ts";

/** Least time between two recompute batches of one center while changes keep coming. */
export const BATCH_INTERVAL_MS = 50;
/** While changes keep coming, recomputing may take at most this share of the time: measured, a hall whose
 * 90 windows were all dirty every 50 ms spent most of a core on tiles and cut rating throughput by half. */
export const MAX_RECOMPUTE_SHARE = 0.2;

/** Windows recomputed in one batch at most */
export const MAX_WINDOWS_PER_BATCH = 12;

/** Pause before the next batch, given how long the last one took (pacing, not domain time). */
export function pauseAfterBatch(lastBatchMs: number, minIntervalMs = BATCH_INTERVAL_MS): number {
  return Math.max(minIntervalMs, lastBatchMs * (1 / MAX_RECOMPUTE_SHARE - 1));
}

export interface TileFeed {
  /** Recompute every window of every center now and announce those whose tile changed (time passing). */
  sweep(): Promise<void>;
  /** Resolves once no recompute is pending (tests; shutdown). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

const DIRECT_WINDOW_EVENTS = [
  "window.changed",
  "shift.started",
  "shift.ended",
  "shift.paused",
  "shift.resumed",
  "invitation.created",
  "invitation.cancelled",
  "device.revoked",
  "device.connected",
  "device.disconnected",
  "inquiry.warning",
] as const satisfies readonly DomainEventName[];

export function attachTileFeed(services: Services, opts: { sweepEveryMs?: number } = {}): TileFeed {
  const { events, prisma, logger } = services;
  const pending = new Map<number, Set<number>>(); // centerId → windowIds
  const runners = new Map<number, Promise<void>>();
  /** The last tile announced per window and the Shanghai day its counts are of */
  const lastSent = new Map<number, { tile: WindowTile; day: DayBounds }>();
  /** Windows whose tiles are being read from the database now, per center */
  const loading = new Map<number, Set<number>>();
  let stopped = false;

  const announce = (tile: WindowTile, day: DayBounds, centerId: number) => {
    lastSent.set(tile.windowId, { tile, day });
    events.emit("liveHall.tile", { centerId, departmentIds: tile.departments.map((d) => d.id), windowId: tile.windowId, tile });
  };

  const run = async (centerId: number) => {
    let lastBatchMs = 0;
    for (let first = true; ; first = false) {
      // Pacing, not domain time: in a busy hall later batches wait pauseAfterBatch(), so recomputing
      // tiles never crowds out the ratings and messages themselves (the first change goes at once).
      if (!first) await new Promise((resolve) => setTimeout(resolve, pauseAfterBatch(lastBatchMs)));
      const waiting = pending.get(centerId);
      if (!waiting || waiting.size === 0 || stopped) break;
      // A few windows at a time: the database reads block the event loop while they run, and a whole
      // hall at once (after a burst of pads connecting) held every pad's ack back for a third of a second.
      const ids = new Set([...waiting].slice(0, MAX_WINDOWS_PER_BATCH));
      for (const id of ids) waiting.delete(id);
      if (waiting.size === 0) pending.delete(centerId);
      loading.set(centerId, ids);
      const started = performance.now();
      const day = shanghaiDayOf(services.clock.now());
      try {
        const tiles = await loadHallTiles(services, { centerId, windowIds: [...ids] });
        for (const tile of tiles) announce(tile, day, centerId);
      } catch (err) {
        if (!stopped) logger.warn({ err, centerId }, "live hall tile recompute failed");
      } finally {
        loading.delete(centerId);
      }
      lastBatchMs = performance.now() - started;
    }
    runners.delete(centerId);
  };

  // A group of ratings committed together (thousands a second at full load) is announced as one tile
  // per window, at the end of the run that announced them, not one tile per rating.
  const ratedThisTurn = new Map<number, { tile: WindowTile; day: DayBounds; centerId: number; base: { tile: WindowTile; day: DayBounds } }>();
  let announceRatedQueued = false;
  const announceRated = () => {
    announceRatedQueued = false;
    const rated = [...ratedThisTurn];
    ratedThisTurn.clear();
    for (const [windowId, r] of rated) {
      // A tile read since replaced the one these ratings were added to; that read began after they were
      // committed (a read in flight when they were announced is never added to), so it has them.
      if (lastSent.get(windowId) === r.base) announce(r.tile, r.day, r.centerId);
    }
  };

  const markDirty = (centerId: number, windowId: number | null | undefined) => {
    if (stopped || windowId === null || windowId === undefined) return;
    const set = pending.get(centerId) ?? new Set<number>();
    set.add(windowId);
    pending.set(centerId, set);
    if (!runners.has(centerId)) runners.set(centerId, run(centerId));
  };

  const windowOfCase = async (caseId: number) => (await prisma.case.findUnique({ where: { id: caseId }, select: { windowId: true } }))?.windowId ?? null;
  const windowsOfInquiry = async (inquiryId: number) => {
    const row = await prisma.inquiry.findUnique({ where: { id: inquiryId }, select: { windowId: true, handovers: { select: { toWindowId: true } } } });
    return row ? [row.windowId, ...row.handovers.map((h) => h.toWindowId)] : [];
  };
  const lookupFailed = (err: unknown) => logger.warn({ err }, "live hall window lookup failed");

  const unsubscribe = [
    ...DIRECT_WINDOW_EVENTS.map((name) => events.on(name, (e: { centerId: number; windowId: number }) => markDirty(e.centerId, e.windowId))),
    events.on("evaluation.created", (e) => {
      if (e.windowId === null) return;
      const sent = lastSent.get(e.windowId);
      const queued = ratedThisTurn.get(e.windowId);
      const last = queued && queued.base === sent ? queued : sent;
      // A read in flight may or may not have seen this rating: recompute after it rather than guess.
      const applied = last && !loading.get(e.centerId)?.has(e.windowId) ? applyRatingToTile(last.tile, last.day, e) : null;
      if (applied && last && sent) {
        ratedThisTurn.set(e.windowId, { tile: applied, day: last.day, centerId: e.centerId, base: sent });
        if (!announceRatedQueued) {
          announceRatedQueued = true;
          queueMicrotask(announceRated);
        }
      }
      // An invited rating may also end a service (windowState.ts: RATED), which only a recompute tells.
      if (!applied || e.bound) markDirty(e.centerId, e.windowId);
    }),
    events.on("case.changed", (e) => void windowOfCase(e.caseId).then((w) => markDirty(e.centerId, w), lookupFailed)),
    events.on("case.warning", (e) => void windowOfCase(e.caseId).then((w) => markDirty(e.centerId, w), lookupFailed)),
    events.on("inquiry.changed", (e) => void windowsOfInquiry(e.inquiryId).then((ws) => ws.forEach((w) => markDirty(e.centerId, w)), lookupFailed)),
  ];

  const idle = async () => {
    while (runners.size > 0) await Promise.all([...runners.values()]);
  };

  const sweep = async () => {
    const centers = await prisma.center.findMany({ where: { active: true }, select: { id: true } });
    for (const { id } of centers) {
      const windows = await prisma.window.findMany({ where: { centerId: id, active: true }, select: { id: true }, orderBy: { number: "asc" } });
      // A batch at a time with a turn of the loop between: the database reads block the loop while they
      // run, and the whole hall at once held every pad's ack and every supervisor's message back.
      for (let i = 0; i < windows.length; i += MAX_WINDOWS_PER_BATCH) {
        await new Promise((resolve) => setImmediate(resolve));
        if (stopped) return;
        const day = shanghaiDayOf(services.clock.now());
        const windowIds = windows.slice(i, i + MAX_WINDOWS_PER_BATCH).map((w) => w.id);
        for (const tile of await loadHallTiles(services, { centerId: id, windowIds })) {
          // Only state changes matter to a sweep (counts change through events), and a changed window is
          // recomputed by the runner: ratings that commit while the sweep reads are then not lost.
          const before = lastSent.get(tile.windowId);
          if (before === undefined) lastSent.set(tile.windowId, { tile, day });
          else if (JSON.stringify(before.tile.state) !== JSON.stringify(tile.state)) markDirty(id, tile.windowId);
        }
      }
    }
    await idle();
  };

  let sweeping: Promise<void> | null = null;
  const timer = opts.sweepEveryMs
    ? setInterval(() => {
        sweeping ??= sweep()
          .catch((err: unknown) => logger.warn({ err }, "live hall sweep failed"))
          .finally(() => (sweeping = null));
      }, opts.sweepEveryMs)
    : null;
  timer?.unref();

  return {
    sweep,
    idle,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      unsubscribe.forEach((u) => u());
      await Promise.all([idle(), sweeping]);
    },
  };
}
