// A bare Socket.IO v5 client over one WebSocket (Engine.IO v4 framing written out), for the benchmarks'
// load generators: on this two-core machine they share the CPU with the server they measure, and
// socket.io-client's machinery per message cost about as much as the server's own Socket.IO work.
// Frames: Engine.IO open "0{…}", ping "2" → pong "3", message "4…"; Socket.IO connect "40/ns,{auth}",
// connected "40/ns,{sid}", refused "44/ns,{message}", event "42/ns,[name,data]", emit with an ack id
// "42/ns,7[…]", ack "43/ns,7[…]". Events arrive as raw text: a listener that only notes the time and
// keeps the text (parsing it after the measurement) costs the generator almost nothing.
import WebSocket from "ws";

export interface Ack {
  ok: boolean;
  error?: { code: string };
}

export interface RawSocketOptions {
  /** Socket.IO auth payload for the namespace */
  auth?: unknown;
  /** HTTP headers of the WebSocket handshake (a session cookie) */
  headers?: Record<string, string>;
  /** Ready once this event has arrived (a pad's welcome, window.updated) instead of at the namespace connect */
  readyOn?: string;
  /** Each event frame's text after "42/ns," — `[name,data]` — with its arrival time (Date.now()) */
  onEvent?: (text: string, at: number) => void;
}

export class RawSocketIo {
  private readonly ws: WebSocket;
  private nextAckId = 0;
  private readonly waiting = new Map<number, { resolve: (a: Ack) => void; timer: NodeJS.Timeout }>();
  readonly ready: Promise<void>;

  constructor(
    url: string,
    private readonly namespace: string,
    opts: RawSocketOptions = {},
  ) {
    // A constant mask (a client's frames must be masked; a load generator's key need not be random): ws
    // would otherwise draw 4 bytes from the CSPRNG for every frame.
    this.ws = new WebSocket(`${url.replace(/^http/, "ws")}/socket.io/?EIO=4&transport=websocket`, { generateMask: () => undefined, headers: opts.headers });
    const prefix = `${namespace},`;
    const readyEvent = opts.readyOn ? `["${opts.readyOn}"` : null;
    this.ready = new Promise((resolve, reject) => {
      this.ws.on("error", reject);
      this.ws.on("close", () => reject(new Error("closed before ready")));
      this.ws.on("message", (data: Buffer) => {
        const at = Date.now();
        const text = data.toString();
        if (text === "2") return this.ws.send("3");
        if (text.startsWith("0")) return this.ws.send(`40${prefix}${opts.auth === undefined ? "" : JSON.stringify(opts.auth)}`);
        if (!text.startsWith("4")) return;
        const type = text[1];
        const body = text.startsWith(prefix, 2) ? text.slice(2 + prefix.length) : text.slice(2);
        if (type === "0") {
          if (!readyEvent) resolve();
        } else if (type === "4") reject(new Error(`connect_error ${body}`));
        else if (type === "2") {
          if (readyEvent && body.startsWith(readyEvent)) resolve();
          opts.onEvent?.(body, at);
        } else if (type === "3") {
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

  /** Resolves with the ack, or rejects after timeoutMs without one. `payloadJson` is the event's data as JSON. */
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
