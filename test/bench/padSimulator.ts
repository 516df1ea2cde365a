// Simulated rating pads for the benchmark, run in their own process (child_process.fork) so their CPU
// is not the server's. Told what to do by one message; answers with counts and latencies.
//   mode "closed": every pad submits, waits for the ack, submits again, for durationMs
//   mode "rate":   ratePerSec submits offered in total, spread over the pads, at most one in flight per pad
//   mode "echo":   like "closed" against a bare Socket.IO server's "echo" event
//   mode "idle":   connect every pad and stay connected until told to stop
import { randomUUID } from "node:crypto";
import { io, type Socket } from "socket.io-client";

export interface SimTask {
  url: string;
  namespace: string;
  tokens: string[];
  mode: "closed" | "rate" | "echo" | "idle";
  durationMs: number;
  ratePerSec?: number;
}
export interface SimResult {
  connected: number;
  acked: number;
  refused: Record<string, number>;
  noAck: number;
  elapsedMs: number;
  latenciesMs: number[];
}

const send = (msg: unknown) => process.send?.(msg);

async function connectAll(task: SimTask): Promise<Socket[]> {
  const sockets: Socket[] = [];
  const batch = 50;
  for (let i = 0; i < task.tokens.length; i += batch) {
    const some = task.tokens.slice(i, i + batch).map(
      (token) =>
        new Promise<Socket>((resolve, reject) => {
          const s = io(`${task.url}${task.namespace}`, { transports: ["websocket"], reconnection: false, auth: { token, protocol: 1 } });
          // A pad is ready once the server has welcomed it (window.updated, protocol v1): measuring from
          // the bare connect would count the welcomes of the pads still connecting as rating work.
          if (task.mode === "echo") s.once("connect", () => resolve(s));
          else s.once("window.updated", () => resolve(s));
          s.once("connect_error", (e) => reject(e));
        }),
    );
    sockets.push(...(await Promise.all(some)));
  }
  return sockets;
}

async function run(task: SimTask): Promise<void> {
  const sockets = await connectAll(task);
  send({ type: "connected", count: sockets.length });
  if (task.mode === "idle") {
    process.on("message", (m: { type?: string }) => {
      if (m.type === "stop") {
        for (const s of sockets) s.close();
        send({ type: "done", result: { connected: sockets.length, acked: 0, refused: {}, noAck: 0, elapsedMs: 0, latenciesMs: [] } satisfies SimResult });
      }
    });
    return;
  }
  const result: SimResult = { connected: sockets.length, acked: 0, refused: {}, noAck: 0, elapsedMs: 0, latenciesMs: [] };
  const event = task.mode === "echo" ? "echo" : "evaluation.submit";
  const start = performance.now();
  const end = start + task.durationMs;
  const once = async (s: Socket) => {
    const payload = { id: randomUUID(), level: 1 + Math.floor(Math.random() * 5), reasons: [], ratedAt: new Date().toISOString() };
    const t0 = performance.now();
    try {
      const ack = (await s.timeout(10_000).emitWithAck(event, payload)) as { ok: boolean; error?: { code: string } };
      result.latenciesMs.push(performance.now() - t0);
      if (ack.ok) result.acked++;
      else result.refused[ack.error?.code ?? "?"] = (result.refused[ack.error?.code ?? "?"] ?? 0) + 1;
    } catch {
      result.noAck++;
    }
  };
  if (task.mode === "rate") {
    const rate = task.ratePerSec ?? 1000;
    const busy = new Set<Socket>();
    let next = 0;
    let issued = 0;
    await new Promise<void>((resolve) => {
      const tick = setInterval(() => {
        const now = performance.now();
        const due = Math.floor(((now - start) / 1000) * rate);
        while (issued < due) {
          issued++;
          const s = sockets[next++ % sockets.length]!;
          if (busy.has(s)) continue; // one in flight per pad: an offered rating that finds its pad busy is dropped
          busy.add(s);
          void once(s).finally(() => busy.delete(s));
        }
        if (now >= end) {
          clearInterval(tick);
          const wait = setInterval(() => {
            if (busy.size === 0) {
              clearInterval(wait);
              resolve();
            }
          }, 5);
        }
      }, 2);
    });
  } else {
    await Promise.all(
      sockets.map(async (s) => {
        while (performance.now() < end) await once(s);
      }),
    );
  }
  result.elapsedMs = performance.now() - start;
  for (const s of sockets) s.close();
  send({ type: "done", result });
}

process.once("message", (task: SimTask) => {
  run(task).catch((err: unknown) => {
    send({ type: "error", message: err instanceof Error ? err.message : String(err) });
  });
});
