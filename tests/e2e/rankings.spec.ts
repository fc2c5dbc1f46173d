import { expect, test } from "@playwright/test";
import { expectNoA11yViolations, signInOk } from "./support";

// 排名: the supervisor reads last month's districts and stations, sorts by an indicator, reads the
// bands in words; a coordinator sees its own district; an officer has no rankings.

/** The month before this one, in Shanghai (the seed covers the twelve months before now). */
function lastMonth(): string {
  const now = new Date(Date.now() + 8 * 3600_000);
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return d.toISOString().slice(0, 7);
}

test("the supervisor ranks districts and stations, sorted by an indicator, with the bands in words", async ({ page }) => {
  await signInOk(page, "leader");
  await page.getByRole("link", { name: "排名" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "排名" })).toBeVisible();
  await page.getByLabel("月份").fill(lastMonth());
  await page.getByRole("button", { name: "查看" }).click();
  await expect(page).toHaveURL(new RegExp(`month=${lastMonth()}`));
  const districts = page.getByTestId("ranking-districts").getByTestId("ranking-row");
  await expect(districts).toHaveCount(10);
  await expect(page.getByTestId("ranking-stations").getByTestId("ranking-row")).toHaveCount(60);
  // A coloured cell always says which band it is in.
  await expect(page.getByTestId("rank-band").first()).toHaveText(/前25%|后25%/);
  await expect(page.getByText("着色说明")).toBeVisible();
  await expectNoA11yViolations(page, "/rankings as leader");

  await page.getByRole("link", { name: "按按时签收率从高到低排序" }).first().click();
  await expect(page).toHaveURL(/sort=onTimeSignOff/);
  await expect(page.getByText("已按按时签收率从高到低排序")).toBeVisible();
  const rates = await page.getByTestId("ranking-stations").locator('[data-indicator="onTimeSignOff"]').allTextContents();
  const values = rates.filter((r) => r.includes("%")).map((r) => Number.parseFloat(r));
  expect(values.length).toBeGreaterThan(10);
  expect([...values].sort((a, b) => b - a)).toEqual(values);
});

test("a coordinator sees its own district and stations; an officer has no rankings", async ({ page }) => {
  await signInOk(page, "coord.d01");
  await page.goto(`/rankings?month=${lastMonth()}`);
  await expect(page.getByTestId("ranking-scope")).toContainText("东湖分局");
  await expect(page.getByTestId("ranking-districts").getByTestId("ranking-row")).toHaveCount(1);
  const stations = await page.getByTestId("ranking-stations").getByTestId("ranking-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-unit")));
  expect(stations).toEqual(["D01S01", "D01S02", "D01S03", "D01S04", "D01S05", "D01S06"]);
  await page.goto("/rankings?month=2026-13&sort=nonsense");
  await expect(page.getByText("月份格式应为")).toBeVisible();

  await page.getByRole("button", { name: "退出登录" }).click();
  await signInOk(page, "officer.d01s01");
  await expect(page.getByRole("link", { name: "排名" })).toHaveCount(0);
  await page.goto("/rankings");
  await expect(page.getByRole("heading", { level: 1, name: "排名" })).toHaveCount(0);
});
