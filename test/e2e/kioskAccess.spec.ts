// The pad for elderly and low-vision citizens (适老化), in Chromium: the optional zh-CN voice prompt
// (Web Speech API: speechSynthesis.speak is recorded by an init script, the one mock at the edge of
// the world — headless Chromium has no voices), the portrait layout of a 10-inch tablet (every touch
// target ≥ 64 px, nothing cut off, no horizontal scroll, axe-core 0 violations), and the staff's
// 取消邀请 button taking an invitation back from the pad.
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InvitationDto } from "../../server/src/contracts/evaluations.ts";
import { issueDeviceToken } from "../../server/src/domain/devices/manageDevices.ts";
import { ApiClient } from "../support/apiClient.ts";
import { demoAccounts, type DemoAccount } from "../support/demoUsers.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";
import { launchBrowser, screenshot } from "./support/browser.ts";

const AXE = path.resolve(import.meta.dirname, "..", "..", "node_modules", "axe-core", "axe.min.js");
const PORTRAIT = { width: 800, height: 1280 };

let server: TestServer;
let browser: Browser;
let supervisor: ApiClient;
let staffAccount: DemoAccount;
let centerId: number;
let windowId: number;
let windowNumber: number;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ env: { WALKUP_MIN_INTERVAL_S: "0" } }), launchBrowser()]);
  const { prisma } = server.services;
  const center = await prisma.center.findFirstOrThrow({ orderBy: { id: "asc" } });
  centerId = center.id;
  const accounts = await demoAccounts(server, centerId);
  staffAccount = accounts.STAFF;
  supervisor = new ApiClient(server.url);
  await supervisor.login(accounts.SUPERVISOR.username, accounts.SUPERVISOR.password);
  const window = await prisma.window.findFirstOrThrow({ where: { centerId, number: 3 } });
  windowId = window.id;
  windowNumber = window.number;
  // The staff account is on duty at the window (the shifts #3 records).
  await prisma.shift.updateMany({ where: { windowId, endedAt: null }, data: { endedAt: new Date(Date.now() - 1000) } });
  await prisma.shift.updateMany({ where: { staffId: staffAccount.staffId ?? -1, endedAt: null }, data: { endedAt: new Date(Date.now() - 1000) } });
  await prisma.shift.create({ data: { centerId, windowId, staffId: staffAccount.staffId!, startedAt: new Date(Date.now() - 60_000) } });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A pad page for the window, provisioned with a token in the address (as npm run kiosk:token hands out). */
async function padPage(viewport: { width: number; height: number }, initScript?: () => void): Promise<{ page: Page; close: () => Promise<void> }> {
  const { token } = await issueDeviceToken(server.services, { centerId, windowId, name: "e2e 适老化评价器", auditActor: { userId: null, role: "SYSTEM", centerId } });
  const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", viewport, hasTouch: true });
  if (initScript) await context.addInitScript(initScript);
  const page = await context.newPage();
  await page.goto(`${server.url}/kiosk/#token=${token}`);
  await page.getByText(`${windowNumber}号窗口`).waitFor({ timeout: 10_000 });
  return { page, close: () => context.close() };
}

const invite = async () => {
  const res = await supervisor.post<InvitationDto>("/api/invitations", { windowId });
  expect(res.status).toBe(201);
  return res.body;
};

async function axeViolations(page: Page, screen: string): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const ids = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const r = await axe.run(document);
    return r.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
  return ids.map((i) => `${screen} ${i}`);
}

interface LayoutReport {
  smallTargets: string[];
  cutOff: string[];
  horizontalScroll: boolean;
  verticalOverflow: boolean;
}

/** Every touch target's size, anything outside the viewport, and whether the page scrolls sideways. */
function layoutReport(page: Page): Promise<LayoutReport> {
  return page.evaluate(() => {
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(" ").join(".")}` : ""} "${(el.textContent ?? "").trim().slice(0, 20)}"`;
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && s.visibility !== "hidden" && s.display !== "none";
    };
    const targets = [...document.querySelectorAll("button, a[href], input, textarea, select, [role=button], [tabindex]:not([tabindex='-1'])")].filter(visible);
    const smallTargets = targets
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width < 64 || r.height < 64)
      .map(({ el, r }) => `${name(el)} ${Math.round(r.width)}×${Math.round(r.height)}`);
    const vw = document.documentElement.clientWidth;
    const cutOff = [...document.querySelectorAll("main *")]
      .filter(visible)
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.left < -1 || r.right > vw + 1;
      })
      .map(name);
    return {
      smallTargets,
      cutOff,
      horizontalScroll: document.documentElement.scrollWidth > vw,
      verticalOverflow: document.documentElement.scrollHeight > window.innerHeight,
    };
  });
}

