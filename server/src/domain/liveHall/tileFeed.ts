// Turns "something about window W changed" (shifts, ratings, cases, inquiries, pads, queue reports)
// into a recomputed tile for W, announced as liveHall.tile (the broadcaster numbers it per stream).
// Tiles are whole, not increments, so a client that applies one twice counts nothing twice; one runner
// per center recomputes the windows marked dirty in batches, so the last tile sent for a window always
// reflects the last change. A periodic sweep catches changes no event announces: opening time, lunch.
// Ratings and shift changes (sign-in, pause, resume, sign-out) say all a tile needs: they are applied to
// the last tile and the facts it was derived from, and announced at the end of the turn without a read.
import type { WindowTile } from "../../contracts/liveHall.ts";
import type { DomainEventName } from "../../lib/events.ts";
import type { Services } from "../../services.ts";
import { applyRatingToTile, shanghaiDayOf, type DayBounds } from "./applyRatingToTile.ts";
import { applyShiftToTile, type ShiftChange } from "./applyShiftToTile.ts";
import { loadHallTilesWithFacts, type TileWithFacts, type WindowFacts } from "./loadHallTiles.ts";

/** Least time between two recompute batches of one center while changes keep coming. */
export const BATCH_INTERVAL_MS = 20;
/** While changes keep coming, recomputing may take at most this share of the time: measured, a hall whose
 * 90 windows were all dirty every 50 ms spent most of a core on tiles and cut rating throughput by half. */
export const MAX_RECOMPUTE_SHARE = 0.2;

/** Windows recomputed in one batch at most */
export const MAX_WINDOWS_PER_BATCH = 12;

/** Pause before the next batch, given how long the last one took (pacing, not domain time). */
export function pauseAfterBatch(lastBatchMs: number, minIntervalMs = BATCH_INTERVAL_MS): number {
  return Math.max(minIntervalMs, lastBatchMs * (1 / MAX_RECOMPUTE_SHARE - 1));
}

/** A window's tile as last announced, with what it was derived from */
interface Sent {
  tile: WindowTile;
  facts: WindowFacts;
  /** The Shanghai day the tile's counts and the facts' signals are of */
  day: DayBounds;
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
  "invitation.created",
  "invitation.cancelled",
  "device.revoked",
  "device.connected",
  "device.disconnected",
  "inquiry.warning",
] as const satisfies readonly DomainEventName[];

export interface TileFeedOptions {
  sweepEveryMs?: number;
  /** Wraps every read of tiles from the database: tests count reads and hold one back with it (a read slowed by a busy server) */
  wrapRead?: (windowIds: readonly number[], read: () => Promise<TileWithFacts[]>) => Promise<TileWithFacts[]>;
}

