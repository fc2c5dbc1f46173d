import { randomInt, randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { createOwnSource, expectNoA11yViolations, signInOk, sql } from "./support";

// 止付、冻结、返还 end to end: an analyst files two stops from an alert with money in transit; the
// ICBC liaison stops part and reports the rest moved on to an account at CCB; the CCB liaison stops
// it; a supervisor approves the freeze; the liaison freezes; a return decision is recorded and the
// return entered; the case shows the right totals and the money chain. Each account is new.

const randomMobile = () => `13${String(randomInt(0, 1_000_000_000)).padStart(9, "0")}`;

/** A UnionPay card number with a valid Luhn check digit. */
function card(bin: string): string {
  const body = `${bin}${String(randomInt(0, 1e9)).padStart(9, "0")}`;
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return body + String((10 - (sum % 10)) % 10);
}

/** "2026-12-03T14:05" in Shanghai time, `minutes` ago (what a datetime-local field takes). */
// A missing control fails in seconds, not at the end of the journey's time.
test.use({ actionTimeout: 20_000 });

function shanghaiMinutesAgo(minutes: number): string {
  return new Date(Date.now() + 8 * 3_600_000 - minutes * 60_000).toISOString().slice(0, 16);
}

async function page(browser: Browser, username: string): Promise<Page> {
  const p = await (await browser.newContext()).newPage();
  await signInOk(p, username);
  return p;
}

test("two stops → part stopped and the rest followed to CCB → freeze approved and done → return → the case's totals and chain", async ({ browser, request }) => {
  test.setTimeout(480_000);
  const source = await createOwnSource("money journey");
  const externalId = `E2E-${randomUUID()}`;
  const ingest = await request.post("/api/v1/alerts", {
    headers: { Authorization: `Bearer ${source.key}` },
    data: {
      alerts: [
        { externalId, cityCode: "JZ", riskLevel: "URGENT", fraudType: "FAKE_INVESTMENT", detectedAt: new Date().toISOString(), person: { name: "甘秀兰", phone: randomMobile() }, amountInTransferFen: 500_000 },
      ],
    },
  });
  expect(ingest.ok(), await ingest.text()).toBe(true);
  const [{ id: alertId }] = (await sql<{ id: string }>(`SELECT id FROM alert WHERE source_id = $1 AND external_id = $2`, [source.id, externalId])) as [{ id: string }];
  const [icbcCard, bocCard, ccbCard] = [card("621226"), card("621661"), card("621700")];

  // 1. The analyst files two stops from the alert: the case starts at the first.
  const analyst = await page(browser, "analyst1");
  await analyst.goto(`/alerts/${alertId}`);
  const money = analyst.getByTestId("alert-money");
  await expect(money).toBeVisible();
  const fileStop = async (bank: string, account: string, amount: string) => {
    const form = money.getByRole("region", { name: "紧急止付" });
    await form.getByLabel("银行或支付机构").selectOption({ label: bank });
    await form.getByLabel("收款账号").fill(account);
    await form.getByLabel("户名").fill("赵某");
    await form.getByLabel("金额（元）").fill(amount);
    await form.getByLabel("转账时间（北京时间）").fill(shanghaiMinutesAgo(20));
    await form.getByRole("button", { name: "立即止付" }).click();
    await expect(form.getByText("止付请求已发送")).toBeVisible();
  };
  await fileStop("工商银行", icbcCard, "3000");
  await expect(money.getByTestId("alert-case-link")).toBeVisible();
  await fileStop("中国银行", bocCard, "2000");
  const caseHref = (await money.getByTestId("alert-case-link").getAttribute("href"))!;

  // 2. ICBC's liaison sees it on the desk, stops ¥1,000 and reports ¥2,000 moved on to CCB.
  const icbc = await page(browser, "bank.icbc");
  await icbc.goto("/bank-desk");
  const icbcItem = icbc.getByRole("link", { name: new RegExp(icbcCard.slice(-4)) }).first();
  await expect(icbcItem).toBeVisible();
  await icbcItem.click();
  await expect(icbc).toHaveURL(/\/requests\//);
  const stopForm = icbc.getByTestId("answer-stop-form");
  await stopForm.getByLabel("部分止付").check();
  await stopForm.getByLabel("止付金额（元）").fill("1000");
  await stopForm.getByRole("button", { name: "添加流出账户" }).click();
  const row = stopForm.getByTestId("movedOn-row").first();
  await row.getByLabel("银行或支付机构").selectOption({ label: "建设银行" });
  await row.getByLabel("账号").fill(ccbCard);
  await row.getByLabel("金额（元）").fill("2000");
  await row.getByLabel("转出时间").fill(shanghaiMinutesAgo(10));
  await expectNoA11yViolations(icbc, "the stop answer with a moved-on account");
  await stopForm.getByRole("button", { name: "提交止付结果" }).click();
  await expect(icbc.getByTestId("request-status")).toHaveAttribute("data-status", "COMPLETED");
  await expect(icbc.getByTestId("request-answer")).toContainText("¥1,000.00");

  // 3. CCB's liaison gets the follow-on stop and stops it in full.
  const ccb = await page(browser, "bank.ccb");
  await ccb.goto("/bank-desk");
  await ccb.getByRole("link", { name: new RegExp(ccbCard.slice(-4)) }).first().click();
  const ccbStop = ccb.getByTestId("answer-stop-form");
  await ccbStop.getByLabel(/全额止付/).check();
  await ccbStop.getByRole("button", { name: "提交止付结果" }).click();
  await expect(ccb.getByTestId("request-status")).toHaveAttribute("data-status", "COMPLETED");
  await expect(ccb.getByTestId("request-answer")).toContainText("¥2,000.00");
  const ccbStopUrl = ccb.url();

  // 4. The analyst files the freeze of the CCB money from the case; the supervisor approves it.
  await analyst.goto(caseHref);
  const followUp = analyst.getByTestId("follow-up-form");
  const ccbTransfer = followUp.getByLabel("转账").locator("option", { hasText: ccbCard.slice(-4) });
  await followUp.getByLabel("转账").selectOption({ value: (await ccbTransfer.getAttribute("value"))! });
  await followUp.getByLabel("类型").selectOption({ label: "冻结" });
  await followUp.getByLabel("金额（元）").fill("2000");
  await followUp.getByRole("button", { name: "提交审批" }).click();
  await expect(analyst.getByText("已提交，等待审批")).toBeVisible();

  const leader = await page(browser, "leader");
  await leader.goto("/approvals");
  await leader.getByRole("row").filter({ hasText: ccbCard.slice(-4) }).filter({ hasText: "冻结" }).getByRole("link", { name: "审批" }).click();
  await leader.getByLabel("通知书文号").fill(`江公(反诈)冻字〔2026〕${randomInt(1000, 9999)}号`);
  await leader.getByRole("button", { name: "批准并发送" }).click();
  await expect(leader.getByTestId("request-status")).toHaveAttribute("data-status", "SENT");

  // 5. CCB freezes ¥2,000 (the bank reports a larger balance, kept apart).
  await ccb.goto("/bank-desk");
  await ccb.getByRole("link", { name: /冻结/ }).filter({ hasText: ccbCard.slice(-4) }).first().click();
  const freezeForm = ccb.getByTestId("answer-freeze-form");
  await freezeForm.getByLabel("冻结金额（元）").fill("2000");
  await freezeForm.getByLabel("账户余额（元，可选）").fill("35000");
  await freezeForm.getByRole("button", { name: "提交冻结结果" }).click();
  await expect(ccb.getByTestId("request-status")).toHaveAttribute("data-status", "COMPLETED");
  await expect(ccb.getByTestId("request-answer")).toContainText("¥35,000.00");

  // 6. The return: filed, decided (原路返还), accepted and entered by the bank.
  await analyst.goto(caseHref);
  await followUp.getByLabel("转账").selectOption({ value: (await ccbTransfer.getAttribute("value"))! });
  await followUp.getByLabel("类型").selectOption({ label: "返还" });
  await followUp.getByLabel("金额（元）").fill("2000");
  await followUp.getByRole("button", { name: "提交审批" }).click();
  await expect(analyst.getByText("已提交，等待审批")).toBeVisible();
  await leader.goto("/approvals");
  await leader.getByRole("row").filter({ hasText: ccbCard.slice(-4) }).filter({ hasText: "返还" }).getByRole("link", { name: "审批" }).click();
  await leader.getByLabel("返还决定书文号").fill(`江公(反诈)返字〔2026〕${randomInt(1000, 9999)}号`);
  await leader.getByLabel("返还方式").selectOption({ label: "原路返还" });
  await leader.getByRole("button", { name: "批准并发送" }).click();
  await expect(leader.getByTestId("request-status")).toHaveAttribute("data-status", "SENT");

  await ccb.goto("/bank-desk");
  await ccb.getByRole("link", { name: /返还/ }).filter({ hasText: ccbCard.slice(-4) }).first().click();
  await ccb.getByRole("button", { name: "受理" }).click();
  await expect(ccb.getByTestId("request-status")).toHaveAttribute("data-status", "ACCEPTED");
  const returnForm = ccb.getByTestId("record-return-form");
  await returnForm.getByLabel("返还金额（元）").fill("2000");
  await returnForm.getByLabel("返还日期").fill(shanghaiMinutesAgo(0).slice(0, 10));
  await returnForm.getByLabel("回执编号").fill(`HZ${randomInt(100000, 999999)}`);
  await returnForm.getByRole("button", { name: "录入返还" }).click();
  await expect(ccb.getByTestId("request-return")).toHaveCount(1);
  await expect(ccb.getByTestId("request-status")).toHaveAttribute("data-status", "COMPLETED");
  expect(ccbStopUrl).not.toContain(ccbCard);

  // 7. The case: loss ¥5,000 (two transfers); stopped ¥1,000 at ICBC and ¥2,000 at CCB, the CCB
  // money frozen (the freeze takes it over, not added) and returned; the chain has a second level.
  await analyst.goto(caseHref);
  await expect(analyst.getByTestId("total-returned")).toHaveText("¥2,000.00");
  await expect(analyst.getByTestId("total-stopped")).toHaveText("¥1,000.00");
  await expect(analyst.getByTestId("total-frozen")).toHaveText("¥0.00");
  await expect(analyst.getByTestId("total-recovery")).toContainText("40");
  const chain = analyst.getByTestId("money-chain");
  await expect(chain.locator('[data-testid="chain-node"][data-level="1"]')).toHaveCount(2);
  await expect(chain.locator('[data-testid="chain-node"][data-level="2"]')).toHaveCount(1);
  await expect(chain.locator('[data-testid="chain-node"][data-level="2"]')).toContainText(ccbCard.slice(-4));
  await expectNoA11yViolations(analyst, "the case with its money chain");
  await expect(analyst.locator("body")).not.toContainText(icbcCard);
});
