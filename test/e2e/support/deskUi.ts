// What the #4 browser tests (inquiries, complaints, outbox) do alike: sign a person in with a fresh
// context, pick from an antd select (by clicking, or by typing into its own search box and retrying
// until the option shows, which survives a loaded machine), and confirm the open dialog.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { chooseOption } from "./antdSelect.ts";

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

export const pickOption = (page: Page, testId: string, text: string): Promise<void> => chooseOption(page, testId, text);

export const searchOption = (page: Page, testId: string, typed: string, optionText = typed): Promise<void> => chooseOption(page, testId, optionText, typed);

/** Clicks the primary button of the dialog that is open. */
export const confirmDialog = (page: Page) => page.locator(".ant-modal-wrap:visible .ant-modal-footer button.ant-btn-primary").click();
