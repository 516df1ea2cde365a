// What the #4 browser tests (inquiries, complaints, outbox) do alike: sign a person in with a fresh
// context, pick from an antd select (by clicking, or by typing into its own search box and retrying
// until the option shows, which survives a loaded machine), and confirm the open dialog.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";

export async function signInAs(browser: Browser, url: string, username: string, password: string, contexts: BrowserContext[]): Promise<Page> {
  const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", viewport: { width: 1440, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${url}/login`);
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: /登\s*录/ }).click();
  await page.getByTestId("home-heading").waitFor({ timeout: 15_000 });
  return page;
}

const visibleOption = (page: Page, text: string) => page.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: text }).first();

/** Waits for the dropdown to close, so the next field is not under its closing animation on a loaded machine. */
const dropdownClosed = (page: Page) => page.locator(".ant-select-dropdown:visible").first().waitFor({ state: "hidden" });

export async function pickOption(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click();
  await visibleOption(page, text).click();
  await dropdownClosed(page);
}

export async function searchOption(page: Page, testId: string, typed: string, optionText = typed): Promise<void> {
  const select = page.getByTestId(testId);
  const option = visibleOption(page, optionText);
  await expect
    .poll(
      async () => {
        await select.click();
        await select.locator("input").fill(typed);
        return option.isVisible();
      },
      { timeout: 20_000, interval: 500 },
    )
    .toBe(true);
  await option.click();
  await dropdownClosed(page);
}

/** Clicks the primary button of the dialog that is open. */
export const confirmDialog = (page: Page) => page.locator(".ant-modal-wrap:visible .ant-modal-footer button.ant-btn-primary").click();
