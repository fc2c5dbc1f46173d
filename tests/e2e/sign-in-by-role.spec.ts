import { expect, test } from "@playwright/test";
import { expectNoA11yViolations, signInOk, sql } from "./support";

// Every role signs in and lands on its own first screen, in Chinese.
const JOURNEYS = [
  { username: "analyst1", path: "/queue", heading: "研判队列", role: "研判员" },
  { username: "leader", path: "/instructions", heading: "指令总览", role: "中心领导" },
  { username: "coord.d02", path: "/district", heading: "分局指令", role: "分局专班" },
  { username: "officer.d02s01", path: "/inbox", heading: "站内指令", role: "派出所民警" },
  { username: "bank.cmb", path: "/bank-desk", heading: "止付冻结工作台", role: "驻中心银行专员" },
  { username: "admin", path: "/admin/users", heading: "用户管理", role: "系统管理员" },
  { username: "secadmin", path: "/admin/users", heading: "用户管理", role: "安全管理员" },
  { username: "auditor", path: "/audit", heading: "审计日志", role: "审计管理员" },
  { username: "wall", path: "/wall", heading: "大屏", role: "大屏" },
  { username: "prov.admin", path: "/admin/users", heading: "用户管理", role: "系统管理员" },
];

for (const j of JOURNEYS) {
  test(`${j.username} lands on ${j.path} in Chinese`, async ({ page }) => {
    await signInOk(page, j.username);
    await expect(page).toHaveURL(new RegExp(`${j.path}$`));
    await expect(page.getByRole("heading", { level: 1, name: j.heading })).toBeVisible();
    await expect(page.getByTestId("current-user")).toContainText(j.role);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    // The seed's open alerts include overdue ones: the queue is checked with its red rows showing.
    if (j.path === "/queue") await expect(page.locator('[data-testid="queue-row"][data-overdue="true"]').first()).toBeVisible();
    await expectNoA11yViolations(page, `${j.path} as ${j.username}`);
  });
}

test("a station officer's list shows only their own station", async ({ page }) => {
  await signInOk(page, "officer.d02s01");
  // Officers land on their inbox; their station's alerts are one link away.
  await expect(page).toHaveURL(/\/inbox$/);
  await page.goto("/alerts");
  await expect(page.getByTestId("alert-scope")).toContainText("本所预警");
  const cells = page.getByTestId("alert-jurisdiction");
  await expect(cells.first()).toBeVisible();
  const texts = await cells.allTextContents();
  const stations = new Set(texts.map((t) => t.split("·")[1]?.trim()));
  expect(stations.size).toBe(1);
});

test("the bank liaison lands on its desk with the requests sent to its bank, and only those", async ({ page }) => {
  await signInOk(page, "bank.cmb");
  await expect(page.getByTestId("bank-name")).toContainText("招商银行");
  const open = await sql<{ n: string }>(
    `SELECT count(*)::text AS n FROM bank_request r JOIN bank b ON b.id = r.bank_id JOIN org_unit c ON c.id = r.city_id
     WHERE b.code = 'CMB' AND c.code = 'JZ' AND r.via_desk AND r.status IN ('SENT', 'ACCEPTED')`,
  );
  expect(Number(open[0]!.n)).toBeGreaterThan(0);
  await expect(page.getByTestId("desk-request")).toHaveCount(Number(open[0]!.n));
  await expect(page.getByTestId("bank-desk-empty")).toHaveCount(0);
});

test("signing out ends the session: the console sends you back to sign-in", async ({ page }) => {
  await signInOk(page, "analyst2");
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/alerts");
  await expect(page).toHaveURL(/\/login$/);
  await expectNoA11yViolations(page, "the sign-in page");
});

test("the console switches to English and back", async ({ page }) => {
  await signInOk(page, "coord.d07");
  await page.getByLabel("语言").selectOption("en");
  await expect(page.getByRole("heading", { level: 1, name: "District work" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expectNoA11yViolations(page, "the district view in English");
  await page.getByLabel("Language").selectOption("zh-CN");
  await expect(page.getByRole("heading", { level: 1, name: "分局指令" })).toBeVisible();
});
