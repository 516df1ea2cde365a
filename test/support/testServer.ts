// Starts a real hallwatch server on port 0 with its own temporary SQLite file; teardown removes it.
// The demo hall comes from a seeded template copied into that file when the test run has one
// (dbTemplates.ts): the same rows as seeding at start, without paying for it in every test file.
import type { TileFeedOptions } from "../../server/src/domain/liveHall/tileFeed.ts";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { configSchema, type Config } from "../../server/src/config.ts";
import type { Clock } from "../../server/src/lib/clock.ts";
import { createLogger } from "../../server/src/lib/logger.ts";
import { startServer, type RunningServer } from "../../server/src/server.ts";
import { provideSeededDatabase } from "./dbTemplates.ts";

export const TEST_ADMIN_PASSWORD = "test-admin-password-1";

export interface TestServer extends RunningServer {
  dir: string;
  stop(): Promise<void>;
}

export async function startTestServer(opts: { demo?: boolean; halls?: number; clock?: Clock; env?: Record<string, string>; tileReads?: TileFeedOptions["wrapRead"] } = {}): Promise<TestServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hallwatch-test-"));
  const config: Config = configSchema.parse({
    NODE_ENV: "test",
    HOST: "127.0.0.1",
    PORT: "0",
    DATABASE_URL: `file:${path.join(dir, "test.db")}`,
    ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
    DEMO: opts.demo === false ? "0" : "1",
    DEMO_HALLS: String(opts.halls ?? 1),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
    ...opts.env,
  });
  const logger = createLogger(config.LOG_LEVEL);
  const seeded = await provideSeededDatabase(config, opts.clock, logger);
  const running = await startServer(config, { clock: opts.clock, logger, ...(opts.tileReads ? { tileReads: opts.tileReads } : {}) });
  // What the start's first scheduler tick writes (warnings, accountability proposals, audit entries)
  // must not land in the middle of a test's before/after counts
  await running.firstJobsDone;
  return {
    ...running,
    // A copied database is not empty, so startServer did not seed it; report the seeding that made it.
    bootstrap: seeded ?? running.bootstrap,
    dir,
    async stop() {
      await running.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
