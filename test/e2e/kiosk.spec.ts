// The rating pad in Chromium: pairing with a code, the staff on duty on the idle screen, a citizen's
// rating reaching the database and a supervisor's live feed, every screen scanned by axe-core, and the
// offline outbox: three ratings made without network, a reload, the network back — stored once each.
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { io as connect } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PairingCodeDto } from "../../server/src/contracts/devices.ts";
import type { EvaluationFeedItem } from "../../server/src/contracts/kiosk.ts";
import { ApiClient } from "../support/apiClient.ts";
import { demoAccounts, type DemoAccount } from "../support/demoUsers.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";
import { launchBrowser, screenshot } from "./support/browser.ts";
import { unpackSupervisorBatches } from "../../client/src/lib/supervisorBatches.ts";

const AXE = path.resolve(import.meta.dirname, "..", "..", "node_modules", "axe-core", "axe.min.js");

let server: TestServer;
const violationsAll: string[] = [];
let browser: Browser;
let admin: ApiClient;
let supervisorCookie: string;
let windowId: number;
let windowNumber: number;
let staffName: string;
let staffAccount: DemoAccount;
let supervisorAccount: DemoAccount;

async function signedInPage(account: DemoAccount, path: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", viewport: { width: 1366, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/login`);
  await page.getByLabel("用户名").fill(account.username);
  await page.getByLabel("密码").fill(account.password);
  await page.getByRole("button", { name: /登\s*录/ }).click();
  await page.getByTestId("home-heading").waitFor({ timeout: 15_000 });
  if (path !== "/") await page.goto(`${server.url}${path}`);
  return { page, close: () => context.close() };
}

async function axeViolations(page: Page, screen: string): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const ids = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const r = await axe.run(document);
    return r.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
  return ids.map((i) => `${screen} ${i}`);
}

