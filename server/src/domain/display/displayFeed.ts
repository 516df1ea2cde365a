// Deltas for the public display, numbered per center. A window's delta is the public part of the tile the
// supervisors' map recomputed anyway (domain/liveHall/tileFeed.ts), sent when that part changed: the
// display reads nothing of its own — its reads, ~90 % into a busy event loop, were what held its deltas
// back (p99 96–118 ms at 200 events/s). The day's tally is kept in memory and flushed at a pace.
// Each delta is the whole new value (a window, the day's tally), so a delta that overlaps a snapshot
// changes nothing, and bursts (200 ratings a second) collapse into one tally per flush.
import { pauseAfterBatch } from "../liveHall/tileFeed.ts";
import { DISPLAY_EVENTS, type DisplayEnvelope, type DisplayWindowDto } from "../../contracts/display.ts";
import type { WindowTile } from "../../contracts/liveHall.ts";
import type { Services } from "../../services.ts";
import { displayWindowOfTile } from "./displaySnapshot.ts";
import { SatisfactionTally } from "./satisfactionTally.ts";

/** Least time between two flushes of the day's tally while ratings keep coming. */
export const DISPLAY_BATCH_INTERVAL_MS = 20;

export type DisplayPublish = (centerId: number, event: string, envelope: DisplayEnvelope<unknown> & { causedAt: string }) => void;

interface Pending {
  /** When the earliest event waiting was heard, right after its commit (what the delta's latency is measured from) */
  causedAt: number | null;
  running: boolean;
}

export class DisplayFeed {
  private readonly seqs = new Map<number, number>();
  private readonly pending = new Map<number, Pending>();
  /** What the display was last sent of each window, as JSON (a tile change the display does not show sends nothing) */
  private readonly shown = new Map<number, string>();
  /** The last tile heard of each window */
  private readonly lastTiles = new Map<number, WindowTile>();

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
    const offs = [
      events.on("liveHall.tile", (e) => {
        // Most tiles are a rating added to the last one (same state and staff objects): nothing public changed
        const last = this.lastTiles.get(e.windowId);
        this.lastTiles.set(e.windowId, e.tile);
        if (last && last.state === e.tile.state && last.staff === e.tile.staff && last.name === e.tile.name) return;
        this.showWindow(e.centerId, displayWindowOfTile(e.tile), e.causedAt);
      }),
      events.on("evaluation.created", (e) => {
        this.tally.add(e.centerId, e);
        this.mark(e.centerId);
      }),
    ];
    return () => offs.forEach((off) => off());
  }

  private showWindow(centerId: number, window: DisplayWindowDto, causedAt: number): void {
    const json = JSON.stringify(window);
    if (this.shown.get(window.id) === json) return;
    this.shown.set(window.id, json);
    this.send(centerId, DISPLAY_EVENTS.window, window, new Date(causedAt).toISOString());
  }

  /** Domain events are emitted after their commit, so "now" here is the commit time of the rating. */
  private mark(centerId: number): void {
    let p = this.pending.get(centerId);
    if (!p) {
      p = { causedAt: null, running: false };
      this.pending.set(centerId, p);
    }
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
      for (let first = true; p.causedAt !== null; first = false) {
        // A hall rating many times a second sends the day's tally every DISPLAY_BATCH_INTERVAL_MS, not once per rating.
        if (!first) await new Promise((resolve) => setTimeout(resolve, pauseAfterBatch(lastBatchMs, DISPLAY_BATCH_INTERVAL_MS)));
        if (p.causedAt === null) break;
        const started = performance.now();
        const causedAt = new Date(p.causedAt).toISOString();
        p.causedAt = null;
        this.send(centerId, DISPLAY_EVENTS.satisfaction, this.tally.current(centerId), causedAt);
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
