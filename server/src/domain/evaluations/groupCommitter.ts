// Group commit for ratings: validated ratings queue up and are written many per transaction through
// the raw better-sqlite3 connection (WAL), each acknowledged only after its batch has committed and
// is durable: the `durable` option awaits an fsync of the WAL off the event loop (db/walSync.ts), and
// while it runs the next batch is already being written. One Prisma transaction per rating tops out
// near 2,000–3,000/s here; a batch costs one fsync whatever its size, and batches waiting at the same
// time share one. A failed batch answers every rating in it "retry" (retryable), and nothing of it is
// stored, because the batch is one transaction.
import type Sqlite from "better-sqlite3";
import { sqliteTime } from "../../db/database.ts";
import { BUSY_RETRY_MS, isBusy, withoutWaiting } from "../../db/rawWrite.ts";

export interface EvaluationRow {
  id: string;
  centerId: number;
  windowId: number | null;
  staffId: number | null;
  itemId: number | null;
  caseId: number | null;
  invitationId: string | null;
  deviceId: number | null;
  channel: string;
  level: number;
  reasons: string[];
  indicatorVersion: string;
  comment: string | null;
  bound: boolean;
  ratedAt: Date;
  receivedAt: Date;
  /** A bad review's callback number, given with consent (#6): stored only encrypted, on its rectification */
  callbackPhone?: string | null;
}

/** What became of one queued rating. */
export type CommitOutcome = { kind: "stored" } | { kind: "duplicate" } | { kind: "invitationTaken" } | { kind: "failed"; retryable: true; reason: "BUSY" | "SHUTTING_DOWN" };

interface Pending {
  row: EvaluationRow;
  resolve: (o: CommitOutcome) => void;
}

export interface CommitterOptions {
  /** Flush as soon as this many are queued */
  maxBatch?: number;
  /** …or this long after the first of a batch was queued */
  maxDelayMs?: number;
  /** Refuse (BUSY, retryable) beyond this many queued, instead of growing without bound */
  maxQueue?: number;
  /** Resolves once what was committed before the call is on disk (without it, the connection must run synchronous=FULL) */
  durable?: () => Promise<void>;
  /** The stored rows of a batch, right after its commit (before `durable`: readers of the database see them already) */
  onCommitted?: (rows: EvaluationRow[]) => void;
  /** Further writes that ride in the batch's own transaction (no extra commit), given its stored rows */
  inSameTransaction?: (rows: EvaluationRow[]) => void;
  onError?: (err: unknown, size: number) => void;
}

const INSERT_SQL = `INSERT INTO "Evaluation" ("id","centerId","windowId","staffId","itemId","caseId","invitationId","deviceId","channel","level","reasons","indicatorVersion","comment","bound","defaulted","ratingSeq","ratedAt","receivedAt")
VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,0,1,?,?) ON CONFLICT("id") DO NOTHING`;

const MAX_BUSY_ROUNDS = 400; // ≈ 2 s of another connection holding the lock, then answer "retry later"

