import { createHash, randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import axe from "axe-core";
import pg from "pg";
import { createVault, parsePiiKeys, type SealedField } from "../../lib/pii/sealing";

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

/**
 * What every page is held to: WCAG 2.0 and 2.1, levels A and AA (GB/T 37668-2019, the national
 * standard for web accessibility, follows WCAG 2.0), plus axe's best practices, which are where
 * landmarks are checked (one <main>, nothing outside a landmark) and where the console has none to excuse.
 */
const RULE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

/**
 * axe-core leaves text of one character out of the contrast check (too short to tell it from an
 * icon), but in Chinese one character is a word: the risk badges read 高, 中, 低. Check them too.
 * `configure` replaces a check's options as a whole, so the defaults are read back and kept.
 */
const AXE_FOR_CHINESE = `${axe.source};
axe.configure({ checks: [{ id: "color-contrast", options: { ...axe._audit.checks["color-contrast"].options, ignoreLength: true } }] });`;

/**
 * Runs axe-core on the page as it is now and fails the test unless it finds nothing, listing each
 * violation with the elements, their markup and what to fix. Soft: the journey goes on, so one
 * run reports every state's violations. `label` names the state in the report.
 */
export async function expectNoA11yViolations(page: Page, label: string) {
  const { violations } = await new AxeBuilder({ page, axeSource: AXE_FOR_CHINESE }).withTags(RULE_TAGS).analyze();
  const report = violations.map((v) => {
    const nodes = v.nodes.map((n) => `    at ${n.target.join(" ")}\n      ${n.html.slice(0, 200)}\n      ${(n.failureSummary ?? "").replaceAll("\n", "\n      ")}`);
    return `  ${v.id} [${v.impact}] ${v.help} (${v.nodes.length}×) ${v.helpUrl}\n${nodes.join("\n")}`;
  });
  expect.soft(violations.map((v) => v.id), `accessibility violations on ${label}:\n${report.join("\n")}`).toEqual([]);
}

/** Opens a sealed value of the e2e database with the run's keys (scripts/test.mjs passes them in). */
export function openSealed(field: SealedField, sealed: string): string {
  return createVault(parsePiiKeys(process.env)).open(field, sealed);
}