export function attachTileFeed(services: Services, opts: TileFeedOptions = {}): TileFeed {
  const { events, prisma, logger } = services;
  // centerId → windowId → when the earliest change waiting for that window was heard (ms; events are
  // emitted right after their commit, so this is the commit the tile's delay is measured from)
  const pending = new Map<number, Map<number, number>>();
  const runners = new Map<number, Promise<void>>();
  /** The last tile announced per window, the facts its state was derived from (as read, plus the changes
   * applied since) and the Shanghai day its counts and facts are of */
  const lastSent = new Map<number, Sent>();
  /** Windows whose tiles are being read from the database now → how many reads of each are in flight */
  const loading = new Map<number, number>();
  /** Reads the windows' tiles and facts, marked as loading while it runs */
  const load = (centerId: number, windowIds: number[]) => {
    const read = () => loadHallTilesWithFacts(services, { centerId, windowIds });
    return opts.wrapRead ? opts.wrapRead(windowIds, read) : read();
  };
  const readTiles = async (centerId: number, windowIds: number[]) => {
    for (const id of windowIds) loading.set(id, (loading.get(id) ?? 0) + 1);
    try {
      return await load(centerId, windowIds);
    } finally {
      for (const id of windowIds) {
        const n = (loading.get(id) ?? 1) - 1;
        if (n > 0) loading.set(id, n);
        else loading.delete(id);
      }
    }
  };
  let stopped = false;

  const announce = (sent: Sent, centerId: number, causedAt: number) => {
    const { tile } = sent;
    lastSent.set(tile.windowId, sent);
    events.emit("liveHall.tile", { centerId, departmentIds: tile.departments.map((d) => d.id), windowId: tile.windowId, tile, causedAt });
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
      const batch = new Map([...waiting].slice(0, MAX_WINDOWS_PER_BATCH));
      for (const id of batch.keys()) waiting.delete(id);
      if (waiting.size === 0) pending.delete(centerId);
      const started = performance.now();
      const day = shanghaiDayOf(services.clock.now());
      try {
        for (const { tile, facts } of await readTiles(centerId, [...batch.keys()])) {
          const read: Sent = { tile, facts, day };
          // A read that finds what was last sent (a change already applied without reading, a pad that
          // reconnected) would only send every supervisor the same tile again: keep its facts, send nothing.
          const before = lastSent.get(tile.windowId);
          if (before && JSON.stringify(before.tile) === JSON.stringify(tile)) lastSent.set(tile.windowId, read);
          else announce(read, centerId, batch.get(tile.windowId) ?? services.clock.now().getTime());
        }
      } catch (err) {
        if (!stopped) logger.warn({ err, centerId }, "live hall tile recompute failed");
      }
      lastBatchMs = performance.now() - started;
    }
    runners.delete(centerId);
  };

  // A group of ratings committed together (thousands a second at full load) is announced as one tile
  // per window, at the end of the run that announced them, not one tile per rating; ratings and shift
  // changes of one window in one turn are applied one after the other to the same queued tile.
  const changedThisTurn = new Map<number, { next: Sent; centerId: number; causedAt: number; base: Sent }>();
  let announceChangedQueued = false;
  const announceChanged = () => {
    announceChangedQueued = false;
    const changed = [...changedThisTurn];
    changedThisTurn.clear();
    for (const [windowId, c] of changed) {
      // A tile read since replaced the one these changes were applied to; that read began after they were
      // committed (a read in flight when they were announced is never applied to), so it has them.
      if (lastSent.get(windowId) === c.base) announce(c.next, c.centerId, c.causedAt);
    }
  };
  /** What the window's next tile starts from: the one queued this turn, else the last one sent */
  const latestOf = (windowId: number): { sent: Sent | undefined; last: Sent | undefined; queuedAt: number | null } => {
    const sent = lastSent.get(windowId);
    const queued = changedThisTurn.get(windowId);
    return queued && queued.base === sent ? { sent, last: queued.next, queuedAt: queued.causedAt } : { sent, last: sent, queuedAt: null };
  };
  const queueChange = (windowId: number, next: Sent, centerId: number, base: Sent, queuedAt: number | null) => {
    changedThisTurn.set(windowId, { next, centerId, causedAt: queuedAt ?? services.clock.now().getTime(), base });
    if (!announceChangedQueued) {
      announceChangedQueued = true;
      queueMicrotask(announceChanged);
    }
  };
  /** A read in flight may or may not have seen a change: recompute after it rather than guess. */
  const isLoading = (windowId: number) => loading.has(windowId);

  const onShift = (change: ShiftChange) => {
    const e = change.event;
    const now = services.clock.now();
    const { sent, last, queuedAt } = latestOf(e.windowId);
    // Facts read on another day hold another day's service signals and sign-outs: read again.
    const sameDay = last !== undefined && now.getTime() >= last.day.from && now.getTime() < last.day.to;
    const applied = last && sameDay && !isLoading(e.windowId) ? applyShiftToTile(last, change, now) : null;
    if (applied && last && sent) queueChange(e.windowId, { ...applied, day: last.day }, e.centerId, sent, queuedAt);
    else markDirty(e.centerId, e.windowId);
  };

  const markDirty = (centerId: number, windowId: number | null | undefined, heardAt = services.clock.now().getTime()) => {
    if (stopped || windowId === null || windowId === undefined) return;
    const windows = pending.get(centerId) ?? new Map<number, number>();
    windows.set(windowId, Math.min(windows.get(windowId) ?? heardAt, heardAt));
    pending.set(centerId, windows);
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
    events.on("shift.started", (event) => onShift({ name: "shift.started", event })),
    events.on("shift.paused", (event) => onShift({ name: "shift.paused", event })),
    events.on("shift.resumed", (event) => onShift({ name: "shift.resumed", event })),
    events.on("shift.ended", (event) => onShift({ name: "shift.ended", event })),
    events.on("evaluation.created", (e) => {
      if (e.windowId === null) return;
      const { sent, last, queuedAt } = latestOf(e.windowId);
      const applied = last && !isLoading(e.windowId) ? applyRatingToTile(last.tile, last.day, e) : null;
      if (applied && last && sent) queueChange(e.windowId, { ...last, tile: applied }, e.centerId, sent, queuedAt);
      // An invited rating may also end a service (windowState.ts: RATED), which only a recompute tells.
      if (!applied || e.bound) markDirty(e.centerId, e.windowId);
    }),
    ...(["case.changed", "case.warning"] as const).map((name) =>
      events.on(name, (e) => {
        const heardAt = services.clock.now().getTime();
        void windowOfCase(e.caseId).then((w) => markDirty(e.centerId, w, heardAt), lookupFailed);
      }),
    ),
    events.on("inquiry.changed", (e) => {
      const heardAt = services.clock.now().getTime();
      void windowsOfInquiry(e.inquiryId).then((ws) => ws.forEach((w) => markDirty(e.centerId, w, heardAt)), lookupFailed);
    }),
  ];

  const idle = async () => {
    while (runners.size > 0) await Promise.all([...runners.values()]);
  };

  /** Every active window of every center, a batch at a time with a turn of the loop between: the database
   * reads block the loop while they run, and the whole hall at once held every pad's ack and every
   * supervisor's message back. */
  const eachHallBatch = async (read: (centerId: number, windowIds: number[]) => Promise<void>) => {
    const centers = await prisma.center.findMany({ where: { active: true }, select: { id: true } });
    for (const { id } of centers) {
      const windows = await prisma.window.findMany({ where: { centerId: id, active: true }, select: { id: true }, orderBy: { number: "asc" } });
      for (let i = 0; i < windows.length; i += MAX_WINDOWS_PER_BATCH) {
        await new Promise((resolve) => setImmediate(resolve));
        if (stopped) return;
        await read(id, windows.slice(i, i + MAX_WINDOWS_PER_BATCH).map((w) => w.id));
      }
    }
  };

  // At start the feed learns every tile, announcing nothing, so the first rating or shift change of a
  // window is applied at once rather than read. Its reads count as loading: a change heard meanwhile is
  // recomputed after them, not applied to a tile that may predate it.
  const learned = eachHallBatch(async (centerId, windowIds) => {
    const day = shanghaiDayOf(services.clock.now());
    for (const { tile, facts } of await readTiles(centerId, windowIds)) {
      if (!lastSent.has(tile.windowId)) lastSent.set(tile.windowId, { tile, facts, day });
    }
  }).catch((err: unknown) => {
    if (!stopped) logger.warn({ err }, "live hall tiles could not be learned at start");
  });

  const sweep = async () => {
    await learned;
    await eachHallBatch(async (id, windowIds) => {
      const day = shanghaiDayOf(services.clock.now());
      for (const { tile, facts } of await load(id, windowIds)) {
        // Only state changes matter to a sweep (counts change through events), and a changed window is
        // recomputed by the runner: ratings that commit while the sweep reads are then not lost. Facts
        // that changed with no event (an absence began) but not the state yet are read again too, so the
        // next shift change is applied to facts that are true.
        const before = lastSent.get(tile.windowId);
        if (before === undefined) lastSent.set(tile.windowId, { tile, facts, day });
        else if (JSON.stringify(before.tile.state) !== JSON.stringify(tile.state) || JSON.stringify(before.facts) !== JSON.stringify(facts)) markDirty(id, tile.windowId);
      }
    });
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
      await Promise.all([idle(), sweeping, learned]);
    },
  };
}
