// Durability off the event loop. With synchronous=FULL, SQLite fsyncs the WAL inside every COMMIT, on
// the thread that commits — here the one thread that also answers pads and supervisors: measured 0.5–9 ms
// per commit on these disks, during which nothing else runs. So the connections run synchronous=NORMAL
// (a commit writes its frames to the WAL file and returns; SQLite still fsyncs around checkpoints) and
// whoever must not answer before the data is durable awaits sync(): an fdatasync of the WAL file on
// libuv's thread pool. Data written to a file before an fdatasync of it began is on disk when it ends,
// so one sync covers every commit made before it started, and concurrent waiters share it. Nothing that
// awaits sync() after its commit can answer earlier than synchronous=FULL would have let it.
import fs from "node:fs";

export type Fdatasync = (fd: number) => Promise<void>;

const fdatasyncOnThreadPool: Fdatasync = (fd) =>
  new Promise((resolve, reject) => fs.fdatasync(fd, (err) => (err ? reject(err) : resolve())));

export class WalSync {
  private fd: number | null = null;
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  /** Counters for tests and the health page */
  readonly stats = { started: 0, completed: 0, failed: 0 };

  /** `walFile` is the database file's name + "-wal" (null: an in-memory database, nothing to sync);
   * `fdatasync` is replaceable at the edge only (tests gate it). */
  constructor(
    private readonly walFile: string | null,
    private readonly fdatasync: Fdatasync = fdatasyncOnThreadPool,
  ) {}

  /** Resolves once everything committed before this call is on disk; rejects if the disk refused. */
  sync(): Promise<void> {
    if (this.walFile === null) return Promise.resolve();
    // A sync already running may have begun before the caller's commit: the caller needs one that
    // starts after it. All callers arriving meanwhile share that next one.
    if (!this.running) return this.start();
    this.queued ??= this.running.then(
      () => this.startQueued(),
      () => this.startQueued(),
    );
    return this.queued;
  }

  private startQueued(): Promise<void> {
    this.queued = null;
    return this.start();
  }

  private start(): Promise<void> {
    this.stats.started++;
    const run = this.syncOnce().then(
      () => {
        this.stats.completed++;
      },
      (err: unknown) => {
        this.stats.failed++;
        throw err;
      },
    );
    this.running = run;
    const clear = () => {
      if (this.running === run) this.running = null;
    };
    run.then(clear, clear);
    return run;
  }

  private async syncOnce(): Promise<void> {
    if (this.walFile === null) return;
    // Opened on first use: the WAL file exists once the database has been written in WAL mode. SQLite
    // holds no locks on it, so this descriptor cannot disturb SQLite's own (POSIX locks are per file).
    this.fd ??= fs.openSync(this.walFile, "r");
    await this.fdatasync(this.fd);
  }

  /** Closes the descriptor once the last sync has ended (database shutdown). */
  async close(): Promise<void> {
    await Promise.allSettled([this.running, this.queued]);
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
  }
}