export class GroupCommitter {
  private queue: Pending[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  /** Committed batches waiting for their fsync before they are answered */
  private readonly awaitingDisk = new Set<Promise<void>>();
  private closed = false;
  private readonly insert: Sqlite.Statement;
  private readonly invitationTaken: Sqlite.Statement;
  private readonly writeBatch: (batch: Pending[]) => CommitOutcome[];
  private readonly maxBatch: number;
  private readonly maxDelayMs: number;
  private readonly maxQueue: number;
  /** Counters for the benchmark and health */
  readonly stats = { batches: 0, rows: 0, failedBatches: 0 };

  constructor(
    private readonly raw: Sqlite.Database,
    private readonly opts: CommitterOptions = {},
  ) {
    this.maxBatch = opts.maxBatch ?? 512;
    this.maxDelayMs = opts.maxDelayMs ?? 2;
    this.maxQueue = opts.maxQueue ?? 20_000;
    this.insert = raw.prepare(INSERT_SQL);
    this.invitationTaken = raw.prepare(`SELECT 1 FROM "Evaluation" WHERE "invitationId" = ?`);
    this.writeBatch = raw.transaction((batch: Pending[]): CommitOutcome[] => {
      const outcomes = batch.map(({ row }): CommitOutcome => {
        // A second rating of an invitation would violate its unique index and abort the whole batch:
        // find it first and answer that one rating alone.
        if (row.invitationId && this.invitationTaken.get(row.invitationId)) {
          return { kind: "invitationTaken" } as const;
        }
        const r = this.insert.run(
          row.id,
          row.centerId,
          row.windowId,
          row.staffId,
          row.itemId,
          row.caseId,
          row.invitationId,
          row.deviceId,
          row.channel,
          row.level,
          JSON.stringify(row.reasons),
          row.indicatorVersion,
          row.comment,
          row.bound ? 1 : 0,
          sqliteTime(row.ratedAt),
          sqliteTime(row.receivedAt),
        );
        return r.changes === 1 ? ({ kind: "stored" } as const) : ({ kind: "duplicate" } as const);
      });
      const stored = batch.filter((_, i) => outcomes[i]!.kind === "stored").map((p) => p.row);
      if (stored.length > 0) this.opts.inSameTransaction?.(stored);
      return outcomes;
    });
  }

  get queued(): number {
    return this.queue.length;
  }

  /** Queues one rating; resolves once its batch has committed (or failed). Never rejects. */
  submit(row: EvaluationRow): Promise<CommitOutcome> {
    if (this.closed) return Promise.resolve({ kind: "failed", retryable: true, reason: "SHUTTING_DOWN" });
    if (this.queue.length >= this.maxQueue) return Promise.resolve({ kind: "failed", retryable: true, reason: "BUSY" });
    return new Promise((resolve) => {
      this.queue.push({ row, resolve });
      if (this.queue.length >= this.maxBatch) this.kick(0);
      else if (!this.timer) this.kick(this.maxDelayMs);
    });
  }

  private kick(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, delay);
  }

  /** Writes everything queued so far, batch by batch. */
  flush(): Promise<void> {
    // The loop may finish synchronously (empty queue), so the "running" mark is cleared in a later
    // microtask, never before it is set.
    this.flushing ??= this.drain().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private async drain(): Promise<void> {
    let busyRounds = 0;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      if (this.commit(batch, busyRounds >= MAX_BUSY_ROUNDS) === "busy") {
        // Another connection (a Prisma transaction awaiting on this same thread) holds the write
        // lock: waiting synchronously would deadlock, so step aside and try again shortly.
        busyRounds++;
        this.queue.unshift(...batch);
        await new Promise((r) => setTimeout(r, BUSY_RETRY_MS));
        continue;
      }
      busyRounds = 0;
      // Let acks go out and new submits arrive between batches.
      await new Promise((r) => setImmediate(r));
    }
  }

  private commit(batch: Pending[], giveUpIfBusy: boolean): "done" | "busy" {
    let outcomes: CommitOutcome[];
    try {
      outcomes = withoutWaiting(this.raw, () => this.writeBatch(batch));
    } catch (err) {
      if (isBusy(err) && !giveUpIfBusy) return "busy";
      this.stats.failedBatches++;
      this.opts.onError?.(err, batch.length);
      for (const p of batch) p.resolve({ kind: "failed", retryable: true, reason: "BUSY" });
      return "done";
    }
    this.stats.batches++;
    // Announced at the commit, in the same synchronous run, as readers of the database see it: a live
    // view that adds ratings to what it last read must not meet a read made between the commit and a
    // later announcement (it would count the rating twice). Only the pads' answers wait for the disk.
    const stored = batch.filter((_, i) => outcomes[i]!.kind === "stored").map((p) => p.row);
    this.stats.rows += stored.length;
    if (stored.length > 0) this.opts.onCommitted?.(stored);
    const answer = () => batch.forEach((p, i) => p.resolve(outcomes[i]!));
    if (!this.opts.durable) {
      answer();
      return "done";
    }
    const waiting = this.opts.durable().then(answer, (err: unknown) => {
      // Committed but perhaps not on disk: answer "retry". The pad's resend finds its id stored and is
      // told "duplicate" only after a later fsync has succeeded (EvaluationIntake.submit).
      this.stats.failedBatches++;
      this.opts.onError?.(err, batch.length);
      for (const p of batch) p.resolve({ kind: "failed", retryable: true, reason: "BUSY" });
    });
    this.awaitingDisk.add(waiting);
    void waiting.finally(() => this.awaitingDisk.delete(waiting));
    return "done";
  }

  /** Stops taking ratings and commits what is queued (server shutdown, before the database closes). */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.flush();
    if (this.flushing) await this.flushing;
    await Promise.all([...this.awaitingDisk]);
  }
}
