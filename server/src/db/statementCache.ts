// Prisma's better-sqlite3 adapter prepares every query afresh (`client.prepare(sql).bind(args)`): measured
// under the live hall's mixed load, parsing SQL was 9 % of the server's CPU and the adapter's I/O another
// 13 %. This gives the adapter a connection whose prepare() answers from a bounded cache of statements.
// The adapter binds arguments with bind(), which better-sqlite3 allows once per statement, so the cache
// hands out a small view that passes the arguments at each run instead.
import type Sqlite from "better-sqlite3";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";

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
}

export class StatementCache {
  private readonly statements = new Map<string, CachedStatement>();
  /** Counters: tests and the benchmark read them */
  readonly stats = { hits: 0, misses: 0 };

  constructor(private readonly db: Sqlite.Database) {}

  get size(): number {
    return this.statements.size;
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
    const entry = { statement, reader: statement.reader };
    this.statements.set(sql, entry);
    if (this.statements.size > MAX_STATEMENTS) this.statements.delete(this.statements.keys().next().value as string);
    return entry;
  }

  /** prepare(sql) as the adapter uses it: optionally bind(args) once, then run / columns / raw().all(). */
  prepare(sql: string): AdapterStatement & { bind(args: unknown[]): AdapterStatement } {
    const entry = this.statementFor(sql);
    const view = (args: unknown[]): AdapterStatement => ({
      reader: entry.reader,
      run: () => entry.statement.run(...args),
      columns: () => entry.statement.columns(),
      raw: () => ({ all: () => entry.statement.all(...args) as unknown[][] }),
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

/** The adapter factory, its connection given a statement cache. */
export class CachingBetterSqlite3 extends PrismaBetterSqlite3 {
  cache: StatementCache | null = null;

  override async connect(): ReturnType<PrismaBetterSqlite3["connect"]> {
    const adapter = await super.connect();
    // The adapter keeps its better-sqlite3 connection in a public `client` field its typings do not show.
    const holder = adapter as unknown as { client: Sqlite.Database };
    const cached = withStatementCache(holder.client);
    holder.client = cached.db;
    this.cache = cached.cache;
    return adapter;
  }
}
