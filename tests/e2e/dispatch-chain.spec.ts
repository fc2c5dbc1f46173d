import { randomInt, randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { createOwnSource, expectNoA11yViolations, signIn, signInOk, sql } from "./support";

// 交 down the chain: an analyst dispatches an urgent alert to a district; the district's coordinator
// forwards it from the district view to a station; the station officer's unread count rises while
// their page is open, without a reload; the alert page shows the chain as it grows, live. This spec
// alone uses 临港分局 (coord.d08) and 港口派出所 (officer.d08s02).

const randomMobile = () => `13${String(randomInt(0, 1_000_000_000)).padStart(9, "0")}`;

async function unitName(code: string): Promise<string> {
  const [u] = await sql<{ name: string }>(`SELECT name FROM org_unit WHERE code = $1`, [code]);
  return u!.name;
}

/** The unread count the header's bell shows. */
async function bellCount(page: Page): Promise<number> {
  return Number(await page.getByTestId("notification-bell").getAttribute("data-count"));
}

test("analyst → district → station: forwarded from the district view, the station's count rises live, the alert shows the chain", async ({ browser, request }) => {
  test.setTimeout(360_000);
  const [district, station] = [await unitName("D08"), await unitName("D08S02")];
  const source = await createOwnSource("dispatch chain");
  const externalId = `E2E-${randomUUID()}`;
  const ingest = await request.post("/api/v1/alerts", {
    headers: { Authorization: `Bearer ${source.key}` },
    data: { alerts: [{ externalId, cityCode: "JZ", riskLevel: "URGENT", fraudType: "FAKE_INVESTMENT", detectedAt: new Date().toISOString(), person: { name: "柯海生", phone: randomMobile() } }] },
  });
  expect(ingest.ok(), await ingest.text()).toBe(true);
  const [{ id: alertId }] = (await sql<{ id: string }>(`SELECT id FROM alert WHERE source_id = $1 AND external_id = $2`, [source.id, externalId])) as [{ id: string }];

  const analystContext = await browser.newContext();
  const coordContext = await browser.newContext();
  const officerContext = await browser.newContext();
  try {
    // The station's officer has a page open; the bell's count is live.
    const officer = await officerContext.newPage();
    await signIn(officer, "officer.d08s02");
    await expect(officer).not.toHaveURL(/\/login/);
    // Sign-in lands on the officer's inbox; the alert list is opened once that navigation is over.
    await expect(async () => {
      await officer.goto("/alerts");
      await expect(officer.getByTestId("current-user")).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 30_000 });
    await expect(officer.getByTestId("notification-bell")).toHaveAttribute("data-live", "live");
    const unreadBefore = await bellCount(officer);
    await officer.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    // The analyst claims the alert; its own clock runs on the page, the person's details sit above the forms.
    const analyst = await analystContext.newPage();
    await signInOk(analyst, "analyst1");
    await analyst.goto(`/alerts/${alertId}`);
    await expect(analyst.getByTestId("alert-countdown")).toContainText(/剩余 \d\d:\d\d/);
    await analyst.getByRole("button", { name: "认领", exact: true }).click();
    await expect(analyst.getByTestId("holder-notice")).toHaveText("您正在处置该预警。");
    const personCard = analyst.getByTestId("person-card");
    const triagePanel = analyst.getByTestId("triage-panel");
    expect((await personCard.boundingBox())!.y).toBeLessThan((await triagePanel.boundingBox())!.y);

    // Urgent: the form suggests the station, with the phone call; the analyst sends it to the district instead.
    const form = analyst.getByTestId("dispatch-form");
    await expect(form).toContainText("建议直接派至派出所上门");
    await expect(form.getByRole("radio", { name: "直接派至派出所" })).toBeChecked();
    await form.getByRole("radio", { name: "派至分局转派" }).check();
    await form.getByRole("combobox", { name: "承办分局" }).selectOption({ label: district });
    await form.getByRole("textbox", { name: "指令说明" }).fill("电话未接通，请立即上门劝阻");
    await expectNoA11yViolations(analyst, "the alert page with the dispatch form filled in");
    await form.getByRole("button", { name: "下发指令" }).click();
    await expect(analyst.getByText("指令已下发")).toBeVisible();
    const chain = analyst.getByTestId("alert-instruction");
    await expect(chain).toHaveCount(1);
    await expect(chain.getByTestId("instruction-status")).toHaveText("待分局转派");
    await expect(chain.locator('[data-step="issued"]')).toHaveAttribute("data-reached", "true");
    await expect(chain.locator('[data-step="forwarded"]')).toHaveAttribute("data-reached", "false");
    const instructionId = (await chain.getAttribute("data-instruction-id"))!;

    // The queue marks it dispatched.
    const queue = await analystContext.newPage();
    await queue.goto(`/queue?sourceId=${source.id}`);
    await expect(queue.locator(`[data-testid="queue-row"][data-alert-id="${alertId}"]`).getByTestId("queue-dispatched")).toHaveText("已派发");
    await queue.close();

    // The district's coordinator finds it waiting and forwards it inline to one of its stations.
    const coord = await coordContext.newPage();
    await signInOk(coord, "coord.d08");
    await coord.goto("/district");
    await expect(coord.getByRole("heading", { level: 1, name: "分局指令" })).toBeVisible();
    const row = coord.getByTestId("district-waiting").locator(`[data-testid="instruction-row"][data-instruction-id="${instructionId}"]`);
    await expect(row).toContainText("待分局转派");
    await expect(row.getByTestId("deadline-countdown")).toContainText(/剩余|已超时/);
    await expectNoA11yViolations(coord, "the district view with an instruction waiting");
    await row.getByRole("combobox", { name: "派出所" }).selectOption({ label: station });
    await row.getByRole("button", { name: "转派" }).click();
    await expect(coord.getByTestId("district-stations").locator(`[data-testid="instruction-row"][data-instruction-id="${instructionId}"]`)).toContainText("待签收");

    // The officer's count rose on the page left open: no reload.
    await expect(officer.getByTestId("notification-bell")).toHaveAttribute("data-count", String(unreadBefore + 1), { timeout: 10_000 });
    expect(await officer.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

    // The analyst's alert page followed live: forwarded to the station, with the time each step took.
    await expect(chain.getByTestId("instruction-status")).toHaveText("待签收", { timeout: 10_000 });
    await expect(chain).toContainText(`承办：${district} · ${station}`);
    await expect(chain.locator('[data-step="forwarded"]')).toHaveAttribute("data-reached", "true");
    await expect(chain.locator('[data-step="forwarded"]').getByTestId("chain-duration")).toContainText("用时");
    await expect(chain.locator('[data-step="signedOff"]')).toContainText("未到");
    await expect(chain.getByRole("link", { name: "查看指令详情" })).toHaveAttribute("href", `/instructions/${instructionId}`);
    await expectNoA11yViolations(analyst, "the alert page with its instruction forwarded");

    // The officer's notification says what it is; opening it marks it read and leads to the instruction.
    await officer.getByTestId("notification-bell").click();
    await expect(officer.getByRole("heading", { level: 1, name: "通知" })).toBeVisible();
    const note = officer.getByTestId("notification").filter({ hasText: "新指令" }).first();
    await expect(note).toHaveAttribute("data-read", "false");
    await expect(note).toContainText(`上门劝阻 · 紧急 · ${district} · ${station}`);
    await expectNoA11yViolations(officer, "the notification centre");
    await note.getByRole("button", { name: /^查看指令/ }).click();
    await expect(officer).toHaveURL(new RegExp(`/instructions/${instructionId}$`));
    await officer.goto("/notifications");
    await expect(officer.getByTestId("notification-bell")).toHaveAttribute("data-count", String(unreadBefore));
  } finally {
    await analystContext.close();
    await coordContext.close();
    await officerContext.close();
  }
});

test("the lists: the analyst's issued instructions and the city's overview; another district's coordinator sees neither the instruction nor its row", async ({ page, browser, request }) => {
  test.setTimeout(240_000);
  const source = await createOwnSource("dispatch lists");
  const externalId = `E2E-${randomUUID()}`;
  const ingest = await request.post("/api/v1/alerts", {
    headers: { Authorization: `Bearer ${source.key}` },
    data: { alerts: [{ externalId, cityCode: "JZ", riskLevel: "HIGH", fraudType: "FAKE_LOAN", detectedAt: new Date().toISOString(), person: { name: "蓝秋", phone: randomMobile() } }] },
  });
  expect(ingest.ok(), await ingest.text()).toBe(true);
  const [{ id: alertId }] = (await sql<{ id: string }>(`SELECT id FROM alert WHERE source_id = $1 AND external_id = $2`, [source.id, externalId])) as [{ id: string }];
  const station = await unitName("D08S03");

  await signInOk(page, "analyst1");
  await page.goto(`/alerts/${alertId}`);
  const form = page.getByTestId("dispatch-form");
  await form.getByRole("combobox", { name: "指令类型" }).selectOption({ label: "查找落地" });
  await form.getByRole("combobox", { name: "承办派出所" }).selectOption({ label: station });
  await form.getByRole("button", { name: "下发指令" }).click();
  await expect(page.getByText("指令已下发")).toBeVisible();
  const instructionId = (await page.getByTestId("alert-instruction").getAttribute("data-instruction-id"))!;

  await page.getByRole("link", { name: "我下发的指令" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "我下发的指令" })).toBeVisible();
  const issuedRow = page.getByTestId("issued-running").locator(`[data-instruction-id="${instructionId}"]`);
  await expect(issuedRow).toContainText("查找落地");
  await expect(issuedRow).toContainText("待签收");
  await expectNoA11yViolations(page, "the analyst's issued instructions");

  await page.goto("/instructions?status=AT_STATION");
  await expect(page.getByRole("heading", { level: 1, name: "指令总览" })).toBeVisible();
  await expect(page.locator(`[data-testid="instruction-row"][data-instruction-id="${instructionId}"]`)).toContainText(station);
  await expectNoA11yViolations(page, "the city's instructions");

  const other = await (await browser.newContext()).newPage();
  await signInOk(other, "coord.d07");
  await other.goto("/district");
  await expect(other.getByRole("heading", { level: 1, name: "分局指令" })).toBeVisible();
  await expect(other.locator(`[data-instruction-id="${instructionId}"]`)).toHaveCount(0);
  await other.goto("/instructions?status=AT_STATION");
  await expect(other.locator(`[data-instruction-id="${instructionId}"]`)).toHaveCount(0);
  await expect(other.getByTestId("instruction-scope")).toContainText(await unitName("D07"));
  await other.context().close();
});
