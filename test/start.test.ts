// `npm start` as a newcomer runs it (the command line of package.json's start script): a fresh database
// is migrated and filled with the demo hall, the URLs and demo logins are printed, the client is served,
// and SIGTERM stops the process cleanly.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildServerBundle, startCommand } from "./support/productionServer.ts";

const root = path.resolve(import.meta.dirname, "..");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hallwatch-start-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("npm start", () => {
  it("is ready with the demo hall within the 60 s budget, prints logins, serves the client and stops on SIGTERM", async () => {
    // What `npm start` runs: the prebuilt server bundle (npm ci builds it; rebuilt here so it is this checkout's code).
    buildServerBundle();
    const { command, args } = startCommand();
    const started = Date.now();
    const child = spawn(command, args, {
      cwd: root,
      env: { ...process.env, PORT: "0", HOST: "127.0.0.1", DATABASE_URL: `file:${path.join(dir, "start.db")}`, LOG_LEVEL: "warn", ADMIN_PASSWORD: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));

    const deadline = Date.now() + 60_000;
    while (!/hallwatch is ready/.test(out) && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 100));
    const readyMs = Date.now() - started;
    expect(out, out).toMatch(/hallwatch is ready/);
    console.log(`first start ready in ${(readyMs / 1000).toFixed(1)} s`);
    expect(readyMs).toBeLessThan(60_000);

    expect(out).toMatch(/33 departments, 194 items, 90 windows/);
    expect(out).toMatch(/admin password \(generated, shown only this once\): \S{10,}/);
    for (const login of ["leader", "supervisor", "auditor", "cityleader"]) expect(out).toContain(login);
    const url = /supervisor & admin client\s+(http:\/\/\S+)\//.exec(out)![1]!;

    const health = await fetch(`${url}/readyz`);
    expect(health.status).toBe(200);
    const page = await fetch(`${url}/departments`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root"');

    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  }, 90_000);
});
