// Exactly once across a server restart: pads keep sending while the server stops and a new one starts
// on the same database file; each pad resends whatever has not been acked ok, like the pad's outbox.
import { randomUUID } from "node:crypto";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import type { SubmitAck } from "../../server/src/contracts/kiosk.ts";
import { openPad, padToken } from "../support/pads.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";

const servers: TestServer[] = [];
afterAll(async () => {
  for (const s of servers.reverse()) await s.stop().catch(() => undefined);
});

const PADS = 20;
const PER_PAD = 30;

it("stores every rating exactly once when the server restarts with ratings in flight", async () => {
  const first = await startTestServer({ env: { WALKUP_MIN_INTERVAL_S: "0" } });
  servers.push(first);
  const dbUrl = `file:${path.join(first.dir, "test.db")}`;
  const windows = await first.services.prisma.window.findMany({ take: PADS, orderBy: { number: "asc" } });
  const tokens = await Promise.all(windows.map((w) => padToken(first, w.id)));
  let url = first.url;

  // Each simulated pad: an outbox of ratings, sent one at a time, kept until acked ok.
  const runPad = async (token: string) => {
    const outbox = Array.from({ length: PER_PAD }, () => ({ id: randomUUID(), level: 1 + Math.floor(Math.random() * 5), ratedAt: new Date().toISOString() }));
    const ids = outbox.map((r) => r.id);
    let duplicates = 0;
    while (outbox.length > 0) {
      const socket = openPad(url, token);
      // A handshake caught by the server's shutdown may never be answered: give up on it, as a pad does
      const connected = await new Promise<boolean>((resolve) => {
        const giveUp = setTimeout(() => resolve(false), 3000);
        socket.once("connect", () => (clearTimeout(giveUp), resolve(true)));
        socket.once("connect_error", () => (clearTimeout(giveUp), resolve(false)));
      });
      if (!connected) {
        socket.close();
        await new Promise((r) => setTimeout(r, 50));
        continue;
      }
      try {
        while (outbox.length > 0) {
          const ack = (await socket.timeout(2000).emitWithAck("evaluation.submit", outbox[0])) as SubmitAck;
          if (ack.ok || !ack.error.retryable) {
            if (ack.ok && ack.duplicate) duplicates++;
            outbox.shift();
          } else await new Promise((r) => setTimeout(r, 20));
        }
      } catch {
        // no ack (server gone): keep the rating and reconnect
      } finally {
        socket.close();
      }
    }
    return { ids, duplicates };
  };

  const running = Promise.all(tokens.map((t) => runPad(t.token)));
  await new Promise((r) => setTimeout(r, 150));
  await first.close(); // stop with ratings in flight (the directory stays)
  const second = await startTestServer({ env: { WALKUP_MIN_INTERVAL_S: "0", DATABASE_URL: dbUrl } });
  servers.push(second);
  url = second.url;
  const results = await running;

  const ids = results.flatMap((r) => r.ids);
  expect(new Set(ids).size).toBe(PADS * PER_PAD);
  const stored = await second.services.prisma.evaluation.findMany({ where: { id: { in: ids } }, select: { id: true } });
  expect(stored).toHaveLength(PADS * PER_PAD);
  expect(await second.services.prisma.evaluation.count()).toBeGreaterThanOrEqual(PADS * PER_PAD);
}, 60_000);
