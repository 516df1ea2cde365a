// Simulated rating pads for the benchmark, run in their own process (child_process.fork) so their CPU
// is not the server's. Told what to do by one message; answers with counts and latencies.
//   mode "closed": every pad submits, waits for the ack, submits again, for durationMs
//   mode "rate":   ratePerSec submits offered in total, spread over the pads, at most one in flight per pad
//   mode "echo":   like "closed" against a bare Socket.IO server's "echo" event
//   mode "idle":   connect every pad and stay connected until told to stop
// The pads speak protocol v1 (docs/kiosk-protocol.md) over a bare WebSocket — the Engine.IO v4 /
// Socket.IO v5 framing written out, as a third-party pad would — not through socket.io-client: on this
// two-core machine the load generator shares the CPU with the server it measures, and socket.io-client's
// machinery per message cost about as much CPU as the server's own Socket.IO work. 200 real pads bring
// 200 CPUs of their own; the lighter the simulator, the closer the figure is to the server's capacity.
import { randomUUID } from "node:crypto";
import WebSocket from "ws";

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

interface Ack {
  ok: boolean;
  error?: { code: string };
}

const send = (msg: unknown) => process.send?.(msg);

/** One pad on one WebSocket: Engine.IO open ("0"), ping ("2") → pong ("3"); Socket.IO namespace connect
 * ("40/ns,{auth}"), events ("42/ns,[name,data]"), emits with an ack id ("42/ns,7[...]") and acks ("43/ns,7[...]"). */
class RawPad {
  private readonly ws: WebSocket;
  private nextAckId = 0;
  private readonly waiting = new Map<number, { resolve: (a: Ack) => void; timer: NodeJS.Timeout }>();
  readonly ready: Promise<void>;

  constructor(url: string, private readonly namespace: string, auth: unknown, readyOn: "connect" | "window.updated") {
    // A constant mask (frames from a client must be masked; the key need not be random for a load
    // generator): ws would otherwise draw 4 random bytes from the CSPRNG for every frame.
    this.ws = new WebSocket(`${url.replace(/^http/, "ws")}/socket.io/?EIO=4&transport=websocket`, { generateMask: () => undefined });
    const prefix = `${namespace},`;
    this.ready = new Promise((resolve, reject) => {
      this.ws.on("error", reject);
      this.ws.on("close", () => reject(new Error("closed before ready")));
      this.ws.on("message", (data: Buffer) => {
        const text = data.toString();
        if (text === "2") return this.ws.send("3");
        if (text.startsWith("0")) return this.ws.send(`40${prefix}${JSON.stringify(auth)}`);
        if (!text.startsWith("4")) return;
        const type = text[1];
        const body = text.startsWith(prefix, 2) ? text.slice(2 + prefix.length) : text.slice(2);
        if (type === "0" && readyOn === "connect") resolve();
        else if (type === "4") reject(new Error(`connect_error ${body}`));
        else if (type === "2" && readyOn === "window.updated" && body.startsWith(`["window.updated"`)) resolve();
        else if (type === "3") {
          const bracket = body.indexOf("[");
          const id = Number(body.slice(0, bracket));
          const pending = this.waiting.get(id);
          if (!pending) return;
          this.waiting.delete(id);
          clearTimeout(pending.timer);
          pending.resolve((JSON.parse(body.slice(bracket)) as [Ack])[0]);
        }
      });
    });
  }

  /** Resolves with the ack, or rejects after timeoutMs without one. */
  emitWithAck(event: string, payloadJson: string, timeoutMs: number): Promise<Ack> {
    const id = this.nextAckId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error("no ack"));
      }, timeoutMs);
      this.waiting.set(id, { resolve, timer });
      this.ws.send(`42${this.namespace},${id}[${JSON.stringify(event)},${payloadJson}]`);
    });
  }

  close(): void {
    this.ws.close();
  }
}

async function connectAll(task: SimTask): Promise<RawPad[]> {
  const pads: RawPad[] = [];
  const batch = 50;
  for (let i = 0; i < task.tokens.length; i += batch) {
    // A pad is ready once the server has welcomed it (window.updated, protocol v1): measuring from the
    // bare connect would count the welcomes of the pads still connecting as rating work.
    const some = task.tokens.slice(i, i + batch).map((token) => new RawPad(task.url, task.namespace, { token, protocol: 1 }, task.mode === "echo" ? "connect" : "window.updated"));
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
  const payload = () => `{"id":"${randomUUID()}","level":${1 + Math.floor(Math.random() * 5)},"reasons":[],"ratedAt":"${new Date().toISOString()}"}`;
  const result: SimResult = { connected: sockets.length, acked: 0, refused: {}, noAck: 0, elapsedMs: 0, latenciesMs: [], cpuMs: 0, perSecond: [] };
  let recording = false;
  let start = performance.now();
  const once = async (s: RawPad) => {
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
    const busy = new Set<RawPad>();
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
