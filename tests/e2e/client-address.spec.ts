// The audit trail records the address the connection came from. A client that is not a trusted
// proxy cannot put another address there through X-Forwarded-For (or the server's own header).
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { CLIENT_ADDRESS_HEADER } from "../../lib/http/client-address.mjs";
import { signIn, sql } from "./support";

const FORGED = "203.0.113.7";
const forgedHeaders = { "X-Forwarded-For": FORGED, "X-Real-IP": FORGED, [CLIENT_ADDRESS_HEADER]: "198.51.100.9" };
// The test runner connects over loopback; the trail must name it, whatever the headers said.
const LOOPBACK = /^(127\.0\.0\.1|::1)$/;

test("a forged X-Forwarded-For on the ingestion API does not reach the audit row", async ({ request }) => {
  const response = await request.post("/api/v1/alerts", {
    headers: { ...forgedHeaders, "Content-Type": "application/json" },
    data: { alerts: [] },
  });
  expect(response.status()).toBe(401);
  const requestId = response.headers()["x-request-id"];
  const rows = await sql<{ ip: string | null }>("SELECT ip FROM audit_event WHERE request_id = $1", [requestId]);
  expect(rows).toHaveLength(1);
  expect(rows[0]!.ip).toMatch(LOOPBACK);
});

test("a forged X-Forwarded-For at sign-in does not reach the audit row", async ({ browser }) => {
  const page = await (await browser.newContext({ extraHTTPHeaders: forgedHeaders })).newPage();
  const username = `forged.${randomBytes(4).toString("hex")}`;
  await signIn(page, username, "not-the-password-1");
  await expect(page.getByTestId("form-message")).toBeVisible();
  const rows = await sql<{ ip: string | null }>(
    "SELECT ip FROM audit_event WHERE action = 'auth.sign_in' AND details->>'username' = $1",
    [username],
  );
  expect(rows).toHaveLength(1);
  expect(rows[0]!.ip).toMatch(LOOPBACK);
});
