// Issue #5's "done means", end to end in Chromium on a fresh server with the demo hall: a pad paired
// to window 1 (with the administrator's one-time code) shows nobody on duty, then — live, without a
// reload — the staff member who signs in there (through the shifts API, as their home page does); a
// rating made on the pad appears on a supervisor's 实时评价 page, a second browser page, within a second.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PairingCodeDto } from "../../server/src/contracts/devices.ts";
import { ManualClock } from "../../server/src/lib/clock.ts";
import { ApiClient } from "../support/apiClient.ts";
import { demoAccounts, type DemoAccount } from "../support/demoUsers.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";
import { launchBrowser, screenshot } from "./support/browser.ts";

// Opening hours matter for signing in: a working Monday, 10:00 in Shanghai.
const clock = new ManualClock("2026-11-30T02:00:00.000Z");
let server: TestServer;
let browser: Browser;
let accounts: Record<string, DemoAccount>;
let window1: { id: number; number: number };

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ clock }), launchBrowser()]);
  const center = await server.services.prisma.center.findFirstOrThrow({ orderBy: { id: "asc" } });
  accounts = await demoAccounts(server, center.id);
  window1 = await server.services.prisma.window.findFirstOrThrow({ where: { centerId: center.id, number: 1 }, select: { id: true, number: true } });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("done means (#5)", () => {
  it("a pad paired to window 1 shows the staff on duty live, and its rating reaches a supervisor's screen within a second", async () => {
    const admin = new ApiClient(server.url);
    await admin.login(accounts.ADMIN!.username, accounts.ADMIN!.password);
    const created = await admin.post<PairingCodeDto>("/api/devices", { windowId: window1.id, name: "1号窗口评价器" });
    expect(created.status).toBe(201);

    const padContext = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", viewport: { width: 1280, height: 800 } });
    const supContext = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", viewport: { width: 1366, height: 800 } });
    try {
      const pad = await padContext.newPage();
      // The pad's own clock (ratedAt) agrees with the server's; it runs on from there.
      await pad.clock.install({ time: clock.now() });
      await pad.goto(`${server.url}/kiosk/`);
      await pad.getByLabel("配对码").fill(created.body.code);
      await pad.getByRole("button", { name: "配对" }).click();
      await pad.getByText("1号窗口").waitFor({ timeout: 10_000 });
      await pad.getByText("暂无工作人员").waitFor();

      // A staff member assigned to window 1 signs in there.
      const post = await server.services.prisma.windowStaff.findFirstOrThrow({ where: { windowId: window1.id, backup: false }, include: { staff: { include: { user: true } } } });
      const staff = new ApiClient(server.url);
      await staff.login(post.staff.user!.username, accounts.STAFF!.password);
      const signIn = await staff.post("/api/shifts/me/sign-in", { windowId: window1.id });
      expect(signIn.status).toBe(201);
      await pad.getByText(post.staff.name).waitFor({ timeout: 5_000 });
      await pad.getByText(post.staff.staffNo).waitFor();
      await screenshot(pad, "done-pad-window1");

      const sup = await supContext.newPage();
      await sup.goto(`${server.url}/login`);
      await sup.getByLabel("用户名").fill(accounts.SUPERVISOR!.username);
      await sup.getByLabel("密码").fill(accounts.SUPERVISOR!.password);
      await sup.getByRole("button", { name: /登\s*录/ }).click();
      await sup.getByTestId("home-heading").waitFor({ timeout: 15_000 });
      await sup.goto(`${server.url}/evaluations`);
      await sup.getByTestId("feed-status").getByText("实时").waitFor({ timeout: 10_000 });

      await pad.getByRole("button", { name: "非常满意", exact: true }).click();
      await pad.getByRole("button", { name: "一次办成" }).click();
      await pad.getByLabel(/意见建议/).fill("一号窗口办得快");
      const submittedAt = Date.now();
      await pad.getByRole("button", { name: "提交评价" }).click();
      await sup.getByTestId("feed-item").filter({ hasText: "一号窗口办得快" }).waitFor({ timeout: 5_000 });
      const elapsed = Date.now() - submittedAt;
      console.log(`pad submit → supervisor's screen: ${elapsed} ms`);
      expect(elapsed).toBeLessThan(1000);
      await screenshot(sup, "done-supervisor-feed");
      const row = await server.services.prisma.evaluation.findFirstOrThrow({ where: { comment: "一号窗口办得快" } });
      expect(row).toMatchObject({ windowId: window1.id, staffId: post.staffId, level: 5, channel: "HALL_PAD" });
    } finally {
      await Promise.all([padContext.close(), supContext.close()]);
    }
  });
});
