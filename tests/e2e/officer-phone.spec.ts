import { randomInt, randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { createOwnSource, expectNoA11yViolations, signInOk, sql } from "./support";

// The station officer's journey on a phone (390 × 844): a new instruction arrives live in the
// station inbox; the officer opens it, calls the person (a tel: link), signs off, checks in on
// site, types the feedback — saved as a draft while typing, so a reload loses nothing — and
// reports 已劝阻. Every screen fits the width (no sideways scrolling) and its buttons are a
// finger's height. Another station's officer who types the instruction's URL gets "not found".
//
// officer.d10s02 and officer.d10s03 (龙泉分局) are used by this spec only. The instructions are
// written straight into the database as the domain functions write them (the instruction and its
// timeline): this spec is about the station's side and the instruction page, and does not depend
// on the analysts' dispatch form (tests/e2e/dispatch-chain.spec.ts goes through that).

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });

const STATION = "D10S02";
const OTHER_STATION_OFFICER = "officer.d10s03";

const randomMobile = () => `13${String(randomInt(0, 1_000_000_000)).padStart(9, "0")}`;

/** An urgent alert of the station, from the test's own source; its id. */
async function ingestAlert(request: APIRequestContext, phone: string): Promise<string> {
  const source = await createOwnSource("officer phone");
  const externalId = `E2E-${randomUUID()}`;
  const response = await request.post("/api/v1/alerts", {
    headers: { Authorization: `Bearer ${source.key}` },
    data: {
      alerts: [
        {
          externalId,
          riskLevel: "URGENT",
          fraudType: "FAKE_INVESTMENT",
          detectedAt: new Date(Date.now() + 8 * 3_600_000).toISOString().replace("Z", "+08:00"),
          cityCode: "JZ",
          stationCode: STATION,
          person: { name: "柳晓梅", phone, address: "江州市龙泉区柏合街道5栋1单元302室" },
        },
      ],
    },
  });
  expect(response.ok(), await response.text()).toBe(true);
  const [row] = await sql<{ id: string }>(`SELECT id FROM alert WHERE source_id = $1 AND external_id = $2`, [source.id, externalId]);
  return row!.id;
}

/**
 * What an analyst's dispatch straight to the station writes (lib/server/instructions/
 * dispatch-instruction.ts): an urgent door visit waiting for sign-off, deadlines 10 min / 1 h.
 */
async function dispatchToStation(alertId: string, note: string): Promise<string> {
  const [instruction] = await sql<{ id: string; city_id: string; station_id: string; issued_by_id: string }>(
    `INSERT INTO instruction (city_id, district_id, station_id, alert_id, kind, risk_level, status, issuer_unit_id, issued_by_id, note,
                              issued_at, routed_at, sign_off_deadline, feedback_deadline, escalate_at)
     SELECT a.city_id, a.district_id, a.station_id, a.id, 'DOOR_VISIT', a.risk_level, 'AT_STATION', a.city_id, u.id, $2,
            now(), now(), now() + interval '10 minutes', now() + interval '1 hour', now() + interval '2 hours'
     FROM alert a, app_user u WHERE a.id = $1 AND u.username = 'analyst3'
     RETURNING id, city_id, station_id, issued_by_id`,
    [alertId, note],
  );
  await sql(
    `INSERT INTO instruction_event (city_id, instruction_id, user_id, kind, unit_id, text, data)
     VALUES ($1, $2, $3, 'ISSUED', $4, $5, '{"kind":"DOOR_VISIT"}')`,
    [instruction!.city_id, instruction!.id, instruction!.issued_by_id, instruction!.station_id, note],
  );
  return instruction!.id;
}

/**
 * An urgent door visit the station has worked and reported 已劝阻 (as sign-off, check-in and the
 * feedback write it), its steps 5, 15 and 9 minutes apart; issued by analyst3.
 */
