import { expect, test, type Page } from "@playwright/test";
import { signInOk, sql } from "./support";

// One refused look at a page is one event in the audit trail: one DENIED row, not one for each
// thing the page reads (docs/decisions/012-audit-in-words.md).

async function deniedCount(username: string): Promise<number> {
  const [row] = await sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM audit_event e JOIN app_user u ON u.id = e.actor_id WHERE u.username = $1 AND e.outcome = 'DENIED'`,
    [username],
  );
  return row!.n;
}

/** Visits a page once and answers how many DENIED rows the visit wrote for the user. */
async function deniedByVisit(page: Page, username: string, path: string): Promise<number> {
  const before = await deniedCount(username);
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(404);
  await expect(page.getByRole("heading", { name: "未找到" })).toBeVisible();
  // A page that read two things side by side answered on the first refusal and wrote the second
  // a moment later: let that moment pass before counting (it can only make the count stricter).
  await page.waitForTimeout(300);
  return (await deniedCount(username)) - before;
}

test("every page refused to a role writes exactly one DENIED row", async ({ page }) => {
  // Fifteen pages, each visited and counted: longer than one page on a busy CI machine.
  test.setTimeout(300_000);
  const [alert] = await sql<{ id: string }>(`SELECT a.id FROM alert a JOIN org_unit c ON c.id = a.city_id WHERE c.code = 'LC' LIMIT 1`);
  // The wall screen's account may open no page but its own.
  await signInOk(page, "lc.wall");
  const pages = ["/queue", "/alerts", `/alerts/${alert!.id}`, "/bank-desk", "/admin/users", "/admin/sources", "/admin/deadlines", "/admin/playbooks", "/admin/playbooks/ROMANCE", "/admin/communities", "/audit", "/instructions", "/instructions/issued", "/district", "/notifications"];
  const written: Record<string, number> = {};
  for (const path of pages) written[path] = await deniedByVisit(page, "lc.wall", path);
  expect(written).toEqual(Object.fromEntries(pages.map((p) => [p, 1])));
});

test("an alert outside one's jurisdiction writes exactly one DENIED row", async ({ page }) => {
  const [alert] = await sql<{ id: string }>(
    `SELECT a.id FROM alert a JOIN org_unit s ON s.id = a.station_id WHERE s.code = 'D05S02' LIMIT 1`,
  );
  await signInOk(page, "officer.d05s01");
  expect(await deniedByVisit(page, "officer.d05s01", `/alerts/${alert!.id}`)).toBe(1);
});
