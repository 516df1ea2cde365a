// The public hall display in Chromium: loads without login at /display, shows a sign-in within a
// second, and recovers by itself when the server stops and a new one starts on the same port and
// database: the offline notice appears, then goes, and a change made on the new server shows up.
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Role } from "../../server/src/contracts/roles.ts";
import { ManualClock } from "../../server/src/lib/clock.ts";
import { ApiClient } from "../support/apiClient.ts";
import { demoAccounts, type DemoAccount } from "../support/demoUsers.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";
import { launchBrowser, screenshot } from "./support/browser.ts";

const clock = new ManualClock("2026-11-23T02:00:00Z"); // Monday 10:00 Shanghai: the hall is open
const servers: TestServer[] = [];
let browser: Browser;
let accounts: Record<Role, DemoAccount>;
let windowNumber = 0;
let windowId = 0;

beforeAll(async () => {
  servers.push(await startTestServer({ clock, env: { SESSION_IDLE_MINUTES: "1440", SESSION_MAX_HOURS: "168" } }));
  const { prisma } = servers[0]!.services;
  const center = await prisma.center.findFirstOrThrow();
  accounts = await demoAccounts(servers[0]!, center.id);
  const assignment = await prisma.windowStaff.findFirstOrThrow({ where: { staffId: accounts.STAFF.staffId!, backup: false }, include: { window: true } });
  windowId = assignment.windowId;
  windowNumber = assignment.window.number;
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  for (const s of servers.reverse()) await s.stop().catch(() => undefined);
});

const tile = (page: Page) => page.locator(`li[data-window="${windowNumber}"]`);

it("shows the hall without login, follows a sign-in, and recovers after the server restarts", async () => {
  const first = servers[0]!;
  const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  await page.goto(`${first.url}/display`);
  await expect.poll(() => tile(page).getAttribute("data-state"), { timeout: 10_000 }).toBe("UNATTENDED");
  await page.getByText("服务承诺").waitFor();

  const staff = new ApiClient(first.url);
  await staff.login(accounts.STAFF.username, accounts.STAFF.password);
  expect((await staff.post("/api/shifts/me/sign-in", { windowId })).status).toBe(201);
  const signedInAt = Date.now(); // committed
  await expect.poll(() => tile(page).getAttribute("data-state"), { timeout: 5_000, interval: 25 }).toBe("IDLE");
  expect(Date.now() - signedInAt).toBeLessThan(1000);
  const staffRow = await first.services.prisma.staff.findUniqueOrThrow({ where: { id: accounts.STAFF.staffId! } });
  await expect.poll(() => tile(page).textContent()).toContain(staffRow.staffNo);
  await screenshot(page, "display");

  // The server goes away: the screen says so and keeps the last picture
  const port = first.port;
  const dbUrl = `file:${path.join(first.dir, "test.db")}`;
  await first.close();
  await page.getByTestId("offline").waitFor({ timeout: 10_000 });
  expect(await tile(page).getAttribute("data-state")).toBe("IDLE");
  await screenshot(page, "display-offline");

  // A new server on the same port and database; the change made there reaches the screen
  const second = await startTestServer({ clock, env: { PORT: String(port), DATABASE_URL: dbUrl, SESSION_IDLE_MINUTES: "1440", SESSION_MAX_HOURS: "168" } });
  servers.push(second);
  expect(second.port).toBe(port);
  expect((await staff.post("/api/shifts/me/sign-out")).status).toBe(200);
  await page.getByTestId("offline").waitFor({ state: "detached", timeout: 20_000 });
  await expect.poll(() => tile(page).getAttribute("data-state"), { timeout: 10_000 }).toBe("UNATTENDED");
  await screenshot(page, "display-recovered");
  await context.close();
}, 90_000);
