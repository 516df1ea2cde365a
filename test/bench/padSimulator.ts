// Simulated rating pads for the benchmark, run in their own process (child_process.fork) so their CPU
// is not the server's. Told what to do by one message; answers with counts and latencies.
//   mode "closed": every pad submits, waits for the ack, submits again, for durationMs
//   mode "rate":   ratePerSec submits offered in total, spread over the pads, at most one in flight per pad
//   mode "echo":   like "closed" against a bare Socket.IO server's "echo" event
//   mode "idle":   connect every pad and stay connected until told to stop
// The pads speak protocol v1 (docs/kiosk-protocol.md) over bare WebSockets (rawSocketIo.ts), as a
// third-party pad would, not through socket.io-client: on this two-core machine the load generator
// shares the CPU with the server it measures (socket.io-client cost ~130 ms per 1,000 ratings, the bare
// sockets ~75). 200 real pads bring 200 CPUs of their own; the lighter the simulator, the closer the
// figure is to the server's capacity.
import { randomUUID } from "node:crypto";
import { benchLevelMix, levelPicker } from "./benchLevels.ts";
import { RawSocketIo } from "./rawSocketIo.ts";

export interface SimTask {
  url: string;
  namespace: string;
  tokens: string[];
  mode: "closed" | "rate" | "echo" | "idle";
  durationMs: number;
  /** Every pad submits in a closed loop this long before the measured phase starts (JIT warm-up) */
  warmupMs?: number;
  ratePerSec?: number;
}
export interface SimResult {
  connected: number;
  acked: number;
  refused: Record<string, number>;
  noAck: number;
  elapsedMs: number;
  latenciesMs: number[];
  /** The simulator's own CPU time over the measured phase (ms): on two cores it competes with the server. */
  cpuMs: number;
  /** Acks received in each second of the measured phase */
  perSecond: number[];
}

const send = (msg: unknown) => process.send?.(msg);

async function connectAll(task: SimTask): Promise<RawSocketIo[]> {
  const pads: RawSocketIo[] = [];
  const batch = 50;
  for (let i = 0; i < task.tokens.length; i += batch) {
    // A pad is ready once the server has welcomed it (window.updated, protocol v1): measuring from the
    // bare connect would count the welcomes of the pads still connecting as rating work.
    const some = task.tokens.slice(i, i + batch).map((token) => new RawSocketIo(task.url, task.namespace, { auth: { token, protocol: 1 }, ...(task.mode === "echo" ? {} : { readyOn: "window.updated" }) }));
    await Promise.all(some.map((p) => p.ready));
    pads.push(...some);
  }
  return pads;
}

async function run(task: SimTask): Promise<void> {
  const sockets = await connectAll(task);
  send({ type: "connected", count: sockets.length });
  if (task.mode === "idle") {
    process.on("message", (m: { type?: string }) => {
      if (m.type === "stop") {
        for (const s of sockets) s.close();
        send({ type: "done", result: { connected: sockets.length, acked: 0, refused: {}, noAck: 0, elapsedMs: 0, latenciesMs: [], cpuMs: 0, perSecond: [] } satisfies SimResult });
      }
    });
    return;
  }
  const event = task.mode === "echo" ? "echo" : "evaluation.submit";
  const level = levelPicker(benchLevelMix(), process.pid);
  const payload = () => `{"id":"${randomUUID()}","level":${level()},"reasons":[],"ratedAt":"${new Date().toISOString()}"}`;
  const result: SimResult = { connected: sockets.length, acked: 0, refused: {}, noAck: 0, elapsedMs: 0, latenciesMs: [], cpuMs: 0, perSecond: [] };
  let recording = false;
  let start = performance.now();
  const once = async (s: RawSocketIo) => {
    const t0 = performance.now();
    try {
      const ack = await s.emitWithAck(event, payload(), 10_000);
      if (!recording) return;
      const t1 = performance.now();
      result.latenciesMs.push(t1 - t0);
      const second = Math.floor((t1 - start) / 1000);
      result.perSecond[second] = (result.perSecond[second] ?? 0) + 1;
      if (ack.ok) result.acked++;
      else result.refused[ack.error?.code ?? "?"] = (result.refused[ack.error?.code ?? "?"] ?? 0) + 1;
    } catch {
      if (recording) result.noAck++;
    }
  };
  /** The load of this mode for `ms`, every submit answered before it returns. */
  const drive = async (ms: number): Promise<void> => {
    const from = performance.now();
    const end = from + ms;
    if (task.mode !== "rate") {
      await Promise.all(
        sockets.map(async (s) => {
          while (performance.now() < end) await once(s);
        }),
      );
      return;
    }
    const rate = task.ratePerSec ?? 1000;
    const busy = new Set<RawSocketIo>();
    let next = 0;
    let issued = 0;
    await new Promise<void>((resolve) => {
      const tick = setInterval(() => {
        const now = performance.now();
        const due = Math.floor(((now - from) / 1000) * rate);
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
  };
  // The same load first, unrecorded: the server's hot paths compiled and its caches filled, and what
  // the pads' connecting set off (each pad's welcome, its window's tile) done, as in a hall that has
  // been open for a while.
  if (task.warmupMs) await drive(task.warmupMs);
  // The bench reads its "before" figures (rows stored, server CPU) now, then says go
  const go = new Promise<void>((resolve) => process.on("message", (m: { type?: string }) => m.type === "go" && resolve()));
  send({ type: "measuring" });
  await go;
  const cpu0 = process.cpuUsage();
  recording = true;
  start = performance.now();
  await drive(task.durationMs);
  result.elapsedMs = performance.now() - start;
  const cpu = process.cpuUsage(cpu0);
  result.cpuMs = (cpu.user + cpu.system) / 1000;
  for (const s of sockets) s.close();
  send({ type: "done", result });
}

process.once("message", (task: SimTask) => {
  run(task).catch((err: unknown) => {
    send({ type: "error", message: err instanceof Error ? err.message : String(err) });
  });
});
