import { randomBytes, randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { createOwnSource, signInOk, sql } from "./support";

// An open live page must not keep an abandoned session alive: the refreshes the live stream causes
// are not the user's activity. A key press is.
test("a live refresh does not extend the session; the user's own input does", async ({ page, request }) => {
  // An analyst of its own, so no other spec's sign-in touches this session.
  const username = `e2e.idle.${randomBytes(4).toString("hex")}`;
  await sql(
    `INSERT INTO app_user (username, display_name, role, unit_id, password_hash)
     SELECT $1, '闲置测试', 'ANALYST', unit_id, password_hash FROM app_user WHERE username = 'analyst1'`,
    [username],
  );
  const source = await createOwnSource("live session");
  await signInOk(page, username);
  await page.goto(`/queue?sourceId=${source.id}`);
  await expect(page.getByTestId("live-indicator")).toHaveAttribute("data-status", "live");

  // The user walks away 20 minutes ago (as far as the session row knows).
  const idleSince = new Date(Date.now() - 20 * 60_000);
  await sql(`UPDATE session SET last_seen_at = $2 WHERE user_id = (SELECT id FROM app_user WHERE username = $1) AND revoked_at IS NULL`, [username, idleSince]);

  // An alert arrives: the queue refreshes itself and shows it.
  const externalId = `E2E-${randomUUID()}`;
  const response = await request.post("/api/v1/alerts", {
    headers: { Authorization: `Bearer ${source.key}` },
    data: { alerts: [{ externalId, cityCode: "JZ", riskLevel: "URGENT", fraudType: "FAKE_LOAN", detectedAt: new Date().toISOString(), person: { name: "李闲", phone: `139${String(Date.now() % 1e8).padStart(8, "0")}` } }] },
  });
  expect(response.ok()).toBe(true);
  await expect(page.getByTestId("queue-row")).toHaveCount(1, { timeout: 10_000 });

  const [after] = await sql<{ last_seen_at: Date; revoked_at: Date | null }>(
    `SELECT last_seen_at, revoked_at FROM session WHERE user_id = (SELECT id FROM app_user WHERE username = $1) ORDER BY created_at DESC LIMIT 1`,
    [username],
  );
  expect(after!.revoked_at).toBeNull();
  expect(after!.last_seen_at.getTime()).toBe(idleSince.getTime());

  // The user comes back and presses a key: that is activity, and the session is touched.
  await page.keyboard.press("j");
  await expect
    .poll(async () => {
      const [row] = await sql<{ last_seen_at: Date }>(
        `SELECT last_seen_at FROM session WHERE user_id = (SELECT id FROM app_user WHERE username = $1) ORDER BY created_at DESC LIMIT 1`,
        [username],
      );
      return row!.last_seen_at.getTime() > idleSince.getTime() + 60_000;
    })
    .toBe(true);
});
