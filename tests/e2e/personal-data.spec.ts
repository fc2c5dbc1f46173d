import { randomInt, randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { createOwnSource, expectNoA11yViolations, signInOk, sql } from "./support";
import { idNumberCheckChar } from "../../lib/pii/id-number";

// The number a warning is about is the one on the screen: a person warned before on another
// number shows it among their earlier numbers, not in its place.
test("an alert linked by ID number to a person known under another phone shows its own number first", async ({ page, request }) => {
  const source = await createOwnSource("personal data");
  const phone = () => `13${String(randomInt(0, 1_000_000_000)).padStart(9, "0")}`;
  const first17 = `330102199${randomInt(0, 10)}0${randomInt(1, 10)}1${String(randomInt(0, 10))}${String(randomInt(100, 999))}`.slice(0, 17);
  const idNumber = first17 + idNumberCheckChar(first17);
  const [oldPhone, newPhone] = [phone(), phone()];
  const alert = (p: string, minutesAgo: number) => ({
    externalId: `E2E-${randomUUID()}`,
    cityCode: "JZ",
    riskLevel: "HIGH",
    fraudType: "FAKE_INVESTMENT",
    detectedAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
    person: { name: "欧阳明珠", phone: p, idNumber },
  });
  // Days apart, so the second is a new alert of the same person rather than a repeat joined to the first.
  const reply = await request.post("/api/v1/alerts", { headers: { Authorization: `Bearer ${source.key}` }, data: { alerts: [alert(oldPhone, 5 * 24 * 60), alert(newPhone, 1)] } });
  expect(reply.ok()).toBe(true);
  const results = (await reply.json()).results as { alertId: string }[];
  const [row] = await sql<{ same: boolean }>(`SELECT (SELECT person_id FROM alert WHERE id = $1) = (SELECT person_id FROM alert WHERE id = $2) AS same`, [results[0]!.alertId, results[1]!.alertId]);
  expect(row!.same).toBe(true);

  await signInOk(page, "analyst5");
  await page.goto(`/alerts/${results[1]!.alertId}`);
  const masked = (p: string) => `${p.slice(0, 3)}****${p.slice(7)}`;
  await expect(page.getByTestId("person-phone")).toHaveText(masked(newPhone));
  await expect(page.getByTestId("person-other-phones")).toContainText(masked(oldPhone));
  await expect(page.getByTestId("person-name")).toHaveText("欧**珠");
  await expectNoA11yViolations(page, "an alert with the person's earlier numbers");
});