describe("the pad for elderly and low-vision citizens", () => {
  it("speaks the invitation, the chosen level and the thanks in zh-CN when the voice prompt is on, and stays silent when off", async () => {
    const { page, close } = await padPage({ width: 1280, height: 800 }, () => {
      // Headless Chromium has no voices: record what the pad asks the Web Speech API to say.
      const spoken: { text: string; lang: string }[] = [];
      (window as unknown as { __spoken: typeof spoken }).__spoken = spoken;
      Object.defineProperty(window, "speechSynthesis", {
        configurable: true,
        value: { speak: (u: SpeechSynthesisUtterance) => spoken.push({ text: u.text, lang: u.lang }), cancel: () => undefined },
      });
    });
    const spoken = () => page.evaluate(() => (window as unknown as { __spoken: { text: string; lang: string }[] }).__spoken.slice());
    try {
      // Off by default: an invitation is shown, nothing is said.
      const first = await invite();
      await page.getByText("工作人员邀请您评价本次服务").waitFor({ timeout: 5_000 });
      expect(await spoken()).toEqual([]);
      expect((await supervisor.post(`/api/invitations/${first.id}/cancel`, {})).status).toBe(200);
      await page.getByText("工作人员邀请您评价本次服务").waitFor({ state: "detached", timeout: 5_000 });

      await page.getByRole("button", { name: "语音提示：关" }).click();
      await page.getByRole("button", { name: "语音提示：开" }).waitFor();
      await invite();
      await page.getByText("工作人员邀请您评价本次服务").waitFor({ timeout: 5_000 });
      await page.getByRole("button", { name: "非常满意", exact: true }).click();
      await page.getByRole("button", { name: "提交评价" }).click();
      await page.getByText("感谢您的评价！").waitFor();
      expect(await spoken()).toEqual([
        { text: "工作人员邀请您评价本次服务", lang: "zh-CN" },
        { text: "非常满意。请选择原因（可多选，可不选）", lang: "zh-CN" },
        { text: "感谢您的评价！", lang: "zh-CN" },
      ]);
      // The choice is remembered on the pad across a reload.
      await page.reload();
      await page.getByRole("button", { name: "语音提示：开" }).waitFor({ timeout: 10_000 });
    } finally {
      await close();
    }
  });

  it("fits a 10-inch tablet in portrait: touch targets ≥ 64 px, nothing cut off, no sideways scroll, 0 axe violations", async () => {
    const { page, close } = await padPage(PORTRAIT);
    const problems: string[] = [];
    const check = async (screen: string, opts: { mayScrollDown?: boolean } = {}) => {
      const r = await layoutReport(page);
      problems.push(...r.smallTargets.map((s) => `${screen}: small target ${s}`), ...r.cutOff.map((s) => `${screen}: cut off ${s}`));
      if (r.horizontalScroll) problems.push(`${screen}: horizontal scroll`);
      if (r.verticalOverflow && !opts.mayScrollDown) problems.push(`${screen}: taller than the screen`);
      problems.push(...(await axeViolations(page, screen)));
      await screenshot(page, `kiosk-portrait-${screen}`);
    };
    try {
      await check("idle");
      await invite();
      await page.getByText("工作人员邀请您评价本次服务").waitFor({ timeout: 5_000 });
      await check("invited");
      await page.getByRole("button", { name: "基本满意", exact: true }).click();
      await page.getByRole("button", { name: "提交评价" }).waitFor();
      // Eight reasons, a comment box and the buttons may need a scroll down, never sideways.
      await check("reasons", { mayScrollDown: true });
      await page.getByRole("button", { name: "提交评价" }).click();
      await page.getByText("感谢您的评价！").waitFor();
      await check("thanks");
      await page.getByRole("button", { name: "English" }).click();
      await page.getByText("Please rate the service you just received").waitFor({ timeout: 10_000 });
      await check("idle-en");
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it("a staff member's 取消邀请 takes the invitation back: the pad returns to its idle screen", async () => {
    const { page: pad, close: closePad } = await padPage({ width: 1280, height: 800 });
    const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", viewport: { width: 1366, height: 800 } });
    const staff = await context.newPage();
    try {
      await staff.goto(`${server.url}/login`);
      await staff.getByLabel("用户名").fill(staffAccount.username);
      await staff.getByLabel("密码").fill(staffAccount.password);
      await staff.getByRole("button", { name: /登\s*录/ }).click();
      await staff.getByTestId("invite-rating").click();
      await staff.getByTestId("invite-sent").waitFor();
      await pad.getByText("工作人员邀请您评价本次服务").waitFor({ timeout: 5_000 });
      await staff.getByTestId("invite-cancel").click();
      await staff.getByTestId("invite-cancelled").waitFor();
      await pad.getByText("工作人员邀请您评价本次服务").waitFor({ state: "detached", timeout: 5_000 });
      await pad.getByText("请您对本次服务作出评价").waitFor();
      const open = await server.services.prisma.invitation.count({ where: { windowId, cancelledAt: null, evaluation: { is: null }, expiresAt: { gt: new Date() } } });
      expect(open).toBe(0);
    } finally {
      await Promise.all([closePad(), context.close()]);
    }
  });
});
