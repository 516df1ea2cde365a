// Choosing from an antd Select in Chromium, reliably on a loaded 2-core machine. One-shot clicks and
// keystrokes were lost there (CI runs 12 and 14): a click on an option still fading in, a dropdown left
// open over the next field. So: open it if closed, optionally type into its own search box, click the
// option, and repeat until the select itself shows the chosen label; then make sure it is closed.
import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";

export const chooseOption = (page: Page, testId: string, optionText: string, typed?: string): Promise<void> =>
  chooseOptionIn(page, page.getByTestId(testId), optionText, typed);

/** The antd Select around a field found by its label (getByLabel finds the select's own input). */
export const selectOfField = (field: Locator): Locator => field.locator("xpath=ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' ant-select ')][1]");

/** As chooseOption, for a Select given as a locator. */
export async function chooseOptionIn(page: Page, select: Locator, optionText: string, typed?: string): Promise<void> {
  const input = select.locator("input").first();
  const shows = async () => (await select.innerText()).includes(optionText);
  await expect
    .poll(
      async () => {
        if (await shows()) return true;
        if ((await input.getAttribute("aria-expanded")) !== "true") await select.click();
        if (typed !== undefined) await input.fill(typed);
        const option = page.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: optionText }).first();
        await option.click({ timeout: 2_000 }).catch(() => undefined); // not shown yet: the next round retries
        return shows();
      },
      { timeout: 30_000, interval: 300 },
    )
    .toBe(true);
  await expect
    .poll(
      async () => {
        if ((await input.getAttribute("aria-expanded")) !== "true") return true;
        await input.press("Tab");
        return false;
      },
      { timeout: 10_000, interval: 200 },
    )
    .toBe(true);
}
