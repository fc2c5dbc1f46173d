import { createHash } from "node:crypto";
import { expect, test } from "@playwright/test";
import { expectNoA11yViolations, signInOk, sql } from "./support";

test("the installation's security administrator issues an API key for telecom, sees it once, and revokes it", async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await signInOk(page, "prov.secadmin");
  await page.goto("/admin/sources");
  await expect(page.getByRole("heading", { level: 1, name: "接入来源与密钥" })).toBeVisible();

  const telecom = page.getByTestId("source-telecom");
  await expect(telecom.getByText("运营商", { exact: false }).first()).toBeVisible();
  await telecom.getByRole("button", { name: "生成新密钥" }).click();
  const shown = telecom.getByTestId("new-api-key");
  await expect(shown).toBeVisible();
  const key = await shown.inputValue();
  expect(key).toMatch(/^afk_[A-Za-z0-9_-]{43}$/);
  await expect(telecom.getByText("仅显示这一次")).toBeVisible();
  await expectNoA11yViolations(page, "the sources page showing a new key");
  const prefix = key.slice(0, 8);

  // Stored as its hash only.
  const [row] = await sql<{ key_hash: string; revoked_at: Date | null }>(`SELECT key_hash, revoked_at FROM api_key WHERE prefix = $1`, [prefix]);
  expect(row?.key_hash).toBe(createHash("sha256").update(key).digest("hex"));

  // Once: after a reload the key is nowhere on the page, only its prefix.
  await page.reload();
  await expect(page.getByTestId("new-api-key")).toHaveCount(0);
  expect(await page.content()).not.toContain(key);
  const keyRow = page.getByTestId(`api-key-${prefix}`);
  await expect(keyRow).toContainText(prefix);
  await expect(keyRow).toContainText("有效");

  page.once("dialog", (dialog) => dialog.accept());
  await keyRow.getByRole("button", { name: "吊销" }).click();
  await expect(keyRow).toContainText(/已于 .+ 吊销/);
  await expect(keyRow.getByRole("button", { name: "吊销" })).toHaveCount(0);
  const [after] = await sql<{ revoked_at: Date | null }>(`SELECT revoked_at FROM api_key WHERE prefix = $1`, [prefix]);
  expect(after?.revoked_at).not.toBeNull();
});

