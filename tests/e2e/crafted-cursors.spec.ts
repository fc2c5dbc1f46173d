import { expect, test, type Page } from "@playwright/test";
import { signInOk } from "./support";

// A page link edited by hand (its cursor crafted) gets a clear message in the user's language and
// a way back to the first page, never the error page.
const INVALID_PAGE = "该翻页链接无效或已过期，请回到第一页重新浏览。";
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const ID = "3f2b8c1e-9a4d-4e7b-8c2f-1a2b3c4d5e6f";

async function expectInvalidPage(page: Page, url: string, firstPage: string, rowTestId: string) {
  const response = await page.goto(url);
  expect(response?.status()).toBe(200);
  await expect(page.getByTestId("form-message")).toHaveText(INVALID_PAGE);
  await expect(page.getByTestId(rowTestId)).toHaveCount(0);
  await page.getByRole("link", { name: firstPage, exact: true }).click();
  await expect(page.getByTestId(rowTestId).first()).toBeVisible();
  await expect(page.getByTestId("form-message")).toHaveCount(0);
}

test("a supervisor's crafted alert-list link and an auditor's crafted audit-trail link", async ({ page, browser }) => {
  await signInOk(page, "leader");
  await expectInvalidPage(page, `/alerts?cursor=${b64({ d: new Date(-8.64e15).toISOString(), i: ID })}`, "回到第一页", "alert-row");
  const auditor = await (await browser.newContext()).newPage();
  await signInOk(auditor, "auditor");
  await expectInvalidPage(auditor, "/audit?cursor=9223372036854775808", "最新记录", "audit-row");
});

test("an analyst's crafted queue link", async ({ page }) => {
  await signInOk(page, "analyst3");
  await expectInvalidPage(page, `/queue?cursor=${b64({ r: "toString", d: "2026-11-21T09:30:00.000Z", i: ID })}`, "回到第一页", "queue-row");
});