async function pairedPage(name: string): Promise<{ page: Page; deviceId: number; close: () => Promise<void> }> {
  const created = await admin.post<PairingCodeDto>("/api/devices", { windowId, name });
  expect(created.status).toBe(201);
  const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/kiosk/`);
  await page.getByLabel("配对码").waitFor();
  violationsAll.push(...(await axeViolations(page, "pairing")));
  await page.getByLabel("配对码").fill(created.body.code);
  await page.getByRole("button", { name: "配对" }).click();
  await page.getByText(`${windowNumber}号窗口`).waitFor({ timeout: 10_000 });
  return { page, deviceId: created.body.device.id, close: () => context.close() };
}

async function rate(page: Page, level: string, reason?: string) {
  await page.getByRole("button", { name: level, exact: true }).click();
  if (reason) await page.getByRole("button", { name: reason }).click();
  await page.getByRole("button", { name: "提交评价" }).click();
  // A bad review is offered the optional callback number (#6): this one leaves none
  if (level === "不满意" || level === "非常不满意") await page.getByRole("button", { name: "不需要，跳过" }).click();
  await page.getByText("感谢您的评价！").waitFor();
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ env: { WALKUP_MIN_INTERVAL_S: "0" } }), launchBrowser()]);
  const { prisma } = server.services;
  const center = await prisma.center.findFirstOrThrow({ orderBy: { id: "asc" } });
  const accounts = await demoAccounts(server, center.id);
  admin = new ApiClient(server.url);
  await admin.login(accounts.ADMIN.username, accounts.ADMIN.password);
  const sup = new ApiClient(server.url);
  await sup.login(accounts.SUPERVISOR.username, accounts.SUPERVISOR.password);
  supervisorCookie = `hw_session=${sup.cookies.get("hw_session")}`;
  const window = await prisma.window.findFirstOrThrow({ where: { centerId: center.id }, orderBy: { number: "asc" } });
  windowId = window.id;
  windowNumber = window.number;
  staffAccount = accounts.STAFF;
  supervisorAccount = accounts.SUPERVISOR;
  const staff = await prisma.staff.findUniqueOrThrow({ where: { id: accounts.STAFF.staffId ?? -1 } });
  staffName = staff.name;
  await prisma.shift.updateMany({ where: { windowId, endedAt: null }, data: { endedAt: new Date(Date.now() - 1000) } });
  await prisma.shift.create({ data: { centerId: center.id, windowId, staffId: staff.id, startedAt: new Date(Date.now() - 60_000) } });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("the rating pad", () => {
  it("pairs with a code, shows the staff on duty, and a rating reaches the database and a supervisor's feed within a second", async () => {
    const feed = connect(`${server.url}/supervisor`, { forceNew: true, transports: ["websocket"], extraHeaders: { cookie: supervisorCookie } });
    unpackSupervisorBatches(feed);
    await new Promise<void>((resolve) => feed.once("connect", () => resolve()));
    const { page, deviceId, close } = await pairedPage("e2e 评价器");
    try {
      await page.getByText(staffName).first().waitFor();
      const violations = await axeViolations(page, "idle");
      await screenshot(page, "kiosk-idle");

      const heard = new Promise<{ item: EvaluationFeedItem; at: number }>((resolve) =>
        feed.once("evaluation.created", (env: { data: EvaluationFeedItem }) => resolve({ item: env.data, at: Date.now() })),
      );
      await page.getByRole("button", { name: "满意", exact: true }).click();
      await page.getByRole("button", { name: "态度友好" }).click();
      violations.push(...(await axeViolations(page, "reasons")));
      await screenshot(page, "kiosk-reasons");
      await page.getByLabel(/意见建议/).fill("窗口服务很好");
      const submittedAt = Date.now();
      await page.getByRole("button", { name: "提交评价" }).click();
      await page.getByText("感谢您的评价！").waitFor();
      violations.push(...(await axeViolations(page, "thanks")));
      const { item, at } = await heard;
      expect(at - submittedAt).toBeLessThan(1000);
      expect(item).toMatchObject({ level: 4, reasons: ["L4-07"], comment: "窗口服务很好", windowNumber, staffName });
      const row = await server.services.prisma.evaluation.findUniqueOrThrow({ where: { id: item.id } });
      expect(row).toMatchObject({ deviceId, level: 4, channel: "HALL_PAD" });

      await page.getByRole("button", { name: "English" }).click();
      await page.getByText("Very satisfied").waitFor({ timeout: 10_000 });
      violations.push(...(await axeViolations(page, "idle-en")));

      // Revoked by the administrator: the pad is told at once and says so.
      await page.getByRole("button", { name: "中文" }).click();
      expect((await admin.post(`/api/devices/${deviceId}/revoke`, {})).status).toBe(200);
      await page.getByText("本评价器已停用，请联系管理员").waitFor({ timeout: 5_000 });
      violations.push(...(await axeViolations(page, "revoked")));
      await screenshot(page, "kiosk-revoked");
      expect(violations).toEqual([]);
    } finally {
      feed.close();
      await close();
    }
  });

  it("staff invite from their home page, the pad shows it, and the supervisor's 实时评价 page shows the rating within a second", async () => {
    const { page: pad, close: closePad } = await pairedPage("e2e 邀请评价器");
    const staff = await signedInPage(staffAccount, "/");
    const sup = await signedInPage(supervisorAccount, "/evaluations");
    try {
      await sup.page.getByTestId("feed-status").getByText("实时").waitFor({ timeout: 10_000 });
      await staff.page.getByTestId("invite-rating").click();
      await staff.page.getByTestId("invite-sent").waitFor();
      await pad.getByText("工作人员邀请您评价本次服务").waitFor({ timeout: 5_000 });
      violationsAll.push(...(await axeViolations(pad, "invited")));
      await pad.getByRole("button", { name: "非常不满意", exact: true }).click();
      await pad.getByRole("button", { name: "推诿扯皮" }).click();
      await pad.getByLabel(/意见建议/).fill("邀请后的评价");
      await pad.getByRole("button", { name: "提交评价" }).click();
      // The bad review's callback number (#6): typed on the number pad, sent only with the consent ticked
      await pad.getByText("是否需要我们回访？").waitFor();
      for (const digit of "13812345678") await pad.getByRole("group", { name: "手机号" }).getByRole("button", { name: digit, exact: true }).click();
      const send = pad.getByRole("button", { name: "提交", exact: true });
      expect(await send.isDisabled()).toBe(true);
      await pad.getByLabel(/仅用于本次差评的回访核实，整改结束后 30 天删除/).check();
      violationsAll.push(...(await axeViolations(pad, "callback")));
      const submittedAt = Date.now();
      await send.click();
      await sup.page.getByTestId("feed-item").filter({ hasText: "邀请后的评价" }).waitFor({ timeout: 5_000 });
      expect(Date.now() - submittedAt).toBeLessThan(1000);
      await screenshot(sup.page, "evaluations-feed");
      const row = await server.services.prisma.evaluation.findFirstOrThrow({ where: { comment: "邀请后的评价" } });
      expect(row).toMatchObject({ level: 1, bound: true, reasons: ["L1-04"] });
      const ticket = await server.services.prisma.rectification.findUniqueOrThrow({ where: { id: row.id } });
      expect(ticket.citizenPhoneEnc).toMatch(/^v1:/);
      expect(ticket.citizenPhoneEnc).not.toContain("13812345678");
      expect(violationsAll).toEqual([]);
    } finally {
      await Promise.all([closePad(), staff.close(), sup.close()]);
    }
  });

  it("an administrator adds a pad on 评价器管理 and the pad pairs with the code shown once", async () => {
    const accounts = await demoAccounts(server, (await server.services.prisma.center.findFirstOrThrow({ orderBy: { id: "asc" } })).id);
    const adminPage = await signedInPage(accounts.ADMIN, "/devices");
    const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1280, height: 800 } });
    try {
      const { page } = adminPage;
      await page.locator("input#windowId").click();
      await page.locator("input#windowId").fill(String(windowNumber));
      await page.keyboard.press("Enter");
      await page.getByTestId("pad-name").fill("界面添加的评价器");
      await page.getByTestId("pad-add").click();
      const code = (await page.getByTestId("pairing-code").textContent({ timeout: 10_000 }))?.trim() ?? "";
      expect(code).toMatch(/^\d{8}$/);
      await screenshot(page, "devices-pairing-code");
      const pad = await context.newPage();
      await pad.goto(`${server.url}/kiosk/`);
      await pad.getByLabel("配对码").fill(code);
      await pad.getByRole("button", { name: "配对" }).click();
      await pad.getByText(`${windowNumber}号窗口`).waitFor({ timeout: 10_000 });
      await page.keyboard.press("Escape");
      await page.reload();
      await page.getByTestId("pads-table").getByText("界面添加的评价器").waitFor();
      const row = page.getByTestId("pads-table").getByRole("row").filter({ hasText: "界面添加的评价器" });
      expect(await row.getByText("已配对").count()).toBe(1);
      // Connected now, and seen just now; once the pad is closed the list (refreshing itself) says offline.
      await row.getByText("在线", { exact: true }).waitFor({ timeout: 5_000 });
      expect(await row.getByText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/).count()).toBe(1);
      await context.close();
      await page.reload();
      await row.getByText("离线", { exact: true }).waitFor({ timeout: 10_000 });
    } finally {
      await Promise.all([adminPage.close(), context.close()]);
    }
  });

  it("keeps three ratings made offline through a reload and sends each exactly once when the network returns", async () => {
    const { page, deviceId, close } = await pairedPage("e2e 离线评价器");
    try {
      await page.waitForTimeout(1000); // the service worker installs and caches the shell
      await page.reload();
      await page.getByText(`${windowNumber}号窗口`).waitFor();
      await page.context().setOffline(true);
      await page.getByText("离线").waitFor({ timeout: 15_000 });
      await rate(page, "非常满意", "一次办成");
      await page.waitForTimeout(5_100); // repeated taps within 5 s are ignored
      await rate(page, "基本满意");
      await page.waitForTimeout(5_100);
      await rate(page, "不满意", "办理时间长");
      await page.getByTestId("unsent").getByText("待发送 3").waitFor();
      await screenshot(page, "kiosk-offline");
      expect(await server.services.prisma.evaluation.count({ where: { deviceId } })).toBe(0);

      await page.reload();
      await page.getByTestId("unsent").getByText("待发送 3").waitFor({ timeout: 10_000 });
      await page.context().setOffline(false);
      await page.getByTestId("unsent").waitFor({ state: "detached", timeout: 20_000 });
      const rows = await server.services.prisma.evaluation.findMany({ where: { deviceId }, orderBy: { ratedAt: "asc" } });
      expect(rows.map((r) => r.level)).toEqual([5, 3, 2]);
      expect(new Set(rows.map((r) => r.id)).size).toBe(3);
    } finally {
      await close();
    }
  }, 120_000);
});
