// Checkpoints off the event loop. In WAL mode every commit appends to the WAL, and SQLite copies the WAL
// back into the database file (a checkpoint, with two fsyncs) from inside a commit once the WAL reaches
// wal_autocheckpoint pages — on the thread that commits, here the one that also answers pads and
// supervisors. Measured on this machine, rating batches of ten: 108 µs of the event loop per rating with
// automatic checkpoints, 37 µs without. So a worker thread with its own connection checkpoints every
// few hundred milliseconds (PASSIVE: never waits for readers or writers, never makes them wait), and
// the server's connections keep a high wal_autocheckpoint only as a bound on the WAL should the worker
// fall behind (a checkpoint that found the WAL fully copied by the worker costs little).
import path from "node:path";
import { Worker } from "node:worker_threads";

/** The server's connections checkpoint themselves only past this many WAL pages (4 KiB each: 40 MB) */
export const SAFETY_AUTOCHECKPOINT_PAGES = 10_000;
const DEFAULT_EVERY_MS = 250;

export interface CheckpointStats {
  runs: number;
  framesCopied: number;
  busy: number;
  errors: number;
  lastError: string | null;
}

type WorkerMessage = { type: "stats" | "stopped"; stats: CheckpointStats };

export class Checkpointer {
  private readonly worker: Worker;
  private stopped: Promise<CheckpointStats> | null = null;

  constructor(file: string, opts: { everyMs?: number; onError?: (err: unknown) => void } = {}) {
    this.worker = new Worker(path.join(import.meta.dirname, "checkpointWorker.mjs"), {
      workerData: { file, everyMs: opts.everyMs ?? DEFAULT_EVERY_MS },
      // A connection and a timer: a small heap is plenty
      resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 2 },
    });
    // The server's lifetime is its own: a forgotten checkpointer must not keep a process alive.
    this.worker.unref();
    // A worker that died leaves the connections' own (safety) checkpoints: worth a log line, not a crash.
    this.worker.on("error", (err) => opts.onError?.(err));
  }

  /** What the worker has done so far (tests). */
  stats(): Promise<CheckpointStats> {
    return this.ask("stats");
  }

  /** One last checkpoint, then the worker's connection closes (before the server's own connections). */
  stop(): Promise<CheckpointStats> {
    this.stopped ??= this.ask("stopped").then(async (stats) => {
      await this.worker.terminate();
      return stats;
    });
    return this.stopped;
  }

  private ask(type: WorkerMessage["type"]): Promise<CheckpointStats> {
    return new Promise((resolve, reject) => {
      const onMessage = (m: WorkerMessage) => {
        if (m.type !== type) return;
        this.worker.off("message", onMessage);
        this.worker.off("error", reject);
        resolve(m.stats);
      };
      this.worker.on("message", onMessage);
      this.worker.once("error", reject);
      this.worker.postMessage(type === "stopped" ? "stop" : "stats");
    });
  }
}
