import { randomInt } from "node:crypto";
import { expect, test } from "@playwright/test";
import { createVault, parsePiiKeys } from "../../lib/pii/sealing";
import { signInOk, sql } from "./support";

/**
 * A stop sent to ICBC's desk, written straight into the e2e database as the console stores one
 * (sealed account and holder), on a closed alert no other journey works, with an account of its own.
 */
async function stopAtIcbc(): Promise<{ requestId: string; account: string }> {
  const vault = createVault(parsePiiKeys(process.env));
  const account = `1${String(randomInt(0, 1e9)).padStart(9, "0")}${String(randomInt(0, 1e8)).padStart(8, "0")}`;
  const [alert] = await sql<{ id: string; city_id: string; district_id: string | null; station_id: string | null; person_id: string }>(
    `SELECT a.id, a.city_id, a.district_id, a.station_id, a.person_id FROM alert a JOIN org_unit c ON c.id = a.city_id AND c.code = 'JZ'
     WHERE a.status = 'CLOSED' AND a.case_id IS NULL AND NOT EXISTS (SELECT 1 FROM fraud_case f WHERE f.alert_id = a.id) ORDER BY random() LIMIT 1`,
  );
  const [ids] = await sql<{ bank_id: string; analyst_id: string }>(
    `SELECT (SELECT id FROM bank WHERE code = 'ICBC') AS bank_id, (SELECT id FROM app_user WHERE username = 'analyst1') AS analyst_id`,
  );
  const sealed = [vault.seal("bankAccount", account), vault.blindIndex("bankAccount", account), account.slice(-4), vault.seal("accountHolder", "王小明")];
  const [fraudCase] = await sql<{ id: string }>(
    `INSERT INTO fraud_case (city_id, district_id, station_id, alert_id, person_id, loss_fen, opened_by_id) VALUES ($1, $2, $3, $4, $5, 31681927, $6) RETURNING id`,
    [alert!.city_id, alert!.district_id, alert!.station_id, alert!.id, alert!.person_id, ids!.analyst_id],
  );
  const [transfer] = await sql<{ id: string }>(
    `INSERT INTO case_transfer (city_id, case_id, level, victim_person_id, bank_id, account_sealed, account_index, account_last4, holder_sealed, amount_fen, transferred_at, created_by_id)
     VALUES ($1, $2, 1, $3, $4, $5, $6, $7, $8, 31681927, now() - interval '20 minutes', $9) RETURNING id`,
    [alert!.city_id, fraudCase!.id, alert!.person_id, ids!.bank_id, ...sealed, ids!.analyst_id],
  );
  const [request] = await sql<{ id: string }>(
    `INSERT INTO bank_request (city_id, district_id, station_id, case_id, transfer_id, bank_id, kind, status, via_desk, account_sealed, account_index, account_last4, holder_sealed, amount_fen, reply_by, filed_by_id)
     VALUES ($1, $2, $3, $4, $5, $6, 'STOP', 'SENT', true, $7, $8, $9, $10, 31681927, now() + interval '1 hour', $11) RETURNING id`,
    [alert!.city_id, alert!.district_id, alert!.station_id, fraudCase!.id, transfer!.id, ids!.bank_id, ...sealed, ids!.analyst_id],
  );
  return { requestId: request!.id, account };
}

test("a stop prints on one A4 page, masked until revealed with a reason; another bank's desk finds nothing", async ({ page, browser }) => {
  const { requestId, account } = await stopAtIcbc();
  await signInOk(page, "bank.icbc");
  await page.goto(`/requests/${requestId}/print`);
  await expect(page.getByRole("heading", { level: 1, name: "紧急止付申请" })).toBeVisible();
  await expect(page.getByTestId("print-account")).toHaveText(`****${account.slice(-4)}`);
  await expect(page.getByTestId("print-holder")).toHaveText("王*明");
  await expect(page.getByTestId("print-amount")).toContainText("叁拾壹万陆仟捌佰壹拾玖元贰角柒分");

  // Revealed for this print, with a reason: the full values on the page, never in its URL.
  await page.getByLabel("打印完整账号和户名的事由").fill("银行柜面核对需要完整账号");
  await page.getByRole("button", { name: "显示完整信息" }).click();
  await expect(page.getByTestId("print-account")).toHaveText(account);
  await expect(page.getByTestId("print-holder")).toHaveText("王小明");
  expect(page.url()).not.toContain(account);

  // Printed: the console's header and the buttons are gone; the document fits one A4 page.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByTestId("current-user")).toBeHidden();
  await expect(page.getByRole("button", { name: "打印" })).toBeHidden();
  const pdf = (await page.pdf({ format: "A4", preferCSSPageSize: true })).toString("latin1");
  expect(pdf.match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);
  // A4 is 210 × 297 mm: 595.3 × 841.9 points.
  const [, width, height] = pdf.match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/) ?? [];
  expect(Math.round(Number(width))).toBe(595);
  expect(Math.round(Number(height))).toBe(842);

  const other = await browser.newPage();
  await signInOk(other, "bank.abc");
  const response = await other.goto(`/requests/${requestId}/print`);
  expect(response?.status()).toBe(404);
  await other.close();
});