async function reportedInstruction(alertId: string): Promise<string> {
  const [instruction] = await sql<{ id: string; city_id: string; station_id: string; issued_by_id: string; officer_id: string }>(
    `INSERT INTO instruction (city_id, district_id, station_id, alert_id, kind, risk_level, status, issuer_unit_id, issued_by_id,
                              issued_at, routed_at, sign_off_deadline, feedback_deadline, escalate_at,
                              signed_off_at, signed_off_by_id, checked_in_at, check_in_location,
                              feedback_outcome, met_person, checks, loss_avoided_fen, feedback_note, reported_at, reported_by_id)
     SELECT a.city_id, a.district_id, a.station_id, a.id, 'DOOR_VISIT', a.risk_level, 'REPORTED', a.city_id, u.id,
            now() - interval '30 minutes', now() - interval '30 minutes', now() - interval '20 minutes', now() + interval '30 minutes', now() + interval '90 minutes',
            now() - interval '25 minutes', o.id, now() - interval '10 minutes', '柏合街道8栋',
            'DISSUADED', true, '{CALL_SMS_LOG,FRAUD_APPS}', 200000, '已劝阻，已卸载涉诈APP', now() - interval '1 minute', o.id
     FROM alert a, app_user u, app_user o WHERE a.id = $1 AND u.username = 'analyst3' AND o.username = 'officer.d10s02'
     RETURNING id, city_id, station_id, issued_by_id, signed_off_by_id AS officer_id`,
    [alertId],
  );
  const i = instruction!;
  await sql(
    `INSERT INTO instruction_event (city_id, instruction_id, user_id, kind, unit_id, at, text, data) VALUES
       ($1, $2, $3, 'ISSUED', $4, now() - interval '30 minutes', NULL, '{"kind":"DOOR_VISIT"}'),
       ($1, $2, $5, 'SIGNED_OFF', $4, now() - interval '25 minutes', NULL, NULL),
       ($1, $2, $5, 'CHECKED_IN', $4, now() - interval '10 minutes', '柏合街道8栋', NULL),
       ($1, $2, $5, 'FEEDBACK', $4, now() - interval '1 minute', '已劝阻，已卸载涉诈APP',
        '{"outcome":"DISSUADED","metPerson":true,"checks":["CALL_SMS_LOG","FRAUD_APPS"],"lossAvoidedFen":"200000","lossFen":null}')`,
    [i.city_id, i.id, i.issued_by_id, i.station_id, i.officer_id],
  );
  return i.id;
}

/** Nothing is wider than the phone: the page never scrolls sideways. */
async function expectNoSidewaysScroll(page: Page, label: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: window.innerWidth }));
  expect.soft(scrollWidth, `${label}: page wider than the screen`).toBeLessThanOrEqual(innerWidth);
}

/**
 * Every visible button, form control and disclosure is at least 44 px tall (checkboxes and radio
 * buttons through their labels); `links` adds the page's links outside running text.
 */
async function expectTouchTargets(page: Page, label: string, { links = false } = {}) {
  const small = await page.evaluate((withLinks) => {
    const selector = ["button", "select", "textarea", "summary", "input:not([type=hidden]):not([type=checkbox]):not([type=radio])", "label:has(> input[type=checkbox])", "label:has(> input[type=radio])"];
    if (withLinks) selector.push("a[href]");
    return [...document.querySelectorAll<HTMLElement>(selector.join(","))]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        // Hidden, or visually hidden (the skip link) until focused.
        if (r.width <= 1 || r.height <= 1 || getComputedStyle(el).visibility === "hidden") return false;
        return r.height < 44 - 0.5;
      })
      .map((el) => `${Math.round(el.getBoundingClientRect().height)} px: ${el.outerHTML.slice(0, 140)}`);
  }, links);
  expect.soft(small, `${label}: touch targets under 44 px`).toEqual([]);
}