test("a city's administrator sets its own urgent first-contact deadline, then goes back to the installation's default", async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await signInOk(page, "admin");
  await page.goto("/admin/deadlines");
  await expect(page.getByRole("heading", { level: 1, name: "处置时限" })).toBeVisible();
  const section = page.getByTestId("deadline-FIRST_CONTACT");
  const urgent = section.getByLabel("紧急");
  await expect(urgent).toHaveValue("5");
  await expect(section.getByRole("row", { name: /紧急/ })).toContainText("平台默认");
  try {
    // A refused value stays in the field with the reason next to it.
    await urgent.fill("0");
    await section.getByRole("button", { name: "保存" }).click();
    await expect(section.getByText("请输入 1–43200 之间的整数（分钟，最长 30 天）")).toBeVisible();
    await expect(urgent).toHaveValue("0");
    await expectNoA11yViolations(page, "the deadlines page with a refused value");

    await urgent.fill("4");
    await section.getByRole("button", { name: "保存" }).click();
    await expect(section.getByText("已保存，1 项时限已更新")).toBeVisible();
    await page.reload();
    await expect(page.getByTestId("deadline-FIRST_CONTACT").getByLabel("紧急")).toHaveValue("4");
    await expect(page.getByTestId("deadline-FIRST_CONTACT").getByRole("row", { name: /紧急/ })).toContainText("本市设置");
    const [audit] = await sql<{ details: { from: { amount: number }; to: { amount: number } } }>(
      `SELECT details FROM audit_event WHERE action = 'deadline.update' AND entity_id = 'FIRST_CONTACT:URGENT' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit?.details).toMatchObject({ from: { amount: 5 }, to: { amount: 4 } });
  } finally {
    // Other specs ingest alerts: back to the installation's default.
    await page.goto("/admin/deadlines");
    const reset = page.getByTestId("deadline-FIRST_CONTACT").getByRole("button", { name: "恢复平台默认" });
    if (await reset.count()) {
      await reset.click();
      await expect(page.getByTestId("deadline-FIRST_CONTACT").getByText(/已恢复平台默认/)).toBeVisible();
    }
  }
  await expect(page.getByTestId("deadline-FIRST_CONTACT").getByLabel("紧急")).toHaveValue("5");
});

test("a city's administrator gives a playbook the city's own text; a second tab with the old version gets a conflict", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInOk(page, "admin");
  await page.goto("/admin/playbooks");
  await expect(page.getByRole("heading", { level: 1, name: "劝阻话术" })).toBeVisible();
  await expectNoA11yViolations(page, "the playbooks list");
  await page.getByRole("link", { name: "编辑“冒充军警购物”劝阻话术" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "编辑劝阻话术：冒充军警购物" })).toBeVisible();

  // The same playbook open in a second tab, loaded before the first tab saves.
  const stale = await context.newPage();
  await stale.goto(page.url());
  await expect(stale.getByRole("heading", { level: 1, name: "编辑劝阻话术：冒充军警购物" })).toBeVisible();

  const marker = `· 上门核实时请出示工作证件（${Date.now()}）`;
  const form = page.getByRole("form", { name: "劝阻话术" });
  const content = form.getByLabel("话术内容");
  await content.fill(`${await content.inputValue()}\n${marker}`);
  await form.getByRole("button", { name: "保存话术" }).click();
  await expect(page.getByText("话术已保存。")).toBeVisible();

  const staleForm = stale.getByRole("form", { name: "劝阻话术" });
  await staleForm.getByLabel("标题").fill("旧版本上的修改");
  await staleForm.getByRole("button", { name: "保存话术" }).click();
  await expect(stale.getByText("该记录已被他人修改，请刷新后重试。")).toBeVisible();
  // The refused text is still there to copy.
  await expect(staleForm.getByLabel("标题")).toHaveValue("旧版本上的修改");
  await expectNoA11yViolations(stale, "the playbook editor with a conflict");

  const [row] = await sql<{ title: string; content: string }>(`SELECT title, content FROM playbook WHERE fraud_type = 'IMPERSONATE_MILITARY' AND city_id IS NOT NULL`);
  expect(row?.content).toContain(marker);
  expect(row?.title).not.toBe("旧版本上的修改");

  await page.goto("/admin/playbooks");
  await expect(page.getByTestId("playbook-IMPERSONATE_MILITARY")).toContainText(/\d{2}:\d{2} 由 .+ 修改/);
});

test("the installation's administrator enters a year of the working-day calendar, line errors first; and adds a payment institution, then deactivates it", async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await signInOk(page, "prov.admin");
  // A year no other spec touches; the dates are made up for the test, not an official arrangement.
  await page.goto("/admin/calendar?year=2031");
  await expect(page.getByRole("heading", { level: 1, name: "工作日历" })).toBeVisible();
  try {
    const form = page.getByRole("form", { name: "批量录入 2031 年" });
    const lines = form.getByLabel("节假日与调休安排");
    await lines.fill("2031-10-01~2031-10-03 休 测试假期\n2031-10-06 班 测试调休");
    await form.getByRole("button", { name: "全部录入" }).click();
    await expect(form.getByText("第 2 行：周一至周五本来就是工作日")).toBeVisible();
    await expectNoA11yViolations(page, "the calendar with a line error");
    await lines.fill("2031-10-01~2031-10-03 休 测试假期\n2031-10-04 班 测试调休");
    await form.getByRole("button", { name: "全部录入" }).click();
    await expect(form.getByText("已录入 2031 年：新增 4 天")).toBeVisible();
    await expect(page.getByTestId("calendar-day-2031-10-04")).toContainText("星期六");
    page.once("dialog", (dialog) => dialog.accept());
    await page.getByTestId("calendar-day-2031-10-04").getByRole("button", { name: "删除" }).click();
    await expect(page.getByTestId("calendar-day-2031-10-04")).toHaveCount(0);
  } finally {
    await sql(`DELETE FROM calendar_day WHERE day BETWEEN '2031-01-01' AND '2031-12-31'`);
  }

  await page.goto("/admin/banks");
  await expect(page.getByRole("heading", { level: 1, name: "银行与支付机构" })).toBeVisible();
  const code = `E2E${Date.now().toString(36).toUpperCase()}`.slice(0, 16);
  const create = page.getByRole("form", { name: "新增银行或支付机构" });
  await create.getByLabel("全称").fill("端到端测试支付有限公司");
  await create.getByLabel("简称").fill("测试支付");
  await create.getByLabel("代码").fill(code.toLowerCase());
  await create.getByLabel("类型").selectOption({ label: "支付机构" });
  await create.getByLabel(/Luhn/).uncheck();
  await create.getByRole("button", { name: "新增" }).click();
  await expect(create.getByText("已新增 端到端测试支付有限公司。")).toBeVisible();
  const row = page.getByTestId(`bank-${code}`);
  await expect(row).toContainText("支付机构");
  await expectNoA11yViolations(page, "the banks page");
  page.once("dialog", (dialog) => dialog.accept());
  await row.getByRole("button", { name: "停用" }).click();
  await expect(row).toContainText("已停用");
});

test("a city's administrator sees which banks have a desk in its center, and sets the large-stop threshold in yuan", async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await signInOk(page, "admin");
  await page.goto("/admin/banks");
  await expect(page.getByTestId("bank-ICBC").getByTestId("bank-desk")).toHaveText("是");
  await expect(page.getByRole("button", { name: "停用" })).toHaveCount(0);

  await page.goto("/admin/money-settings");
  await expect(page.getByRole("heading", { level: 1, name: "资金设置" })).toBeVisible();
  await expect(page.getByTestId("large-stop-current")).toContainText("¥500,000.00");
  try {
    const threshold = page.getByLabel("提醒金额（元）");
    await threshold.fill("30万");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.getByText("请输入大于 0、不超过 1 亿元的金额（元），最多两位小数")).toBeVisible();
    await expectNoA11yViolations(page, "the money settings with a refused amount");
    await threshold.fill("300,000");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.getByText("已保存。")).toBeVisible();
    await page.reload();
    await expect(page.getByTestId("large-stop-current")).toContainText("¥300,000.00");
    const [row] = await sql<{ large_stop_threshold_fen: string }>(`SELECT large_stop_threshold_fen FROM city_setting s JOIN org_unit c ON c.id = s.city_id WHERE c.code = 'JZ'`);
    expect(row?.large_stop_threshold_fen).toBe("30000000");
  } finally {
    // Other specs file stops against the default.
    await sql(`DELETE FROM city_setting WHERE city_id = (SELECT id FROM org_unit WHERE code = 'JZ')`);
  }
});
