// Each demo login lands on its role's home and sees exactly its role's navigation, in a real browser.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NAV_BY_ROLE, NAV_KEYS } from "../../server/src/contracts/navigation.ts";
import { ROLES, ROLE_LABELS, type Role } from "../../server/src/contracts/roles.ts";
import { demoAccounts, type DemoAccount } from "../support/demoUsers.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";
import { launchBrowser, screenshot } from "./support/browser.ts";

let server: TestServer;
let browser: Browser;
let accounts: Record<Role, DemoAccount>;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  const center = await server.services.prisma.center.findFirstOrThrow({ orderBy: { id: "asc" } });
  accounts = await demoAccounts(server, center.id);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("signing in as each role", () => {
  for (const role of ROLES) {
    it(`${role} lands on its home and sees only its navigation`, async () => {
      const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", viewport: { width: 1366, height: 800 } });
      const page = await context.newPage();
      try {
        await page.goto(`${server.url}/`);
        await page.getByLabel("用户名").fill(accounts[role].username);
        await page.getByLabel("密码").fill(accounts[role].password);
        await page.getByRole("button", { name: /登\s*录/ }).click();
        await page.getByTestId("home-heading").waitFor({ timeout: 15_000 });
        expect(new URL(page.url()).pathname).toBe("/");

        const shown: string[] = [];
        for (const key of NAV_KEYS) if ((await page.getByTestId(`nav-${key}`).count()) > 0) shown.push(key);
        expect(shown).toEqual([...NAV_BY_ROLE[role]]);
        await expect(page.getByText(ROLE_LABELS[role].zh).first().isVisible()).resolves.toBe(true);
        await screenshot(page, `home-${role.toLowerCase()}`);
      } finally {
        await context.close();
      }
    });
  }

  it("a wrong password shows a readable message and stays on the login page", async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${server.url}/login`);
      await page.getByLabel("用户名").fill("leader");
      await page.getByLabel("密码").fill("not-the-password-1");
      await page.getByRole("button", { name: /登\s*录/ }).click();
      await page.getByText("用户名或密码错误").waitFor({ timeout: 10_000 });
      expect(new URL(page.url()).pathname).toBe("/login");
    } finally {
      await page.close();
    }
  });

  it("switches the whole interface to English and back, and remembers the choice", async () => {
    const context = await browser.newContext({ locale: "zh-CN" });
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}/login`);
      await page.getByLabel("用户名").fill(accounts.LEADER.username);
      await page.getByLabel("密码").fill(accounts.LEADER.password);
      await page.getByRole("button", { name: /登\s*录/ }).click();
      await page.getByTestId("home-heading").waitFor();
      await page.getByTestId("language-switch").click();
      await page.getByTestId("nav-departments").getByText("Departments").waitFor();
      expect(await page.locator("html").getAttribute("lang")).toBe("en");
      await page.reload();
      await page.getByTestId("nav-windows").getByText("Windows").waitFor();
      await screenshot(page, "home-leader-en");
      await page.getByTestId("language-switch").click();
      await page.getByTestId("nav-windows").getByText("服务窗口").waitFor();
      expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");
    } finally {
      await context.close();
    }
  });

  it("a page outside the role's navigation shows 无权访问, not a crash", async () => {
    const context = await browser.newContext({ locale: "zh-CN" });
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}/login`);
      await page.getByLabel("用户名").fill(accounts.AUDITOR.username);
      await page.getByLabel("密码").fill(accounts.AUDITOR.password);
      await page.getByRole("button", { name: /登\s*录/ }).click();
      await page.getByTestId("home-heading").waitFor();
      await page.goto(`${server.url}/users`);
      await page.getByText("无权访问").first().waitFor({ timeout: 10_000 });
    } finally {
      await context.close();
    }
  });
});
