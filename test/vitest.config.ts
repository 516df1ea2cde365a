// Two projects: `unit` (domain, route and socket tests beside the code, plus cross-cutting tests in
// test/) and `e2e` (Playwright driving Debian's Chromium against a real server).
import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.resolve(import.meta.dirname, "..");

export default defineConfig({
  test: {
    root,
    reporters: ["default"],
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
        },
      },
    ],
  },
});