test("a station officer works an instruction on a phone: live arrival, call, sign off, check in, draft kept across a reload, 已劝阻", async ({ page, browser, request }) => {
  test.setTimeout(360_000);
  const phone = randomMobile();
  const alertId = await ingestAlert(request, phone);
  const [officer] = await sql<{ display_name: string }>(`SELECT display_name FROM app_user WHERE username = 'officer.d10s02'`);

  // The officer's landing page is the station inbox, following new instructions live.
  await signInOk(page, "officer.d10s02");
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(page.getByRole("heading", { level: 1, name: "站内指令" })).toBeVisible();
  await expect(page.getByTestId("live-indicator")).toHaveAttribute("data-status", "live");

  const instructionId = await dispatchToStation(alertId, "紧急：正在转账，请立即上门劝阻");
  const card = page.locator(`[data-testid="inbox-card"][data-instruction-id="${instructionId}"]`);
  await expect(card).toBeVisible({ timeout: 10_000 });
  await expect(card).toContainText("紧急");
  await expect(card).toContainText("上门劝阻");
  await expect(card).toContainText("待签收");
  await expect(card.getByTestId("inbox-person")).toHaveText("柳*梅");
  await expect(card).toContainText("虚假网络投资理财");
  await expect(card.getByTestId("holder-deadline")).toContainText(/签收剩余 (0\d|10):\d\d/);
  await expect(card.getByTestId("holder-deadline")).toHaveAttribute("data-state", "running");
  await expectNoSidewaysScroll(page, "inbox");
  await expectTouchTargets(page, "inbox", { links: true });
  await expectNoA11yViolations(page, "the station inbox on a phone");

  // The instruction: status and deadline in words, the person masked until revealed.
  await card.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/instructions/${instructionId}$`));
  await expect(page.getByRole("heading", { level: 1, name: "指令：上门劝阻" })).toBeVisible();
  await expect(page.getByTestId("instruction-status")).toHaveText("待签收");
  await expect(page.getByTestId("instruction-note")).toContainText("正在转账");
  await expect(page.getByTestId("contact-phone")).toHaveText(`${phone.slice(0, 3)}****${phone.slice(7)}`);
  await expectNoSidewaysScroll(page, "instruction page, waiting for sign-off");
  await expectTouchTargets(page, "instruction page, waiting for sign-off");
  await expectNoA11yViolations(page, "an instruction waiting for sign-off, on a phone");

  // One tap shows the number as a link that calls it (audited, no reason to type: the instruction is the reason).
  await page.getByRole("button", { name: "查看完整信息: 预警号码" }).click();
  const call = page.getByRole("link", { name: `拨打 ${phone}` });
  await expect(call).toHaveAttribute("href", `tel:${phone}`);
  expect(page.url()).not.toContain(phone);

  // 签收.
  await page.getByTestId("step-sign-off").getByRole("button", { name: "签收" }).click();
  await expect(page.getByTestId("instruction-status")).toHaveText("已签收");
  await expect(page.getByTestId("instruction-signed-off")).toContainText(officer!.display_name);
  await expect(page.getByTestId("holder-deadline").first()).toContainText("反馈剩余");

  // 到场签到.
  await page.getByLabel("到场地点").fill("柏合街道5栋楼下");
  await page.getByRole("button", { name: "到场签到" }).click();
  await expect(page.getByTestId("instruction-status")).toHaveText("已到场");
  await expect(page.getByTestId("instruction-checked-in")).toContainText("柏合街道5栋楼下");

  // The feedback, typed on site: saved as a draft once typing pauses.
  const form = page.getByTestId("feedback-form");
  await form.getByLabel("见到本人", { exact: true }).check();
  await form.getByLabel("通话及短信记录").check();
  await form.getByLabel("近期大额转账").check();
  await form.getByLabel("处置结果").selectOption({ label: "已劝阻" });
  await form.getByLabel("情况说明").fill("已当面劝阻，对方停止向“导师”转账，已卸载涉诈APP。");
  await expect(page.getByTestId("draft-status")).toContainText(/草稿已保存 \d\d:\d\d/, { timeout: 10_000 });
  await expectNoSidewaysScroll(page, "instruction page, feedback being typed");
  await expectTouchTargets(page, "instruction page, feedback being typed");
  await expectNoA11yViolations(page, "an instruction on site with the feedback form, on a phone");

  // A reload (a lost connection, a sign-out) loses nothing: the draft comes back from the server.
  await page.reload();
  const restored = page.getByTestId("feedback-form");
  await expect(restored.getByLabel("见到本人", { exact: true })).toBeChecked();
  await expect(restored.getByLabel("未见到本人")).not.toBeChecked();
  await expect(restored.getByLabel("通话及短信记录")).toBeChecked();
  await expect(restored.getByLabel("近期大额转账")).toBeChecked();
  await expect(restored.getByLabel("聊天软件")).not.toBeChecked();
  await expect(restored.getByLabel("处置结果")).toHaveValue("DISSUADED");
  await expect(restored.getByLabel("情况说明")).toHaveValue("已当面劝阻，对方停止向“导师”转账，已卸载涉诈APP。");
  await expect(page.getByTestId("draft-status")).toContainText(/草稿已保存 \d\d:\d\d/);

  // 已劝阻, with the loss avoided.
  await restored.getByLabel("避免损失（元，可选）").fill("5000");
  await restored.getByRole("button", { name: "提交反馈" }).click();
  await expect(page.getByText("反馈已提交")).toBeVisible();
  await expect(page.getByTestId("instruction-status")).toHaveText("已反馈待审核");
  await expect(page.getByTestId("instruction-feedback")).toContainText("已劝阻");
  await expect(page.getByTestId("instruction-feedback")).toContainText("见到本人");
  await expect(page.getByTestId("feedback-form")).toHaveCount(0);
  // The whole chain in the timeline, in words, with the time each step took.
  const events = page.getByTestId("instruction-event");
  await expect(events).toHaveCount(4);
  await expect(events.nth(0)).toContainText("下发指令");
  await expect(events.nth(1)).toContainText("签收");
  await expect(events.nth(1)).toContainText(officer!.display_name);
  await expect(events.nth(1).getByTestId("event-elapsed")).toContainText(/距上一步 \d+(秒|分钟)/);
  await expect(events.nth(2)).toContainText("到场签到");
  await expect(events.nth(3)).toContainText("反馈");
  await expect(events.nth(3)).toContainText("已劝阻");
  await expectNoSidewaysScroll(page, "instruction page, reported");

  const [stored] = await sql<{ status: string; feedback_outcome: string; met_person: boolean; checks: string[]; loss_avoided_fen: string; feedback_draft: unknown }>(
    `SELECT status, feedback_outcome, met_person, checks, loss_avoided_fen::text, feedback_draft FROM instruction WHERE id = $1`,
    [instructionId],
  );
  expect(stored).toEqual({
    status: "REPORTED",
    feedback_outcome: "DISSUADED",
    met_person: true,
    checks: ["CALL_SMS_LOG", "LARGE_TRANSFERS"],
    loss_avoided_fen: "500000",
    feedback_draft: null,
  });

  // Reported: it leaves the station's open work.
  await page.goto("/inbox");
  await expect(page.locator(`[data-testid="inbox-card"][data-instruction-id="${instructionId}"]`)).toHaveCount(0);

  // Another station's officer, typing the URL: "not found".
  const other = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  try {
    const otherPage = await other.newPage();
    await signInOk(otherPage, OTHER_STATION_OFFICER);
    const response = await otherPage.goto(`/instructions/${instructionId}`);
    expect(response?.status()).toBe(404);
    await expect(otherPage.getByRole("heading", { name: "未找到" })).toBeVisible();
    await expect(otherPage.getByText("柳*梅")).toHaveCount(0);
  } finally {
    await other.close();
  }
});

test.describe("on a desktop", () => {
  test.use({ viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 });

  test("the issuer reviews the feedback and closes the loop (结): the alert closes as 劝阻成功; the timeline says how long each step took", async ({ page, request }) => {
    test.setTimeout(240_000);
    const alertId = await ingestAlert(request, randomMobile());
    const instructionId = await reportedInstruction(alertId);
    await signInOk(page, "analyst3");
    await page.goto(`/instructions/${instructionId}`);
    await expect(page.getByTestId("instruction-status")).toHaveText("已反馈待审核");
    await expect(page.getByTestId("instruction-feedback")).toContainText("已劝阻");
    await expect(page.getByTestId("instruction-feedback")).toContainText("通话及短信记录、涉诈APP");
    await expect(page.getByTestId("instruction-feedback")).toContainText("¥2,000.00");
    const events = page.getByTestId("instruction-event");
    await expect(events).toHaveCount(4);
    await expect(events.nth(1).getByTestId("event-elapsed")).toHaveText("距上一步 5分钟");
    await expect(events.nth(2).getByTestId("event-elapsed")).toHaveText("距上一步 15分钟");
    await expect(events.nth(3).getByTestId("event-elapsed")).toHaveText("距上一步 9分钟");
    await expect(events.nth(3)).toContainText("已查看：通话及短信记录、涉诈APP");
    // The station's steps are not offered to the issuer; its own are.
    await expect(page.getByTestId("feedback-form")).toHaveCount(0);
    await expect(page.getByTestId("step-send-back")).toBeVisible();
    const close = page.getByTestId("close-form");
    await expect(close.getByLabel("同时办结预警")).toBeChecked();
    await expect(close).toContainText("预警将以“劝阻成功”办结");
    await expectNoA11yViolations(page, "an instruction with feedback to review, for its issuer");

    await close.getByRole("button", { name: "办结" }).click();
    await expect(page.getByTestId("instruction-status")).toHaveText("已办结");
    await expect(events.last()).toContainText("预警已办结（劝阻成功）");
    const [alert] = await sql<{ status: string; outcome: string }>(`SELECT status, outcome FROM alert WHERE id = $1`, [alertId]);
    expect(alert).toEqual({ status: "CLOSED", outcome: "DISSUADED" });
  });
});

test("the officer's other screens fit a phone: the alert list as cards, an alert, the password form", async ({ page }) => {
  await signInOk(page, "officer.d10s02");

  await page.goto("/alerts");
  await expect(page.getByRole("heading", { level: 1, name: "预警列表" })).toBeVisible();
  const rows = page.getByTestId("alert-row");
  await expect(rows.first()).toBeVisible();
  await expectNoSidewaysScroll(page, "alert list");
  await expectTouchTargets(page, "alert list");
  // Names stay on one line (a squeezed table wrapped them one character per line).
  const tallest = await rows.evaluateAll((trs) => Math.max(...trs.map((tr) => (tr.querySelectorAll("td")[2] as HTMLElement).getBoundingClientRect().height)));
  expect(tallest, "a person's name on one line").toBeLessThan(30);
  await expectNoA11yViolations(page, "the alert list on a phone");

  await rows.first().getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: "预警详情" })).toBeVisible();
  await expectNoSidewaysScroll(page, "alert page");
  await expectTouchTargets(page, "alert page");

  await page.goto("/change-password");
  await expect(page.getByRole("heading", { level: 1, name: "修改密码" })).toBeVisible();
  await expectNoSidewaysScroll(page, "change password");
  await expectTouchTargets(page, "change password", { links: true });
});

test("the console can be added to a phone's home screen: a manifest with icons, public", async ({ request }) => {
  // Fetched without a session, as the browser fetches a manifest.
  const response = await request.get("/manifest.webmanifest", { maxRedirects: 0 });
  expect(response.status()).toBe(200);
  const manifest = await response.json();
  expect(manifest).toMatchObject({ name: "反诈中心工作台", display: "standalone", start_url: "/", theme_color: "#0f2350" });
  const sizes = (manifest.icons as { sizes: string; src: string; purpose?: string }[]).map((i) => `${i.sizes} ${i.purpose ?? "any"}`);
  expect(sizes).toEqual(expect.arrayContaining(["192x192 any", "512x512 any", "512x512 maskable"]));
  for (const icon of manifest.icons as { src: string }[]) {
    const png = await request.get(icon.src, { maxRedirects: 0 });
    expect(png.status(), icon.src).toBe(200);
    expect(png.headers()["content-type"]).toBe("image/png");
  }
});
