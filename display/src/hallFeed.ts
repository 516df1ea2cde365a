// Keeps the display's picture of the hall: a snapshot over REST, then numbered deltas over /display.
// A delta that does not follow the last number (missed while offline, or a restarted server counting
// from 1 again) and every reconnection reload the snapshot; a failed load retries with backoff, so the
// screen recovers by itself after network or server loss. Every few minutes it reloads anyway, for
// what changes with the clock alone (opening hours, lunch).
import { io, type Socket } from "socket.io-client";
import type { DisplayEnvelope, DisplaySatisfactionDto, DisplaySnapshotDto, DisplayWindowDto } from "../../server/src/contracts/display.ts";

const REFRESH_MS = 2 * 60_000;
const RETRY_MIN_MS = 1_000;
const RETRY_MAX_MS = 10_000;

export interface FeedState {
  snapshot: DisplaySnapshotDto | null;
  connected: boolean;
  /** Server time minus this screen's time (ms): the hall PC's own clock is often wrong, the server's is not */
  clockOffsetMs: number;
}

export function startHallFeed(centerCode: string | null, onChange: (state: FeedState) => void): () => void {
  let snapshot: DisplaySnapshotDto | null = null;
  let connected = false;
  let socket: Socket | null = null;
  let lastSeq = -1;
  let syncing: Promise<void> | null = null;
  let buffered: { event: string; envelope: DisplayEnvelope<unknown> }[] = [];
  let stopped = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let clockOffsetMs = 0;

  const emit = () => onChange({ snapshot, connected, clockOffsetMs });

  const apply = (event: string, envelope: DisplayEnvelope<unknown>) => {
    if (!snapshot) return;
    if (event === "display.window") {
      const w = envelope.data as DisplayWindowDto;
      snapshot = { ...snapshot, windows: snapshot.windows.map((x) => (x.id === w.id ? w : x)) };
    } else if (event === "display.satisfaction") {
      snapshot = { ...snapshot, satisfaction: envelope.data as DisplaySatisfactionDto };
    }
    lastSeq = envelope.seq;
  };

  const onDelta = (event: string, envelope: DisplayEnvelope<unknown>) => {
    if (syncing) {
      buffered.push({ event, envelope });
      return;
    }
    if (envelope.seq === lastSeq + 1) {
      apply(event, envelope);
      emit();
    } else if (envelope.seq > lastSeq + 1 || envelope.seq <= 0) void resync();
    // a number at or below the last one is already in the picture
  };

  async function fetchSnapshot(): Promise<DisplaySnapshotDto> {
    let delay = RETRY_MIN_MS;
    for (;;) {
      try {
        const sent = Date.now();
        const res = await fetch(`/api/display/snapshot${centerCode ? `?center=${encodeURIComponent(centerCode)}` : ""}`, { cache: "no-store" });
        if (res.ok) {
          const fresh = (await res.json()) as DisplaySnapshotDto;
          // The server read its clock about halfway through the round trip
          clockOffsetMs = Date.parse(fresh.at) - (sent + Date.now()) / 2;
          return fresh;
        }
      } catch {
        // the network or the server is away: try again below
      }
      if (stopped) throw new Error("stopped");
      await new Promise((resolve) => {
        retryTimer = setTimeout(resolve, delay);
      });
      delay = Math.min(delay * 2, RETRY_MAX_MS);
    }
  }

  function resync(): Promise<void> {
    syncing ??= (async () => {
      buffered = [];
      try {
        const fresh = await fetchSnapshot();
        snapshot = fresh;
        lastSeq = fresh.seq;
        for (const m of buffered.filter((b) => b.envelope.seq > lastSeq).sort((a, b) => a.envelope.seq - b.envelope.seq)) {
          if (m.envelope.seq !== lastSeq + 1) break; // a gap inside the buffer: the next delta triggers another reload
          apply(m.event, m.envelope);
        }
        connectSocket(fresh.center.id);
        emit();
      } catch {
        // stopped
      } finally {
        syncing = null;
        buffered = [];
      }
    })();
    return syncing;
  }

  function connectSocket(centerId: number) {
    if (socket) return;
    socket = io("/display", { transports: ["websocket"], auth: { centerId }, reconnectionDelay: RETRY_MIN_MS, reconnectionDelayMax: RETRY_MAX_MS });
    socket.on("connect", () => {
      connected = true;
      emit();
      // Whatever happened before joining, while away, or on a restarted server is read afresh
      void resync();
    });
    socket.on("disconnect", () => {
      connected = false;
      emit();
    });
    socket.on("display.window", (envelope: DisplayEnvelope<unknown>) => onDelta("display.window", envelope));
    socket.on("display.satisfaction", (envelope: DisplayEnvelope<unknown>) => onDelta("display.satisfaction", envelope));
  }

  void resync();
  const refresh = setInterval(() => void resync(), REFRESH_MS);
  return () => {
    stopped = true;
    clearInterval(refresh);
    clearTimeout(retryTimer);
    socket?.close();
  };
}
