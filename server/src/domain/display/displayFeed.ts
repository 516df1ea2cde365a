// Deltas for the public display: domain events mark a window (or the day's satisfaction) of a center
// dirty; one flush per center at a time reads the fresh facts and publishes them, numbered per center.
// Each delta is the whole new value (a window's tile, the day's tally), so a delta that overlaps a
// snapshot changes nothing, and bursts (200 ratings a second) collapse into one read per flush.
import { pauseAfterBatch } from "../liveHall/tileFeed.ts";
import { DISPLAY_EVENTS, type DisplayEnvelope } from "../../contracts/display.ts";
import type { Services } from "../../services.ts";
import { presentDisplayWindow } from "./displaySnapshot.ts";
import { loadHallWindows } from "./loadHallWindows.ts";
import { SatisfactionTally } from "./satisfactionTally.ts";

/** Least time between two flushes while changes keep coming: shorter than the map's tiles (50 ms) — a
 * flush reads only the windows that changed, and the day's tally is kept in memory — so a delta waits
 * less for its turn; the share of time spent reading stays capped as for the tiles. */
export const DISPLAY_BATCH_INTERVAL_MS = 20;

export type DisplayPublish = (centerId: number, event: string, envelope: DisplayEnvelope<unknown> & { causedAt: string }) => void;

interface Pending {
  windows: Set<number>;
  satisfaction: boolean;
  /** When the earliest event waiting was heard, right after its commit (what the delta's latency is measured from) */
  causedAt: number | null;
  running: boolean;
}

export class DisplayFeed {
  private readonly seqs = new Map<number, number>();
  private readonly pending = new Map<number, Pending>();

  private readonly tally: SatisfactionTally;
  private publish: DisplayPublish = () => undefined;

  constructor(private readonly services: Services) {
    this.tally = new SatisfactionTally(services.db.raw, services.clock);
  }

  /** Where deltas go (the /display namespace, realtime/io.ts); until set, numbers advance and nothing is sent. */
  setPublisher(publish: DisplayPublish): void {
    this.publish = publish;
  }

  /** The last sequence number published for a center (a snapshot read after this contains it). */
  currentSeq(centerId: number): number {
    return this.seqs.get(centerId) ?? 0;
  }

  attach(): () => void {
    const { events } = this.services;
    const window = (e: { centerId: number; windowId: number }) => this.mark(e.centerId, { windowId: e.windowId });
    const offs = [
      events.on("shift.started", window),
      events.on("shift.ended", window),
      events.on("shift.paused", window),
      events.on("shift.resumed", window),
      events.on("window.changed", window),
      // A service ends with "finished serving" or a rating, and a case accepted or completed at the window
      // opens an invitation there: each may turn the window serving or idle.
      events.on("invitation.created", window),
      // Only an invited rating can end a service (a walk-up changes the day's tally alone).
      events.on("evaluation.created", (e) => {
        this.tally.add(e.centerId, e);
        this.mark(e.centerId, { satisfaction: true, ...(e.windowId !== null && e.bound ? { windowId: e.windowId } : {}) });
      }),
    ];
    return () => offs.forEach((off) => off());
  }

  /** Domain events are emitted after their commit, so "now" here is the commit time of the change. */
  private mark(centerId: number, what: { windowId?: number; satisfaction?: boolean }): void {
    let p = this.pending.get(centerId);
    if (!p) {
      p = { windows: new Set(), satisfaction: false, causedAt: null, running: false };
      this.pending.set(centerId, p);
    }
    if (what.windowId !== undefined) p.windows.add(what.windowId);
    if (what.satisfaction) p.satisfaction = true;
    const at = this.services.clock.now().getTime();
    p.causedAt = p.causedAt === null ? at : Math.min(p.causedAt, at);
    if (!p.running) {
      p.running = true;
      void this.flush(centerId, p);
    }
  }

  private async flush(centerId: number, p: Pending): Promise<void> {
    let lastBatchMs = 0;
    try {
      for (let first = true; p.windows.size > 0 || p.satisfaction; first = false) {
        // Same pacing as the supervisors' tiles: a hall rating many times a second sends the day's tally
        // every BATCH_INTERVAL_MS, not once per rating, and re-reads windows a few times a second at most.
        if (!first) await new Promise((resolve) => setTimeout(resolve, pauseAfterBatch(lastBatchMs, DISPLAY_BATCH_INTERVAL_MS)));
        const started = performance.now();
        const windowIds = [...p.windows];
        const satisfaction = p.satisfaction;
        const causedAt = new Date(p.causedAt ?? this.services.clock.now().getTime()).toISOString();
        p.windows.clear();
        p.satisfaction = false;
        p.causedAt = null;
        const now = this.services.clock.now();
        const hall = windowIds.length ? await loadHallWindows(this.services, centerId, now, { windowIds }) : null;
        for (const w of hall?.windows ?? []) {
          if (w.active) this.send(centerId, DISPLAY_EVENTS.window, presentDisplayWindow(w), causedAt);
        }
        if (satisfaction) this.send(centerId, DISPLAY_EVENTS.satisfaction, this.tally.current(centerId), causedAt);
        lastBatchMs = performance.now() - started;
      }
    } catch (err) {
      // A skipped number makes every display see a gap and reload its snapshot
      this.seqs.set(centerId, this.currentSeq(centerId) + 1);
      this.services.logger.warn({ err, centerId }, "display delta failed; displays resynchronize from a snapshot");
    } finally {
      p.running = false;
    }
  }

  private send(centerId: number, event: string, data: unknown, causedAt: string): void {
    const seq = this.currentSeq(centerId) + 1;
    this.seqs.set(centerId, seq);
    this.publish(centerId, event, { seq, data, causedAt });
  }
}

const feeds = new WeakMap<Services, DisplayFeed>();

/** The one feed of a running server: the snapshot route reads its numbers, the namespace sends its deltas. */
export function displayFeedFor(services: Services): DisplayFeed {
  let feed = feeds.get(services);
  if (!feed) {
    feed = new DisplayFeed(services);
    feeds.set(services, feed);
  }
  return feed;
}
