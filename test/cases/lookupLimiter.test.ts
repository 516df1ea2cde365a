// The public lookup's brute-force guard keeps its counters in the database: a case number locked by
// repeated wrong guesses, and an address over its request budget, stay refused when the server
// restarts on the same database file; the lock ends when its time is up (ManualClock, no sleeps).
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOOKUP_LIMITS, pruneLookupBuckets } from "../../server/src/domain/lookup/lookupLimiter.ts";
import { ManualClock } from "../../server/src/lib/clock.ts";
import { ApiClient } from "../support/apiClient.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";

const clock = new ManualClock("2026-11-23T02:00:00Z");
const servers: TestServer[] = [];
let dbUrl = "";
let server: TestServer;
let known = { caseNo: "", phoneLast4: "" };

const errorCode = (body: unknown) => (body as { error?: { code: string } }).error?.code;
const lookup = (caseNo: string, phoneLast4: string) => new ApiClient(server.url).post("/api/lookup/cases", { caseNo, phoneLast4 });
const wrongDigits = (right: string, i: number) => String((Number(right) + 1 + i) % 10_000).padStart(4, "0");

/** Stops the running server (keeping its files) and starts a new one on the same database. */
async function restart(): Promise<void> {
  await server.close();
  server = await startTestServer({ clock, env: { DATABASE_URL: dbUrl } });
  servers.push(server);
}

beforeAll(async () => {
  server = await startTestServer({ clock });
  servers.push(server);
  dbUrl = `file:${path.join(server.dir, "test.db")}`;
  const c = await server.services.prisma.case.findFirstOrThrow({ orderBy: { id: "asc" } });
  known = { caseNo: c.caseNo, phoneLast4: c.citizenPhoneLast4 };
}, 120_000);

afterAll(async () => {
  const first = servers[0];
  for (const s of servers.slice(1).reverse()) await s.stop().catch(() => undefined);
  if (first) await first.stop().catch(() => undefined);
});

describe("lookup limits across a restart", () => {
  it("a case number locked by wrong guesses stays locked after a restart, until the lock runs out", async () => {
    expect((await lookup(known.caseNo, known.phoneLast4)).status).toBe(200);
    for (let i = 0; i <= LOOKUP_LIMITS.failuresPerCase.limit; i++) {
      expect(errorCode((await lookup(known.caseNo, wrongDigits(known.phoneLast4, i))).body)).toBe("LOOKUP_NOT_FOUND");
    }
    const locked = await lookup(known.caseNo, known.phoneLast4);
    expect([locked.status, errorCode(locked.body)]).toEqual([429, "TOO_MANY_REQUESTS"]);

    await restart();
    const afterRestart = await lookup(known.caseNo, known.phoneLast4);
    expect([afterRestart.status, errorCode(afterRestart.body)]).toEqual([429, "TOO_MANY_REQUESTS"]);

    clock.advance(LOOKUP_LIMITS.failuresPerCase.windowMs + 60_000);
    expect((await lookup(known.caseNo, known.phoneLast4)).status).toBe(200);
  });

  it("an address over its request budget stays refused after a restart, and expired counters are pruned", async () => {
    clock.advance(LOOKUP_LIMITS.perIp.windowMs); // a fresh window for this address
    for (let i = 0; i < LOOKUP_LIMITS.perIp.limit; i++) expect((await lookup(known.caseNo, known.phoneLast4)).status).toBe(200);
    expect((await lookup(known.caseNo, known.phoneLast4)).status).toBe(429);

    await restart();
    expect((await lookup(known.caseNo, known.phoneLast4)).status).toBe(429);

    clock.advance(LOOKUP_LIMITS.perIp.windowMs);
    expect((await lookup(known.caseNo, known.phoneLast4)).status).toBe(200);

    const { prisma } = server.services;
    expect(await prisma.rateLimitBucket.count()).toBeGreaterThan(0);
    clock.advance(2 * LOOKUP_LIMITS.failuresPerCase.windowMs);
    expect(await pruneLookupBuckets(prisma, clock.now())).toBeGreaterThan(0);
    expect(await prisma.rateLimitBucket.count()).toBe(0);
  });
});
