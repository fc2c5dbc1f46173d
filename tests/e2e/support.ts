import { createHash, randomBytes } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import pg from "pg";

export const DEMO_PASSWORD = "Demo@2026!";
export const GENERIC_FAILURE = "用户名或密码错误，或账户暂时无法登录。如多次失败，请联系管理员。";

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}

export async function signInOk(page: Page, username: string) {
  await signIn(page, username);
  await expect(page.getByTestId("current-user")).toBeVisible();
}

/** Reads the e2e database directly, to find ids a user could type into a URL. */
export async function sql<T extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
  const url = process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

/**
 * An alert source with an API key, for one test alone. Specs run in parallel on one database:
 * a list filtered to this source holds only the alerts the test ingested itself, whatever the
 * others ingest, claim or close meanwhile. (The key is stored as its SHA-256, as the console does.)
 */
export async function createOwnSource(label: string): Promise<{ id: string; key: string }> {
  const key = `afk_${randomBytes(32).toString("base64url")}`;
  const [source] = await sql<{ id: string }>(
    `INSERT INTO alert_source (code, name, kind) VALUES ($1, $2, 'CITY_ANALYSIS') RETURNING id`,
    [`e2e-${randomBytes(6).toString("hex")}`, `E2E ${label}`.slice(0, 100)],
  );
  await sql(`INSERT INTO api_key (source_id, prefix, key_hash) VALUES ($1, $2, $3)`, [
    source!.id,
    key.slice(0, 8),
    createHash("sha256").update(key).digest("hex"),
  ]);
  return { id: source!.id, key };
}
