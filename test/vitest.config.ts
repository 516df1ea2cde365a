// Two projects: `unit` (domain, route and socket tests beside the code, plus cross-cutting tests in
// test/) and `e2e` (Playwright driving Debian's Chromium against a real server).
//
// Speed on the 2-core machine the suite must fit (20 min for `npm test`), measured, not guessed:
// - Vitest's default is one worker per core minus one: a single worker on 2 cores, so files ran one
//   after another with a core idle. Each unit file's test and server share one process and use about
//   one core, so two unit workers here; `npm test` (test/support/runTests.mjs) runs the unit and e2e
//   projects as two lanes side by side instead, with one unit worker (HALLWATCH_UNIT_WORKERS=1).
// - isolate: false lets a worker keep the server's module graph loaded from one file to the next
//   instead of importing it again for every file (seconds per file). The server keeps its state per
//   Services instance (WeakMaps keyed by it), never per module, and every file starts its own server,
//   so files cannot see each other's data.
// - e2e files still run one at a time (each drives its own Chromium, and timing-sensitive screens
//   should not compete with a second browser); in one Vitest process they follow the unit files
//   (groupOrder 1).
// - the demo hall is seeded once per run into a template database that test servers copy
//   (globalSetup, test/support/dbTemplates.ts).
import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.resolve(import.meta.dirname, "..");

export default defineConfig({
  test: {
    root,
    reporters: ["default"],
    globalSetup: ["test/support/globalSetup.ts"],
    projects: [
      {
        test: {
          name: "unit",
          root,
          include: ["server/src/**/*.test.ts", "test/**/*.test.ts"],
          exclude: ["**/node_modules/**", "test/e2e/**"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: "forks",
          maxWorkers: Number(process.env.HALLWATCH_UNIT_WORKERS ?? 2),
          isolate: false,
        },
      },
      {
        test: {
          name: "e2e",
          root,
          include: ["test/e2e/**/*.spec.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: "forks",
          fileParallelism: false,
          isolate: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
