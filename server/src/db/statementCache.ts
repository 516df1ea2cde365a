// Prisma's better-sqlite3 adapter prepares every query afresh (`client.prepare(sql).bind(args)`): measured
// under the live hall's mixed load, parsing SQL was 9 % of the server's CPU and the adapter's I/O another
// 13 %. This gives the adapter a connection whose prepare() answers from a bounded cache of statements.
// The adapter binds arguments with bind(), which better-sqlite3 allows once per statement, so the cache
// hands out a small view that passes the arguments at each run instead.
//
// The same wrapper makes Prisma's writes durable before they resolve: the connection runs
// synchronous=NORMAL and a commit awaits an fsync of the WAL off the event loop (walSync.ts).
import type Sqlite from "better-sqlite3";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type { WalSync } from "./walSync.ts";

/** Distinct SQL texts kept (Prisma writes one per shape of query, and per length of an IN list). */
const MAX_STATEMENTS = 1000;

/** What the adapter calls on a prepared statement, and nothing more. */
interface AdapterStatement {
  readonly reader: boolean;
  run(): Sqlite.RunResult;
  columns(): Sqlite.ColumnDefinition[];
  raw(): { all(): unknown[][] };
}
interface CachedStatement {
  statement: Sqlite.Statement<unknown[]>;
  readonly reader: boolean;
  /** Writes rows (INSERT … RETURNING is a reader that writes); BEGIN/COMMIT count as read-only */
  readonly writes: boolean;
}

export class StatementCache {
  private readonly statements = new Map<string, CachedStatement>();
  /** Counters: tests and the benchmark read them */
  readonly stats = { hits: 0, misses: 0 };
  /** A statement that writes has run since the last takeWrites() */
  private wrote = false;

  constructor(private readonly db: Sqlite.Database) {}

  get size(): number {
    return this.statements.size;
  }

  /** Whether anything was written since the last call (and forget it). */
  takeWrites(): boolean {
    const wrote = this.wrote;
    this.wrote = false;
    return wrote;
  }

  private statementFor(sql: string): CachedStatement {
    const cached = this.statements.get(sql);
    if (cached) {
      this.stats.hits++;
      // Least recently used goes first: move this one to the end
      this.statements.delete(sql);
      this.statements.set(sql, cached);
      return cached;
    }
    this.stats.misses++;
    const statement = this.db.prepare<unknown[]>(sql);
    // Readers always answer rows as arrays here, as the adapter's raw().all() asks
    if (statement.reader) statement.raw(true);
    const entry = { statement, reader: statement.reader, writes: !statement.readonly };
    this.statements.set(sql, entry);
    if (this.statements.size > MAX_STATEMENTS) this.statements.delete(this.statements.keys().next().value as string);
    return entry;
  }

  /** prepare(sql) as the adapter uses it: optionally bind(args) once, then run / columns / raw().all(). */
  prepare(sql: string): AdapterStatement & { bind(args: unknown[]): AdapterStatement } {
    const entry = this.statementFor(sql);
    const view = (args: unknown[]): AdapterStatement => ({
      reader: entry.reader,
      run: () => {
        if (entry.writes) this.wrote = true;
        return entry.statement.run(...args);
      },
      columns: () => entry.statement.columns(),
      raw: () => ({
        all: () => {
          if (entry.writes) this.wrote = true;
          return entry.statement.all(...args) as unknown[][];
        },
      }),
    });
    return { ...view([]), bind: (args) => view(args) };
  }
}

/** The adapter's connection, with prepare() answered from a statement cache. Everything else is untouched. */
export function withStatementCache(db: Sqlite.Database): { db: Sqlite.Database; cache: StatementCache } {
  const cache = new StatementCache(db);
  const proxy = new Proxy(db, {
    get(target, prop) {
      if (prop === "prepare") return (sql: string) => cache.prepare(sql);
      // Read from the connection itself: its native getters (inTransaction, open…) refuse a proxy as `this`
      const value: unknown = Reflect.get(target, prop);
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { db: proxy, cache };
}

type Adapter = Awaited<ReturnType<PrismaBetterSqlite3["connect"]>>;
type AdapterTransaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

/**
 * The adapter factory, its connection given a statement cache, and (given a WalSync) its writes made
 * durable before they resolve: a transaction's commit() — Prisma calls it after the COMMIT statement
 * and awaits it before $transaction resolves — and a write outside any transaction both await an fsync
 * of the WAL that began after the write.
 */
export class CachingBetterSqlite3 extends PrismaBetterSqlite3 {
  cache: StatementCache | null = null;

  constructor(
    config: ConstructorParameters<typeof PrismaBetterSqlite3>[0],
    private readonly walSync: WalSync | null = null,
  ) {
    super(config);
  }

  override async connect(): Promise<Adapter> {
    const adapter = await super.connect();
    // The adapter keeps its better-sqlite3 connection in a public `client` field its typings do not show.
    const holder = adapter as unknown as { client: Sqlite.Database };
    const connection = holder.client;
    const cached = withStatementCache(connection);
    holder.client = cached.db;
    this.cache = cached.cache;
    const walSync = this.walSync;
    if (!walSync) return adapter;
    const cache = cached.cache;

    // Outside a transaction a write commits on its own (autocommit); inside one it waits for the commit.
    const durableAfter =
      <A, R>(query: (arg: A) => Promise<R>) =>
      async (arg: A): Promise<R> => {
        const result = await query(arg);
        if (!connection.inTransaction && cache.takeWrites()) await walSync.sync();
        return result;
      };
    adapter.queryRaw = durableAfter(adapter.queryRaw.bind(adapter));
    adapter.executeRaw = durableAfter(adapter.executeRaw.bind(adapter));

    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel): Promise<AdapterTransaction> => {
      const tx = await startTransaction(isolationLevel);
      const commit = tx.commit.bind(tx);
      // The original commit() releases the adapter's transaction lock: release first, so the next
      // transaction need not wait for this one's fsync.
      tx.commit = async () => {
        await commit();
        if (cache.takeWrites()) await walSync.sync();
      };
      return tx;
    };
    return adapter;
  }
}
