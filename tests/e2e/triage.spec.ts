import { randomInt, randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { createOwnSource, expectNoA11yViolations, signInOk, sql } from "./support";

// The analysts' journey (研): an urgent alert arrives while the queue is open, one analyst claims
// and works it to 已办结, and a second analyst can neither take it nor overwrite it.
// analyst5 and analyst6 are used by this spec only. Other specs run at the same time on the same
// database, so each test ingests from a source of its own and looks at the queue filtered to it.

type Source = Awaited<ReturnType<typeof createOwnSource>>;

/** The queue narrowed to one test's own source: only the alerts that test ingested. */
const queueOf = (source: Source) => `/queue?sourceId=${source.id}`;

/** "2026-11-21T17:05:00.000+08:00": now (or `msAgo` before), written the way upstream systems send it. */
function inShanghai(msAgo = 0): string {
  return new Date(Date.now() - msAgo + 8 * 3_600_000).toISOString().replace("Z", "+08:00");
}

const randomMobile = () => `13${String(randomInt(0, 1_000_000_000)).padStart(9, "0")}`;

/**
 * Urgent alerts from the test's own source, in one request (so under one first-contact deadline
 * rule, whatever another spec does to it meanwhile); their ids, in order.
 */
async function ingestUrgentAlerts(request: APIRequestContext, source: Source, people: { phone: string; detectedAt?: string }[]): Promise<string[]> {
  const externalIds = people.map(() => `E2E-${randomUUID()}`);
  const response = await request.post("/api/v1/alerts", {
    headers: { Authorization: `Bearer ${source.key}` },
    data: {
      alerts: people.map(({ phone, detectedAt }, i) => ({
        externalId: externalIds[i],
        riskLevel: "URGENT",
        fraudType: "IMPERSONATE_AUTHORITY",
        detectedAt: detectedAt ?? inShanghai(),
        cityCode: "JZ",
        person: { name: "温伯", phone, address: "江州市滨江区望江路18号3栋502" },
      })),
    },
  });
  expect(response.ok(), await response.text()).toBe(true);
  const rows = await sql<{ id: string; external_id: string }>(`SELECT id, external_id FROM alert WHERE source_id = $1 AND external_id = ANY($2)`, [
    source.id,
    externalIds,
  ]);
  expect(rows, "the ingested alerts are stored").toHaveLength(people.length);
  return externalIds.map((x) => rows.find((r) => r.external_id === x)!.id);
}

async function ingestUrgentAlert(request: APIRequestContext, source: Source, phone: string): Promise<string> {
  const [id] = await ingestUrgentAlerts(request, source, [{ phone }]);
  return id!;
}

function queueRow(page: Page, alertId: string) {
  return page.locator(`[data-testid="queue-row"][data-alert-id="${alertId}"]`);
}

async function displayName(username: string): Promise<string> {
  const [u] = await sql<{ display_name: string }>(`SELECT display_name FROM app_user WHERE username = $1`, [username]);
  return u!.display_name;
}

test("an urgent alert appears live; one analyst claims and closes it, the other cannot take it", async ({ browser, request }) => {
  test.setTimeout(360_000);
  const holderName = await displayName("analyst5");
  const source = await createOwnSource("live queue");
  const contextA = await browser.newContext();
  const contextB = await browser.newContext();
  try {
    const queueA = await contextA.newPage();
    await signInOk(queueA, "analyst5");
    await queueA.goto(queueOf(source));
    await expect(queueA.getByRole("heading", { level: 1, name: "研判队列" })).toBeVisible();
    await expect(queueA.getByTestId("live-indicator")).toHaveAttribute("data-status", "live");

    // An upstream system pushes an urgent alert: it shows up without a reload, with its clock running.
    const phone = randomMobile();
    const alertId = await ingestUrgentAlert(request, source, phone);
    const rowA = queueRow(queueA, alertId);
    await expect(rowA).toBeVisible({ timeout: 5_000 });
    await expect(rowA.getByTestId("countdown")).toContainText(/剩余 0[0-5]:\d\d/);
    await expect(rowA).toContainText("紧急");
    await expect(rowA).toContainText("温*");
    await expect(rowA).toContainText(`${phone.slice(0, 3)}****${phone.slice(7)}`);

    // The second analyst has the alert open before anyone claims it, on a page whose live
    // connection is down (the alert page follows changes live; a dropped stream must not let a
    // stale form through either).
    const alertB = await contextB.newPage();
    await signInOk(alertB, "analyst6");
    await alertB.route("**/api/live**", (route) => route.abort());
    await alertB.goto(`/alerts/${alertId}`);
    await expect(alertB.getByTestId("holder-notice")).toContainText("尚未认领");
    await expect(alertB.getByRole("button", { name: "认领", exact: true })).toBeVisible();

    // The first analyst claims it from the queue.
    await rowA.getByRole("button", { name: /^认领/ }).click();
    await expect(rowA.getByTestId("queue-holder")).toContainText(`我（${holderName}）`);
    await expect(rowA.getByRole("button", { name: /^认领/ })).toHaveCount(0);

    // The second analyst's queue (and a phone search, sent by POST) shows who holds it: no claim button.
    const queueB = await contextB.newPage();
    await queueB.goto(queueOf(source));
    const rowB = queueRow(queueB, alertId);
    await expect(rowB.getByTestId("queue-holder")).toContainText(holderName);
    await expect(rowB.getByRole("button", { name: /^认领/ })).toHaveCount(0);
    await queueB.getByRole("textbox", { name: "手机号" }).fill(phone);
    await queueB.getByRole("button", { name: "查找" }).click();
    const results = queueB.getByTestId("phone-search-results");
    await expect(results).toContainText(`${phone.slice(0, 3)}****${phone.slice(7)} 的未办结预警：1 条`);
    await expect(queueRow(queueB, alertId).filter({ has: queueB.getByTestId("queue-holder") }).first()).toContainText(holderName);
    await expect(results.getByRole("button", { name: /^认领/ })).toHaveCount(0);
    expect(queueB.url()).not.toContain(phone);

    // Forcing it from the page opened earlier: refused, and the page now shows the holder.
    await alertB.getByRole("button", { name: "认领", exact: true }).click();
    await expect(alertB.getByText("该预警已被他人认领。")).toBeVisible();
    await expect(alertB.getByTestId("holder-notice")).toContainText(`${holderName} 正在处置该预警`);
    await expect(alertB.getByRole("button", { name: "认领", exact: true })).toHaveCount(0);
    await expect(alertB.getByTestId("attempt-form")).toHaveCount(0);
    await expectNoA11yViolations(alertB, "an alert held by someone else, after a refused claim");

    // The holder works it, in two tabs: the stale tab's change is refused, then made on fresh data.
    const alertA = await contextA.newPage();
    await alertA.goto(`/alerts/${alertId}`);
    await expect(alertA.getByTestId("holder-notice")).toHaveText("您正在处置该预警。");
    await expect(alertA.getByTestId("playbook")).toContainText("劝阻话术");
    await expectNoA11yViolations(alertA, "an alert while claimed, with its forms");
    // A second tab whose live connection is down stays on the version it loaded.
    const staleA = await contextA.newPage();
    await staleA.route("**/api/live**", (route) => route.abort());
    await staleA.goto(`/alerts/${alertId}`);

    await alertA.getByLabel("联系结果").selectOption({ label: "未接通" });
    await alertA.getByRole("button", { name: "保存劝阻记录" }).click();
    await expect(alertA.getByText("劝阻记录已保存。")).toBeVisible();
    await expect(alertA.getByTestId("timeline-entry").filter({ hasText: "未接通" })).toHaveCount(1);

    await staleA.getByLabel("联系结果").selectOption({ label: "劝阻成功" });
    await staleA.getByRole("button", { name: "保存劝阻记录" }).click();
    await expect(staleA.getByText("该预警已被他人修改，已为您显示最新状态，请确认后重试。")).toBeVisible();
    await expect(staleA.getByTestId("timeline-entry").filter({ hasText: "未接通" })).toHaveCount(1);
    await staleA.close();

    await alertA.getByLabel("联系结果").selectOption({ label: "劝阻成功" });
    await alertA.getByLabel("备注（选填）").fill("本人已挂断“公检法”来电，未转账");
    await alertA.getByRole("button", { name: "保存劝阻记录" }).click();
    await expect(alertA.getByTestId("timeline-entry").filter({ hasText: "劝阻成功" })).toHaveCount(1);
    await expect(alertA.getByTestId("attempt")).toHaveCount(2);

    // 办结 as 劝阻成功.
    await alertA.getByLabel("处置结果").selectOption({ label: "劝阻成功" });
    await alertA.getByRole("button", { name: "办结", exact: true }).click();
    await expect(alertA.getByTestId("alert-status")).toHaveText("已办结 · 劝阻成功");
    await expect(alertA.getByTestId("holder-notice")).toHaveText("该预警已办结。");
    await expect(alertA.getByTestId("close-form")).toHaveCount(0);
    const kinds = await alertA.getByTestId("timeline-entry").evaluateAll((els) => els.map((e) => e.getAttribute("data-kind")));
    expect(kinds.filter((k) => k !== "CREATED")).toEqual(["CLAIMED", "ATTEMPT", "ATTEMPT", "CLOSED"]);

    // And it has left the queue.
    await queueA.goto(queueOf(source));
    await expect(queueA.getByRole("heading", { level: 1, name: "研判队列" })).toBeVisible();
    await expect(queueRow(queueA, alertId)).toHaveCount(0);

    const [stored] = await sql<{ status: string; outcome: string; attempts: number; holder: string }>(
      `SELECT a.status, a.outcome, u.username AS holder, (SELECT count(*)::int FROM contact_attempt c WHERE c.alert_id = a.id) AS attempts
       FROM alert a JOIN app_user u ON u.id = a.assignee_id WHERE a.id = $1`,
      [alertId],
    );
    expect(stored).toEqual({ status: "CLOSED", outcome: "DISSUADED", attempts: 2, holder: "analyst5" });
  } finally {
    await contextA.close();
    await contextB.close();
  }
});

test("an analyst corrects an alert's risk and station, comments, claims and releases it", async ({ page, request }) => {
  // Five steps with a page re-read (and axe) after each: near a minute on a loaded machine.
  test.setTimeout(300_000);
  const alertId = await ingestUrgentAlert(request, await createOwnSource("corrections"), randomMobile());
  await signInOk(page, "analyst6");
  await page.goto(`/alerts/${alertId}`);
  await expect(page.getByTestId("holder-notice")).toContainText("尚未认领");
  await expect(page.getByTestId("dispatch-form").getByRole("button", { name: "下发指令" })).toBeEnabled();

  // A risk change needs a reason: refused field by field, then made.
  await page.getByRole("combobox", { name: "风险等级" }).selectOption({ label: "高" });
  await page.getByRole("button", { name: "调整", exact: true }).click();
  await expect(page.getByRole("textbox", { name: "调整理由" })).toHaveAttribute("aria-invalid", "true");
  await expectNoA11yViolations(page, "an unclaimed alert with a refused risk change");
  await expect(page.getByRole("combobox", { name: "风险等级" })).toHaveValue("HIGH");
  await page.getByRole("textbox", { name: "调整理由" }).fill("本人称尚未转账");
  await page.getByRole("button", { name: "调整", exact: true }).click();
  await expect(page.getByText("风险等级已调整。")).toBeVisible();
  await expect(page.getByTestId("timeline-entry").filter({ hasText: "紧急 → 高" })).toContainText("本人称尚未转账");

  // The station, chosen from the city's stations.
  const station = page.getByRole("combobox", { name: "派出所", exact: true });
  const label = (await station.locator("option").nth(1).textContent())!;
  await station.selectOption({ index: 1 });
  await page.getByRole("button", { name: "指定", exact: true }).click();
  await expect(page.getByText("管辖派出所已指定。")).toBeVisible();
  await expect(page.getByTestId("timeline-entry").filter({ hasText: "指定管辖" })).toContainText(label);

  await page.getByRole("textbox", { name: "备注内容" }).fill("已通知其女儿协助劝阻");
  await page.getByRole("button", { name: "添加备注" }).click();
  await expect(page.getByTestId("timeline-entry").filter({ hasText: "已通知其女儿协助劝阻" })).toHaveCount(1);

  await page.getByRole("button", { name: "认领", exact: true }).click();
  await expect(page.getByTestId("holder-notice")).toHaveText("您正在处置该预警。");
  await page.getByRole("button", { name: "释放", exact: true }).click();
  await expect(page.getByText("已释放，预警回到研判队列。")).toBeVisible();
  await expect(page.getByTestId("holder-notice")).toContainText("尚未认领");
  const kinds = await page.getByTestId("timeline-entry").evaluateAll((els) => els.map((e) => e.getAttribute("data-kind")));
  expect(kinds.filter((k) => k !== "CREATED")).toEqual(["RISK_CHANGED", "JURISDICTION_SET", "COMMENT", "CLAIMED", "RELEASED"]);
});

test("the queue and the alert page answer to the keyboard, and ? explains the keys", async ({ page, request }) => {
  const me = await displayName("analyst6");
  const source = await createOwnSource("keyboard");
  await signInOk(page, "analyst6");
  await page.goto(queueOf(source));
  await expect(page.getByTestId("live-indicator")).toHaveAttribute("data-status", "live");

  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "键盘快捷键" });
  await expect(help).toBeVisible();
  await expect(help).toContainText("认领选中的预警");
  await expectNoA11yViolations(page, "the queue with the keyboard help open");
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();

  // Two alerts of this test's own; detected a minute apart, the earlier one has the nearer deadline.
  const [first, second] = await ingestUrgentAlerts(request, source, [
    { phone: randomMobile(), detectedAt: inShanghai(2 * 60_000) },
    { phone: randomMobile(), detectedAt: inShanghai(60_000) },
  ]);
  const rows = page.getByTestId("queue-row");
  await expect(rows).toHaveCount(2, { timeout: 5_000 });
  await expect(rows.nth(0)).toHaveAttribute("data-alert-id", first!);
  await expect(rows.nth(1)).toHaveAttribute("data-alert-id", second!);

  // Typing in a field does not move the selection.
  const selected = page.locator('[data-testid="queue-row"][aria-current="true"]');
  await page.getByRole("textbox", { name: "手机号" }).fill("jjk");
  await expect(selected).toHaveCount(0);
  await page.getByRole("textbox", { name: "手机号" }).fill("");
  await page.getByRole("textbox", { name: "手机号" }).blur();

  // j / k move the selection.
  await page.keyboard.press("j");
  await expect(selected).toHaveAttribute("data-alert-id", first!);
  await page.keyboard.press("j");
  await expect(selected).toHaveAttribute("data-alert-id", second!);
  await page.keyboard.press("k");
  await expect(selected).toHaveAttribute("data-alert-id", first!);

  // A click selects a row; c claims the selected alert, Enter opens it.
  const row = queueRow(page, second!);
  await row.getByTestId("countdown").click();
  await expect(row).toHaveAttribute("aria-current", "true");
  await page.keyboard.press("c");
  await expect(row.getByTestId("queue-holder")).toContainText(`我（${me}）`);
  await expect(queueRow(page, first!).getByRole("button", { name: /^认领/ })).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/alerts/${second}$`));
  await expect(page.getByTestId("holder-notice")).toHaveText("您正在处置该预警。");

  // a → record an attempt, x → close, g q → back to the queue.
  await page.keyboard.press("a");
  await expect(page.getByLabel("联系方式")).toBeFocused();
  await page.getByLabel("联系方式").blur();
  await page.keyboard.press("x");
  await expect(page.getByLabel("处置结果")).toBeFocused();
  await page.getByLabel("处置结果").blur();
  // A sequence must be typed within a second; on a loaded machine the test's own second key can
  // arrive later than that, so the sequence is typed again until it lands.
  await expect(async () => {
    await page.keyboard.press("g");
    await page.keyboard.press("q");
    await expect(page).toHaveURL(/\/queue$/, { timeout: 3_000 });
  }).toPass({ timeout: 20_000 });
});

test("a station officer who types /queue gets 'not found'; a bank liaison's alert stream is refused and audited", async ({ page, browser }) => {
  await signInOk(page, "officer.d06s01");
  const response = await page.goto("/queue");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "未找到" })).toBeVisible();
  // The officer may follow their own station's alerts; unknown topics are a bad request.
  expect((await page.request.get("/api/live?topics=nope")).status()).toBe(400);

  const liaison = await (await browser.newContext()).newPage();
  await signInOk(liaison, "bank.icbc");
  const [before] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event e JOIN app_user u ON u.id = e.actor_id WHERE u.username = 'bank.icbc' AND e.outcome = 'DENIED' AND e.entity_type = 'live'`);
  expect((await liaison.request.get("/api/live?topics=alert")).status()).toBe(403);
  const [after] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event e JOIN app_user u ON u.id = e.actor_id WHERE u.username = 'bank.icbc' AND e.outcome = 'DENIED' AND e.entity_type = 'live'`);
  expect(after!.n).toBe(before!.n + 1);

  // Their own station's alert stays read-only: no triage controls.
  const [own] = await sql<{ id: string }>(
    `SELECT a.id FROM alert a JOIN org_unit s ON s.id = a.station_id WHERE s.code = 'D06S01' ORDER BY a.detected_at DESC LIMIT 1`,
  );
  await page.goto(`/alerts/${own!.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "预警详情" })).toBeVisible();
  await expect(page.getByTestId("triage-panel")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "认领" })).toHaveCount(0);
  await expect(page.getByText("认领、劝阻和办结由研判员进行")).toBeVisible();
});

test("the live stream needs a session", async ({ playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  try {
    expect((await anonymous.get("/api/live?topics=alert")).status()).toBe(401);
  } finally {
    await anonymous.dispose();
  }
});
