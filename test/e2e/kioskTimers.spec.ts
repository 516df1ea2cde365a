// The pad's timing rules and its staff corner, in Chromium with Playwright's fake clock (no sleeps):
// an unanswered invitation returns to idle after 60 s, a tap within 5 s of the last choice is
// ignored, and a rating the server refuses for good shows up in the staff's rejected list instead of
// vanishing.
import { randomUUID } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { io as connect } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PairingCodeDto } from "../../server/src/contracts/devices.ts";
import { createInvitation } from "../../server/src/domain/evaluations/createInvitation.ts";
import { newToken, sha256 } from "../../server/src/lib/tokens.ts";
import { ApiClient } from "../support/apiClient.ts";
import { demoAccounts } from "../support/demoUsers.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";
import { launchBrowser } from "./support/browser.ts";

let server: TestServer;
let browser: Browser;
let admin: ApiClient;
let centerId: number;
let windowId: number;
let windowNumber: number;
let staffId: number;
const SYSTEM = { userId: null, role: "SYSTEM", centerId: null };

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ env: { WALKUP_MIN_INTERVAL_S: "0" } }), launchBrowser()]);
  const { prisma } = server.services;
  const center = await prisma.center.findFirstOrThrow({ orderBy: { id: "asc" } });
  centerId = center.id;
  const accounts = await demoAccounts(server, center.id);
  admin = new ApiClient(server.url);
  await admin.login(accounts.ADMIN.username, accounts.ADMIN.password);
  const window = await prisma.window.findFirstOrThrow({ where: { centerId, number: 2 } });
  windowId = window.id;
  windowNumber = window.number;
  staffId = (await prisma.windowStaff.findFirstOrThrow({ where: { windowId, backup: false } })).staffId;
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A pad paired to the test window, with the page's clock under the test's control. */
async function pairedPad(name: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const created = await admin.post<PairingCodeDto>("/api/devices", { windowId, name });
  expect(created.status).toBe(201);
  const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.clock.install();
  await page.goto(`${server.url}/kiosk/`);
  await page.getByLabel("配对码").fill(created.body.code);
  await page.getByRole("button", { name: "配对" }).click();
  await page.getByText(`${windowNumber}号窗口`).waitFor({ timeout: 10_000 });
  return { page, close: () => context.close() };
}

const invite = () => createInvitation(server.services, { centerId, windowId, staffId, source: "STAFF_BUTTON", auditActor: SYSTEM });

describe("the pad's timing rules", () => {
  it("returns an unanswered invitation to the idle prompt after 60 s", async () => {
    const { page, close } = await pairedPad("计时评价器一");
    try {
      await invite();
      await page.getByText("工作人员邀请您评价本次服务").waitFor({ timeout: 10_000 });
      await page.clock.fastForward(30_000);
      expect(await page.getByText("工作人员邀请您评价本次服务").isVisible()).toBe(true);
      await page.clock.fastForward(31_000);
      await page.getByText("请您对本次服务作出评价").waitFor({ timeout: 5_000 });
      expect(await page.getByText("工作人员邀请您评价本次服务").count()).toBe(0);
    } finally {
      await close();
    }
  });

  it("ignores a tap on a level within 5 s of the last choice, and takes one after", async () => {
    const { page, close } = await pairedPad("计时评价器二");
    try {
      await page.getByRole("button", { name: "满意", exact: true }).click();
      await page.getByRole("button", { name: "提交评价" }).click();
      await page.getByText("感谢您的评价！").waitFor();
      await page.clock.fastForward(4_200); // the thank-you screen (4 s) is over, the guard (5 s) is not
      await page.getByRole("button", { name: "非常满意", exact: true }).waitFor();
      await page.getByRole("button", { name: "非常满意", exact: true }).click();
      expect(await page.getByRole("button", { name: "提交评价" }).count()).toBe(0);
      await page.clock.fastForward(1_000);
      await page.getByRole("button", { name: "非常满意", exact: true }).click();
      await page.getByRole("button", { name: "提交评价" }).waitFor({ timeout: 5_000 });
    } finally {
      await close();
    }
  });
});

describe("the staff corner", () => {
  it("keeps a rating the server refused for good in a visible rejected list", async () => {
    const { prisma } = server.services;
    const { page, close } = await pairedPad("计时评价器三");
    try {
      const first = await invite();
      await page.getByText("工作人员邀请您评价本次服务").waitFor({ timeout: 10_000 });
      // A second pad at the same window answers the invitation first (一次一评): the page's rating of
      // the same invitation is then refused for good when it arrives.
      const token = newToken();
      await prisma.kioskDevice.create({ data: { centerId, windowId, name: "同窗口第二评价器", tokenHash: sha256(token), pairedAt: new Date() } });
      const other = connect(`${server.url}/kiosk`, { forceNew: true, transports: ["websocket"], reconnection: false, auth: { token, protocol: 1 } });
      try {
        await new Promise<void>((resolve) => other.once("connect", () => resolve()));
        const ack = await other.timeout(5_000).emitWithAck("evaluation.submit", { id: randomUUID(), invitationId: first.id, level: 5, ratedAt: new Date().toISOString() });
        expect(ack).toMatchObject({ ok: true });
      } finally {
        other.close();
      }
      await page.getByRole("button", { name: "不满意", exact: true }).click();
      await page.getByRole("button", { name: "提交评价" }).click();
      await page.getByRole("button", { name: "不需要，跳过" }).click();
      await page.getByText("感谢您的评价！").waitFor();
      await page.clock.fastForward(5_000);
      const rejected = page.getByRole("button", { name: "被拒收 1" });
      await rejected.waitFor({ timeout: 20_000 });
      await rejected.click();
      await page.getByRole("dialog").waitFor();
      expect(await page.getByRole("dialog").textContent()).toMatch(/ALREADY_RATED · 本次服务已评价（一次一评）/);
      const stored = await prisma.evaluation.findMany({ where: { invitationId: first.id } });
      expect(stored.map((e) => e.level)).toEqual([5]);
    } finally {
      await close();
    }
  });
});
