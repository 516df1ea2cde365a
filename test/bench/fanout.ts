// The fan-out benchmark (issue #7): `npm run bench:fanout`. Not part of npm test.
// A server process (this file with --serve: the real server on a temp database with the demo hall, its
// clock shifted to a Monday 10:00 in Shanghai so the hall is open and staff may sign in) and this
// process: 100 supervisor sockets on /supervisor and the public display on /display, while rating pads
// (walk-up ratings over /kiosk) and window staff (sign-in, pause, resume, sign-out over HTTP) produce
// BENCH_RATE events a second (default 200: four ratings to one state change) for BENCH_SECONDS (20).
// The clients are bare Socket.IO sockets (rawSocketIo.ts) that note each frame and its arrival time and
// parse after the run, so the measuring process's own load does not count as delay; the server process
// runs with the start script's V8 flags.
// For every message at every client it takes the delay from the event's commit to its arrival: the
// server process notes when each domain event is emitted (right after its transaction commits; the
// same machine clock), a display delta carries causedAt (the commit of the earliest change it folds
// in). It prints p50/p99/max per audience, the pads' ack times (how loaded the server is) and the
// deliveries missing. Target: p99 ≤ 100 ms at 200 events/s.
import { fork, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import os from "node:os";
import { CSRF_COOKIE, SESSION_COOKIE } from "../../server/src/contracts/auth.ts";
import { SUPERVISOR_BATCH_EVENT, type SupervisorBatch } from "../../server/src/contracts/supervisorBatch.ts";
import { DEMO_PASSWORD } from "../../server/src/domain/bootstrap/bootstrapDatabase.ts";
import { ApiClient } from "../support/apiClient.ts";
import { procCpuMs, startCommand } from "../support/productionServer.ts";
import { benchLevelMix, levelPicker } from "./benchLevels.ts";
import { RawSocketIo } from "./rawSocketIo.ts";

const RATE = Number(process.env.BENCH_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const SUPERVISORS = Number(process.env.BENCH_SUPERVISORS ?? 100);
/** BENCH_MIX=ratings: ratings only (to tell the fan-out from the cost of the state changes' writes) */
const RATINGS_ONLY = process.env.BENCH_MIX === "ratings";
const PADS = 60;
const STAFF = 40;
/** Monday 10:00 Asia/Shanghai: a working day, the hall open */
const HALL_TIME = Date.parse("2026-11-23T02:00:00Z");

interface Fixture {
  url: string;
  offsetMs: number;
  centerId: number;
  pads: { token: string; windowId: number }[];
  /** Sessions made on the server side: 40 logins from one address would meet the login throttle */
  staff: { username: string; windowId: number; token: string; csrfToken: string }[];
}

async function serve(): Promise<void> {
  const { startTestServer } = await import("../support/testServer.ts");
  const { issueDeviceToken } = await import("../../server/src/domain/devices/manageDevices.ts");
  const { loginUser } = await import("../../server/src/domain/auth/loginUser.ts");
  const offsetMs = HALL_TIME - Date.now();
  const server = await startTestServer({ clock: { now: () => new Date(Date.now() + offsetMs) }, env: { WALKUP_MIN_INTERVAL_S: "0", SESSION_IDLE_MINUTES: "600" } });
  const { prisma } = server.services;
  const center = await prisma.center.findFirstOrThrow({ orderBy: { id: "asc" } });
  const users = await prisma.user.findMany({ where: { centerId: center.id, role: "STAFF", active: true }, include: { staff: { include: { windows: { where: { backup: false } } } } }, orderBy: { id: "asc" } });
  const usedWindows = new Set<number>();
  const staff: Fixture["staff"] = [];
  for (const u of users) {
    const windowId = u.staff?.windows.find((w) => !usedWindows.has(w.windowId))?.windowId;
    if (windowId === undefined) continue;
    usedWindows.add(windowId);
    const session = await loginUser(server.services, { username: u.username, password: DEMO_PASSWORD, ip: null, userAgent: "bench", requestId: null, previousSessionId: null });
    staff.push({ username: u.username, windowId, token: session.token, csrfToken: session.csrfToken });
    if (staff.length === STAFF) break;
  }
  const windows = await prisma.window.findMany({ where: { centerId: center.id, active: true }, orderBy: { number: "asc" }, take: PADS });
  const pads = [];
  for (const w of windows) {
    const { token } = await issueDeviceToken(server.services, { centerId: center.id, windowId: w.id, name: `bench ${w.number}`, auditActor: { userId: null, role: "SYSTEM", centerId: center.id } });
    pads.push({ token, windowId: w.id });
  }
  // Commit times (wall clock) of the events the clients will hear, keyed as the parent keys arrivals
  const commits: [string, number][] = [];
  server.services.events.on("evaluation.created", (e) => commits.push([`evaluation:${e.id}`, Date.now()]));
  for (const name of ["shift.started", "shift.ended", "shift.paused", "shift.resumed"] as const) server.services.events.on(name, (e) => commits.push([`${name}:${e.shiftId}:${e.at}`, Date.now()]));
  const fixture: Fixture = { url: server.url, offsetMs, centerId: center.id, pads, staff };
  process.send?.({ type: "ready", fixture });
  process.on("message", (m: { type: string }) => {
    if (m.type === "commits") process.send?.({ type: "commits", commits });
    if (m.type === "stop") void server.stop().then(() => process.exit(0));
  });
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN);
const fmt = (n: number) => (Number.isNaN(n) ? "—" : `${n.toFixed(1)} ms`);

function summary(name: string, delays: number[]): string {
  const s = [...delays].sort((a, b) => a - b);
  return `${name.padEnd(28)} ${String(s.length).padStart(8)} msgs   p50 ${fmt(percentile(s, 50)).padStart(9)}   p99 ${fmt(percentile(s, 99)).padStart(9)}   max ${fmt(s.at(-1) ?? NaN).padStart(9)}`;
}

/** A client of the bench: a bare Socket.IO socket (rawSocketIo.ts) that notes each event frame's text and
 * arrival time and parses nothing until the measurement is over — 100 supervisors decoding every frame
 * with socket.io-client kept this process's own event loop busy, and its queueing counted as delay. */
async function open(url: string, namespace: string, opts: { cookie?: string; auth?: Record<string, unknown>; onEvent?: (text: string, at: number) => void }): Promise<RawSocketIo> {
  const socket = new RawSocketIo(url, namespace, { auth: opts.auth, headers: opts.cookie ? { cookie: opts.cookie } : undefined, onEvent: opts.onEvent });
  await socket.ready;
  return socket;
}

let child: ChildProcess | null = null;

async function run(): Promise<void> {
  // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server process alone
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  // The server process runs with the start script's V8 flags (its young generation and background threads), as `npm start` would
  const startFlags = startCommand().args.filter((a) => a.startsWith("--"));
  child = fork(import.meta.filename, ["--serve"], { execArgv: [...nodeArgs, ...startFlags, "--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"], env: { ...process.env, TEST_LOG_LEVEL: "silent" } });
  const server = child;
  const fixture = await new Promise<Fixture>((resolve, reject) => {
    server.once("message", (m: { type: string; fixture: Fixture }) => (m.type === "ready" ? resolve(m.fixture) : reject(new Error("server failed"))));
    server.once("exit", (code) => reject(new Error(`server exited ${code}`)));
  });
  const serverTime = (iso: string) => Date.parse(iso) - fixture.offsetMs;

  const supervisorClient = new ApiClient(fixture.url);
  await supervisorClient.login("supervisor", DEMO_PASSWORD);
  const cookie = [...supervisorClient.cookies].map(([k, v]) => `${k}=${v}`).join("; ");

  const delays = { supervisorRatings: [] as number[], supervisorShifts: [] as number[], display: [] as number[] };
  // Diagnostics, not in "every client": the map's recomputed tiles (from the earliest change each folds in) and the display's two kinds
  const tileDelays: number[] = [];
  const displayByKind = new Map<string, number[]>();
  let measuring = false;
  // Frames as they arrived, parsed after the measurement
  const supervisorFrames: { text: string; at: number }[] = [];
  const displayFrames: { text: string; at: number }[] = [];
  const supervisors = await Promise.all(
    Array.from({ length: SUPERVISORS }, () => open(fixture.url, "/supervisor", { cookie, onEvent: (text, at) => measuring && supervisorFrames.push({ text, at }) })),
  );
  const display = await open(fixture.url, "/display", { auth: { centerId: fixture.centerId }, onEvent: (text, at) => displayFrames.push({ text, at }) });

  const pads = await Promise.all(fixture.pads.map((p) => open(fixture.url, "/kiosk", { auth: { token: p.token, protocol: 1 } })));
  let displayMeasuredFrom = 0;
  const staff = await Promise.all(
    fixture.staff.map(async (s) => {
      const client = new ApiClient(fixture.url);
      client.cookies.set(SESSION_COOKIE, s.token);
      client.cookies.set(CSRF_COOKIE, s.csrfToken);
      await client.post("/api/shifts/me/sign-out"); // whatever the demo left open
      return { client, windowId: s.windowId, step: 0, busy: false };
    }),
  );
  const STEPS = [
    (c: ApiClient, windowId: number) => c.post("/api/shifts/me/sign-in", { windowId }),
    (c: ApiClient) => c.post("/api/shifts/me/pause", { reason: "BREAK" }),
    (c: ApiClient) => c.post("/api/shifts/me/resume"),
    (c: ApiClient) => c.post("/api/shifts/me/sign-out"),
  ];

  /** Pad → server → pad ack (after commit): how loaded the server itself is, for reading the figures */
  const ackDelays: number[] = [];
  const produced = { ratings: 0, ratingsOk: 0, shifts: 0, shiftsOk: 0, skipped: 0 };
  let padTurn = 0;
  const level = levelPicker(benchLevelMix(), 7);
  let staffTurn = 0;
  const inFlight = new Set<Promise<unknown>>();
  const track = (p: Promise<unknown>) => {
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  };
  const produce = (n: number) => {
    if (n % 5 === 4 && !RATINGS_ONLY) {
      let s: (typeof staff)[number] | null = null;
      for (let i = 0; i < staff.length && !s; i++) {
        const candidate = staff[(staffTurn + i) % staff.length]!;
        if (!candidate.busy) {
          s = candidate;
          staffTurn = (staffTurn + i + 1) % staff.length;
        }
      }
      if (!s) {
        produced.skipped++;
        return;
      }
      s.busy = true;
      produced.shifts++;
      track(
        STEPS[s.step]!(s.client, s.windowId)
          .then((res) => {
            if (res.status < 300) {
              produced.shiftsOk++;
              s.step = (s.step + 1) % STEPS.length;
            }
          })
          .finally(() => {
            s.busy = false;
          }),
      );
    } else {
      const pad = pads[padTurn++ % pads.length]!;
      produced.ratings++;
      const sentAt = Date.now();
      const ack = pad.emitWithAck("evaluation.submit", JSON.stringify({ id: randomUUID(), level: level(), ratedAt: new Date(Date.now() + fixture.offsetMs).toISOString() }), 10_000);
      track(
        ack
          .then((a) => {
            if (measuring) ackDelays.push(Date.now() - sentAt);
            if (a.ok) produced.ratingsOk++;
          })
          .catch(() => undefined),
      );
    }
  };

  // Warm up, then measure at the target rate, paced by the wall clock
  console.log(`load average before: ${os.loadavg().map((l) => l.toFixed(1)).join(" ")} on ${os.cpus().length} cores`);
  console.log(`fan-out: ${SUPERVISORS} supervisors + 1 display, ${pads.length} pads, ${staff.length} staff; ${RATE} events/s for ${SECONDS} s; levels: ${benchLevelMix()} mix (BENCH_LEVELS)`);
  for (let i = 0; i < 50; i++) produce(i);
  await Promise.all([...inFlight]);
  await new Promise((r) => setTimeout(r, 500));
  Object.assign(produced, { ratings: 0, ratingsOk: 0, shifts: 0, shiftsOk: 0, skipped: 0 });
  measuring = true;
  displayMeasuredFrom = displayFrames.length;
  const serverCpu = () => procCpuMs(`/proc/${server.pid}/task/${server.pid}/stat`);
  const cpuBefore = serverCpu();
  const started = Date.now();
  let n = 0;
  while (Date.now() - started < SECONDS * 1000) {
    const due = Math.floor(((Date.now() - started) / 1000) * RATE);
    while (n < due) produce(n++);
    await new Promise((r) => setTimeout(r, 2));
  }
  const elapsed = (Date.now() - started) / 1000;
  const loopBusy = (serverCpu() - cpuBefore) / (elapsed * 1000);
  await Promise.all([...inFlight]);
  await new Promise((r) => setTimeout(r, 1000));
  measuring = false;
  const displayMeasuredTo = displayFrames.length;
  server.send({ type: "commits" });
  const commits = new Map(
    await new Promise<[string, number][]>((resolve) => {
      const onMessage = (m: { type: string; commits?: [string, number][] }) => {
        if (m.type !== "commits") return;
        server.off("message", onMessage);
        resolve(m.commits ?? []);
      };
      server.on("message", onMessage);
    }),
  );
  // Arrivals by event key, from the frames kept (a batch's text is parsed once, whoever received it)
  const arrivals: { key: string; at: number; kind: "supervisorRatings" | "supervisorShifts" }[] = [];
  const keysOfFrame = new Map<string, { keys: { key: string; kind: "supervisorRatings" | "supervisorShifts" }[]; tilesCausedAt: number[] }>();
  for (const { text, at } of supervisorFrames) {
    let parsed = keysOfFrame.get(text);
    if (!parsed) {
      const [event, batch] = JSON.parse(text) as [string, SupervisorBatch];
      parsed = { keys: [], tilesCausedAt: [] };
      if (event === SUPERVISOR_BATCH_EVENT) {
        for (const [name, envelope] of batch.items) {
          const data = envelope.data as { id?: string; shiftId?: number; at?: string; causedAt?: number };
          if (name === "evaluation.created") parsed.keys.push({ key: `evaluation:${data.id}`, kind: "supervisorRatings" });
          else if (name.startsWith("shift.")) parsed.keys.push({ key: `${name}:${data.shiftId}:${data.at}`, kind: "supervisorShifts" });
          else if (name === "liveHall.tile" && data.causedAt !== undefined) parsed.tilesCausedAt.push(data.causedAt - fixture.offsetMs);
        }
      }
      keysOfFrame.set(text, parsed);
    }
    for (const k of parsed.keys) arrivals.push({ ...k, at });
    for (const causedAt of parsed.tilesCausedAt) tileDelays.push(at - causedAt);
  }
  let displaySeq = 0;
  let displayGaps = 0;
  displayFrames.forEach(({ text, at }, i) => {
    const [event, envelope] = JSON.parse(text) as [string, { seq: number; causedAt: string }];
    if (displaySeq && envelope.seq !== displaySeq + 1) displayGaps++;
    displaySeq = envelope.seq;
    if (i >= displayMeasuredFrom && i < displayMeasuredTo) {
      const delay = at - serverTime(envelope.causedAt);
      delays.display.push(delay);
      displayByKind.set(event, [...(displayByKind.get(event) ?? []), delay]);
    }
  });
  let unmatched = 0;
  for (const a of arrivals) {
    const committed = commits.get(a.key);
    if (committed === undefined) unmatched++;
    else delays[a.kind].push(a.at - committed);
  }

  const expected = { ratings: produced.ratingsOk * SUPERVISORS, shifts: produced.shiftsOk * SUPERVISORS };
  console.log(`offered ${(n / elapsed).toFixed(0)} events/s: ${produced.ratingsOk}/${produced.ratings} ratings and ${produced.shiftsOk}/${produced.shifts} state changes stored (${produced.skipped} skipped: every staff member busy)`);
  console.log(`server event loop busy ${(loopBusy * 100).toFixed(0)} % of the measured time (CPU of its main thread)`);
  console.log(summary("(pads: rating acked)", ackDelays));
  console.log(summary("supervisors: ratings", delays.supervisorRatings));
  console.log(summary("supervisors: state changes", delays.supervisorShifts));
  console.log(summary("supervisors: all", [...delays.supervisorRatings, ...delays.supervisorShifts]));
  console.log(summary("  (map tiles, coalesced)", tileDelays));
  console.log(summary("display: deltas (coalesced)", delays.display));
  for (const [event, kindDelays] of displayByKind) console.log(summary(`  (${event})`, kindDelays));
  const all = [...delays.supervisorRatings, ...delays.supervisorShifts, ...delays.display].sort((a, b) => a - b);
  console.log(summary("every client", all));
  if (unmatched) console.log(`arrivals without a commit time: ${unmatched}`);
  console.log(`deliveries to supervisors missing: ratings ${expected.ratings - delays.supervisorRatings.length}, state changes ${expected.shifts - delays.supervisorShifts.length}; display sequence gaps: ${displayGaps}`);
  const p99 = percentile(all, 99);
  console.log(p99 <= 100 ? `target met: p99 ${fmt(p99)} ≤ 100 ms` : `target MISSED: p99 ${fmt(p99)} > 100 ms`);

  for (const s of [...supervisors, display, ...pads]) s.close();
  server.send({ type: "stop" });
  await new Promise((r) => server.once("exit", r));
}

if (process.argv.includes("--serve")) void serve();
else
  void run().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      child?.kill();
      process.exit(1);
    },
  );
