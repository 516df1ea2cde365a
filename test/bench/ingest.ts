// The ingest benchmark (issue #5): `npm run bench` (or `npx tsx test/bench/ingest.ts`). Not part of
// npm test. Runs the server exactly as `npm start` does (productionServer.ts: the prebuilt bundle and
// the start script's node flags) on a temp database (demo hall, WALKUP_MIN_INTERVAL_S=0), forks a
// separate process of simulated pads (padSimulator.ts), and prints:
//   1. acked ratings/s with 200 pads, one submit in flight each, full domain work per rating
//   2. ack latency p50/p99 at 1,000 ratings/s offered
//   3. a bare Socket.IO ack echo (same pads, same process layout) and a bare better-sqlite3 insert loop
//      (one row per transaction, synchronous=FULL) measured in the same run, with the ratios
//   4. the server's memory (RSS from /proc) with 1,000 connected pads, in a fresh server process
// Parts 1–3 measure after BENCH_WARMUP_SECONDS (default 2) of the same load, as every steady-state
// figure should: the first second ran at a third of the rate while V8 compiled the hot paths, and the
// 200 pads connecting at once (each welcomed, each window's tile re-read) held acks back for 0.3 s.
// Bounded in time (about a minute). Options: BENCH_SECONDS (default 8 per phase); BENCH=memory runs
// only part 4.
import { benchLevelMix } from "./benchLevels.ts";
import { fork, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import Sqlite from "better-sqlite3";
import { Server as IoServer } from "socket.io";
import { sqliteTime } from "../../server/src/db/database.ts";
import { newToken, sha256 } from "../../server/src/lib/tokens.ts";
import type { SimResult, SimTask } from "./padSimulator.ts";
import { buildServerBundle, startCommand, startProductionServer, type ProductionServer } from "../support/productionServer.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const WARMUP_S = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const PADS = 200;
const IDLE_PADS = 1000;

/** `onConnected` runs when every pad is connected and welcomed, `onMeasuring` when the measured phase starts (after any warm-up). */
function simulate(task: SimTask, onConnected?: (child: ChildProcess) => void, onMeasuring?: () => void): Promise<SimResult> {
  const child = fork(path.join(import.meta.dirname, "padSimulator.ts"), [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  return new Promise((resolve, reject) => {
    const timeout = setTimeout(() => {
      child.kill();
      reject(new Error("pad simulator timed out"));
    }, task.durationMs + 120_000);
    child.on("message", (m: { type: string; result?: SimResult; message?: string }) => {
      if (m.type === "connected") onConnected?.(child);
      if (m.type === "measuring") {
        onMeasuring?.();
        child.send({ type: "go" });
      }
      if (m.type === "done" && m.result) {
        clearTimeout(timeout);
        child.kill();
        resolve(m.result);
      }
      if (m.type === "error") {
        clearTimeout(timeout);
        child.kill();
        reject(new Error(m.message));
      }
    });
    child.send(task);
  });
}

const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const f = (n: number, d = 1) => n.toFixed(d);
const mb = (b: number) => `${f(b / 1024 / 1024, 0)} MB`;

/** Paired pads for the bench, inserted directly (provisioning 1,000 pads through the API is not what is
 * measured) through a connection of the bench's own: the server sees them at their next handshake. */
function provisionPads(databaseFile: string, n: number): string[] {
  const raw = new Sqlite(databaseFile, { timeout: 10_000 });
  try {
    const windows = raw.prepare(`SELECT "id","centerId" FROM "Window" ORDER BY "number"`).all() as { id: number; centerId: number }[];
    const insert = raw.prepare(`INSERT INTO "KioskDevice" ("centerId","windowId","name","tokenHash","pairedAt","createdAt") VALUES (?,?,?,?,?,?)`);
    const tokens: string[] = [];
    const now = sqliteTime(new Date());
    raw.transaction(() => {
      for (let i = 0; i < n; i++) {
        const w = windows[i % windows.length]!;
        const token = newToken();
        insert.run(w.centerId, w.id, `bench pad ${i}`, sha256(token), now, now);
        tokens.push(token);
      }
    })();
    return tokens;
  } finally {
    raw.close();
  }
}

const countEvaluations = (databaseFile: string): number => {
  const raw = new Sqlite(databaseFile, { readonly: true, timeout: 10_000 });
  try {
    return (raw.prepare(`SELECT count(*) AS n FROM "Evaluation"`).get() as { n: number }).n;
  } finally {
    raw.close();
  }
};

async function bareEcho(): Promise<SimResult> {
  const httpServer = http.createServer();
  const io = new IoServer(httpServer, { maxHttpBufferSize: 64 * 1024, serveClient: false });
  io.of("/echo").on("connection", (s) => s.on("echo", (p: { id: string }, ack: (a: unknown) => void) => ack({ ok: true, id: p.id, duplicate: false })));
  await new Promise<void>((r) => httpServer.listen(0, "127.0.0.1", () => r()));
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  try {
    return await simulate({ url, namespace: "/echo", tokens: Array.from({ length: PADS }, () => "x"), mode: "echo", durationMs: SECONDS * 1000, warmupMs: WARMUP_S * 1000 });
  } finally {
    await new Promise<void>((r) => io.close(() => r()));
  }
}

function bareInsertLoop(dir: string): { perSec: number; batchedPerSec: number } {
  const db = new Sqlite(path.join(dir, "bare.db"));
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.exec(`CREATE TABLE t ("id" TEXT PRIMARY KEY, "centerId" INTEGER, "level" INTEGER, "reasons" TEXT, "ratedAt" TEXT, "receivedAt" TEXT)`);
  const ins = db.prepare(`INSERT INTO t VALUES (?,?,?,?,?,?)`);
  const run = () => ins.run(randomUUID(), 1, 5, "[]", sqliteTime(new Date()), sqliteTime(new Date()));
  const ms = Math.min(3000, SECONDS * 1000);
  let n = 0;
  let t0 = performance.now();
  while (performance.now() - t0 < ms) {
    run(); // autocommit: one transaction (one fsync) per row
    n++;
  }
  const perSec = n / ((performance.now() - t0) / 1000);
  const batch = db.transaction((k: number) => {
    for (let i = 0; i < k; i++) run();
  });
  n = 0;
  t0 = performance.now();
  while (performance.now() - t0 < ms) {
    batch(500);
    n += 500;
  }
  const batchedPerSec = n / ((performance.now() - t0) / 1000);
  db.close();
  return { perSec, batchedPerSec };
}

const serverEnv = (databaseFile: string) => ({
  NODE_ENV: "production",
  DATABASE_URL: `file:${databaseFile}`,
  ADMIN_PASSWORD: "bench-admin-password-1",
  LOG_LEVEL: "warn",
  WALKUP_MIN_INTERVAL_S: "0",
});

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until the server has finished what it does after start (scheduled jobs' first run, assessment
 * periods falling due): under 10 % of a core over half a second, or a minute at most. */
async function quiet(server: ProductionServer): Promise<void> {
  const end = Date.now() + 60_000;
  let last = server.cpuMs();
  while (Date.now() < end) {
    await settle(500);
    const now = server.cpuMs();
    if (now - last < 50) return;
    last = now;
  }
}

/** The highest RSS over a few samples once things have settled: the figure the target is about. */
async function sampleRss(server: ProductionServer): Promise<number> {
  let max = 0;
  for (let i = 0; i < 6; i++) {
    max = Math.max(max, server.rss().rss);
    await settle(500);
  }
  return max;
}

interface MemoryResult {
  idle: number;
  connected: number;
  peak: number;
  connectMs: number;
}

/** A fresh production server on the database, its RSS idle, then with every token's pad connected. */
async function padMemory(databaseFile: string, tokens: string[]): Promise<MemoryResult> {
  const server = await startProductionServer(serverEnv(databaseFile));
  try {
    await settle(2000);
    const idle = await sampleRss(server);
    let connected = 0;
    const t0 = performance.now();
    let connectMs = 0;
    await simulate({ url: server.url, namespace: "/kiosk", tokens, mode: "idle", durationMs: 0 }, (sim) => {
      connectMs = performance.now() - t0;
      // Let the welcome messages and lastSeenAt writes finish, then measure.
      void settle(3000)
        .then(() => sampleRss(server))
        .then((rss) => {
          connected = rss;
          sim.send({ type: "stop" });
        });
    });
    return { idle, connected, peak: server.rss().peak, connectMs };
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hallwatch-bench-"));
  const databaseFile = path.join(dir, "bench.db");
  const only = process.env.BENCH ?? "all";
  console.log(`hallwatch ingest benchmark — ${os.cpus().length} cores, node ${process.version}, ${SECONDS} s per phase`);
  buildServerBundle();
  const { args } = startCommand();
  console.log(`server: node ${args.join(" ")} (as npm start); levels: ${benchLevelMix()} mix (BENCH_LEVELS)`);
  try {
    // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the measured server alone
    const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
    const server = await startProductionServer(serverEnv(databaseFile), undefined, nodeArgs);
    const tokens = provisionPads(databaseFile, IDLE_PADS);
    await quiet(server);
    const targets: [string, boolean][] = [];
    try {
      if (only === "all") {
        let before = countEvaluations(databaseFile);
        let cpuBefore = server.cpuMs();
        let mainBefore = server.mainThreadCpuMs();
        // Measured after WARMUP_S of the same load (JIT, caches, the tiles' first reads): what connecting
        // and warming up cost is not the steady rate
        const max = await simulate({ url: server.url, namespace: "/kiosk", tokens: tokens.slice(0, PADS), mode: "closed", durationMs: SECONDS * 1000, warmupMs: WARMUP_S * 1000 }, undefined, () => {
          cpuBefore = server.cpuMs();
          mainBefore = server.mainThreadCpuMs();
          before = countEvaluations(databaseFile); // every warm-up rating has been answered
        });
        const maxRate = max.acked / (max.elapsedMs / 1000);
        const stored = countEvaluations(databaseFile) - before;
        console.log(`\n1. ${PADS} pads, one in flight each: ${f(maxRate, 0)} acked ratings/s (${max.acked} acked, ${stored} stored, refused ${JSON.stringify(max.refused)}, no ack ${max.noAck})`);
        const perThousand = (ms: number) => f((ms / Math.max(1, max.acked)) * 1000, 0);
        console.log(`   acks in each second: ${Array.from(max.perSecond, (n) => n ?? 0).join(" ")}`);
        console.log(`   latency under full load p50 ${f(pct(max.latenciesMs, 50))} ms, p99 ${f(pct(max.latenciesMs, 99))} ms`);
        console.log(
          `   CPU per 1,000 ratings: server ${perThousand(server.cpuMs() - cpuBefore)} ms (its event loop ${perThousand(server.mainThreadCpuMs() - mainBefore)} ms), ` +
            `pad simulator ${perThousand(max.cpuMs)} ms — ${os.cpus().length} cores shared by both`,
        );

        const paced = await simulate({ url: server.url, namespace: "/kiosk", tokens: tokens.slice(0, PADS), mode: "rate", ratePerSec: 1000, durationMs: SECONDS * 1000, warmupMs: WARMUP_S * 1000 });
        console.log(`2. 1,000 ratings/s offered: ${f(paced.acked / (paced.elapsedMs / 1000), 0)} acked/s, p50 ${f(pct(paced.latenciesMs, 50))} ms, p99 ${f(pct(paced.latenciesMs, 99))} ms (no ack ${paced.noAck})`);

        const echo = await bareEcho();
        const echoRate = echo.acked / (echo.elapsedMs / 1000);
        const bare = bareInsertLoop(dir);
        console.log(`3. bare Socket.IO ack echo (${PADS} pads): ${f(echoRate, 0)} acks/s, p50 ${f(pct(echo.latenciesMs, 50))} ms, p99 ${f(pct(echo.latenciesMs, 99))} ms; pad simulator CPU ${f((echo.cpuMs / Math.max(1, echo.acked)) * 1000, 0)} ms per 1,000`);
        console.log(`   bare better-sqlite3 insert loop: ${f(bare.perSec, 0)} rows/s one per transaction, ${f(bare.batchedPerSec, 0)} rows/s 500 per transaction`);
        console.log(`   ratios: ratings/echo ${f(maxRate / echoRate, 2)}, ratings/single-row inserts ${f(maxRate / bare.perSec, 2)}, ratings/batched inserts ${f(maxRate / bare.batchedPerSec, 3)}`);
        targets.push([`≥ 5,000 acked ratings/s`, maxRate >= 5000], [`p99 ≤ 50 ms at 1,000/s`, pct(paced.latenciesMs, 99) <= 50]);
      }
    } finally {
      await server.stop();
    }

    // Memory: the server alone in a fresh process on the same database (no seeding, no earlier load).
    const mem = await padMemory(databaseFile, tokens);
    console.log(
      `4. ${IDLE_PADS} connected pads: server RSS ${mb(mem.connected)} (idle before connecting ${mb(mem.idle)}, ` +
        `${f((mem.connected - mem.idle) / IDLE_PADS / 1024)} KB per pad; peak ${mb(mem.peak)}; all connected in ${f(mem.connectMs / 1000)} s)`,
    );
    targets.push([`1,000 pads ≤ 300 MB`, mem.connected <= 300 * 1024 * 1024]);
    console.log(`\ntargets: ${targets.map(([name, ok]) => `${ok ? "✓" : "✗"} ${name}`).join("   ")}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
