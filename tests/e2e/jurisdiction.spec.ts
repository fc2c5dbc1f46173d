import { expect, test } from "@playwright/test";
import { expectNoA11yViolations, signInOk, sql, openSealed } from "./support";

test("a station officer who types another station's alert URL gets 'not found'", async ({ page }) => {
  const [own] = await sql<{ id: string }>(
    `SELECT a.id FROM alert a JOIN org_unit s ON s.id = a.station_id WHERE s.code = 'D03S01' LIMIT 1`,
  );
  const [other] = await sql<{ id: string }>(
    `SELECT a.id FROM alert a JOIN org_unit s ON s.id = a.station_id WHERE s.code = 'D03S02' LIMIT 1`,
  );
  await signInOk(page, "officer.d03s01");

  await page.goto(`/alerts/${own!.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "预警详情" })).toBeVisible();
  await expectNoA11yViolations(page, "an alert, read-only for a station officer");

  const response = await page.goto(`/alerts/${other!.id}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "未找到" })).toBeVisible();
  await expect(page.getByText("不在您的管辖范围内")).toBeVisible();
  await expectNoA11yViolations(page, "the not-found page");
});

test("a bank liaison cannot open alerts at all", async ({ page }) => {
  const [any] = await sql<{ id: string }>(`SELECT id FROM alert LIMIT 1`);
  await signInOk(page, "bank.abc");
  const response = await page.goto(`/alerts/${any!.id}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "未找到" })).toBeVisible();
});

test("screens of other roles answer 'not found' to a typed URL", async ({ page }) => {
  await signInOk(page, "officer.d04s01");
  for (const path of ["/admin/users", "/audit", "/bank-desk"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "未找到" })).toBeVisible();
  }
});

test("personal data is masked until an analyst gives a reason; the reveal is audited", async ({ page }) => {
  const [stored] = await sql<{ id: string; phone_sealed: string }>(
    `SELECT a.id, a.phone_sealed FROM alert a JOIN org_unit c ON c.id = a.city_id AND c.code = 'JZ' WHERE a.station_id IS NOT NULL ORDER BY a.detected_at DESC LIMIT 1`,
  );
  // Stored sealed: the test opens it with the run's keys to know what the page should show.
  const row = { id: stored!.id, phone: openSealed("phone", stored!.phone_sealed) };
  await signInOk(page, "analyst4");
  await page.goto(`/alerts/${row.id}`);
  const phone = page.getByTestId("person-phone");
  await expect(phone).toHaveText(`${row.phone.slice(0, 3)}****${row.phone.slice(7)}`);
  await page.getByRole("button", { name: "查看完整信息: 预警号码" }).click();
  await expectNoA11yViolations(page, "an alert with the reveal form open");
  await page.getByPlaceholder("例如：电话劝阻需要拨号").fill("电话劝阻需要拨号");
  await page.getByRole("button", { name: "确认查看" }).click();
  await expect(phone).toHaveText(row.phone);
  expect(page.url()).not.toContain(row.phone);
  const audits = await sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM audit_event e JOIN app_user u ON u.id = e.actor_id
     WHERE u.username = 'analyst4' AND e.action = 'alert.revealPhone' AND e.entity_id = $1`,
    [row.id],
  );
  expect(audits[0]!.n).toBe(1);
});
