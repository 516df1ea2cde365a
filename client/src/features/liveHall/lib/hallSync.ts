// Keeps the live map in step with the server without React: the REST snapshot, then the numbered
// deltas of its stream from /supervisor. A delta is applied only if it is the next number; an old
// number is a repeat and ignored; a jump means something was missed, and so does a reconnect — both
// reload the snapshot. Deltas that arrive while a snapshot loads are held and replayed after it.
// Tiles are whole, so replaying one the snapshot already reflects changes nothing (no double counting).
import { TILE_EVENT, tileMessageSchema, type HallSnapshot, type WindowTile } from "../../../../../server/src/contracts/liveHall.ts";

const RETRY_MS = 2000;

export type SyncStatus = "loading" | "live" | "resyncing" | "offline";

/** The part of a socket.io-client Socket this needs (tests pass a real one). */
export interface SupervisorSocket {
  connected: boolean;
  on(event: "connect" | "disconnect", listener: () => void): unknown;
  onAny(listener: (event: string, ...args: unknown[]) => void): unknown;
  off(event: "connect" | "disconnect", listener: () => void): unknown;
  offAny(listener: (event: string, ...args: unknown[]) => void): unknown;
}

export interface HallView {
  snapshot: Omit<HallSnapshot, "tiles"> | null;
  tiles: ReadonlyMap<number, WindowTile>;
  seq: number;
  status: SyncStatus;
  /** How many times the snapshot was (re)loaded: tests and the status line read it */
  loads: number;
}

interface Envelope {
  event: string;
  seq: number;
  stream: string;
  data: unknown;
}

const asEnvelope = (event: string, payload: unknown): Envelope | null => {
  if (typeof payload !== "object" || payload === null) return null;
  const { seq, stream, data } = payload as { seq?: unknown; stream?: unknown; data?: unknown };
  return typeof seq === "number" && typeof stream === "string" ? { event, seq, stream, data } : null;
};

export class HallSync {
  private tiles = new Map<number, WindowTile>();
  private meta: Omit<HallSnapshot, "tiles"> | null = null;
  private seq = 0;
  private status: SyncStatus = "loading";
  private loads = 0;
  private loading: Promise<void> | null = null;
  private again = false;
  private held: Envelope[] = [];
  private stopped = false;

  constructor(
    private readonly socket: SupervisorSocket,
    private readonly fetchSnapshot: () => Promise<HallSnapshot>,
    private readonly onChange: (view: HallView) => void,
  ) {}

  start(): void {
    this.socket.on("connect", this.handleConnect);
    this.socket.on("disconnect", this.handleDisconnect);
    this.socket.onAny(this.handleAny);
    void this.resync();
  }

  stop(): void {
    this.stopped = true;
    this.socket.off("connect", this.handleConnect);
    this.socket.off("disconnect", this.handleDisconnect);
    this.socket.offAny(this.handleAny);
  }

  view(): HallView {
    return { snapshot: this.meta, tiles: this.tiles, seq: this.seq, status: this.status, loads: this.loads };
  }

  /** Reloads the snapshot (coalesced: a request during a load causes one more load after it). */
  resync(): Promise<void> {
    if (this.loading) {
      this.again = true;
      return this.loading;
    }
    this.loading = this.load().finally(() => {
      this.loading = null;
      if (this.again && !this.stopped) {
        this.again = false;
        void this.resync();
      }
    });
    return this.loading;
  }

  private async load(): Promise<void> {
    this.held = [];
    if (this.meta) this.setStatus("resyncing");
    let snapshot: HallSnapshot;
    try {
      snapshot = await this.fetchSnapshot();
    } catch {
      // Connected but the server did not answer: try again shortly (a reconnect also retries).
      this.setStatus(this.socket.connected ? "resyncing" : "offline");
      if (this.socket.connected) setTimeout(() => !this.stopped && void this.resync(), RETRY_MS);
      return;
    }
    if (this.stopped) return;
    const { tiles, ...meta } = snapshot;
    this.meta = meta;
    this.tiles = new Map(tiles.map((t) => [t.windowId, t]));
    this.seq = snapshot.seq;
    this.loads += 1;
    const held = this.held.sort((a, b) => a.seq - b.seq);
    this.held = [];
    this.status = this.socket.connected ? "live" : "offline";
    for (const envelope of held) if (!this.apply(envelope)) return;
    this.emit();
  }

  private readonly handleConnect = () => void this.resync();
  private readonly handleDisconnect = () => this.setStatus("offline");

  private readonly handleAny = (event: string, payload?: unknown) => {
    const envelope = asEnvelope(event, payload);
    if (!envelope || this.stopped) return;
    if (this.loading || !this.meta) {
      this.held.push(envelope);
      return;
    }
    if (this.apply(envelope)) this.emit();
  };

  /** Applies the next envelope of our stream; false when a gap started a reload. */
  private apply(envelope: Envelope): boolean {
    if (!this.meta || envelope.stream !== this.meta.stream) return true; // another center's stream (city watchers)
    if (envelope.seq <= this.seq) return true; // already reflected
    if (envelope.seq !== this.seq + 1) {
      void this.resync();
      return false;
    }
    this.seq = envelope.seq;
    if (envelope.event === TILE_EVENT) {
      const message = tileMessageSchema.safeParse(envelope.data);
      if (message.success) {
        this.tiles = new Map(this.tiles);
        this.tiles.set(message.data.windowId, message.data.tile);
      }
    }
    return true;
  }

  private setStatus(status: SyncStatus): void {
    if (this.status === status) return;
    this.status = status;
    this.emit();
  }

  private emit(): void {
    if (!this.stopped) this.onChange(this.view());
  }
}
