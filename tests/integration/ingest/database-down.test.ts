// With the database unreachable, the ingestion API says so — 503 with Retry-After, an RFC 9457
// problem — instead of a 500 that reads like a bug. The app is pointed at a port nobody listens on.
import net from "node:net";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { isDatabaseUnavailable } from "@/lib/server/db-errors";
import { handleIngestRequest } from "@/lib/server/ingest/handle-ingest-request";
import { closeDatabaseClients } from "../../support/test-database";
import { DEMO_KEY, makeAlert, URL } from "./support";

/** A local port that was free a moment ago and is closed now: connecting is refused at once. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const downUrl = `postgresql://postgres@127.0.0.1:${await closedPort()}/nowhere`;
process.env.DATABASE_URL = downUrl;
process.env.AUTH_SECRET ??= "test-secret-for-integration-tests-only";
await closeDatabaseClients();
afterAll(closeDatabaseClients);

function request(key: string | null): Request {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (key) headers.authorization = `Bearer ${key}`;
  return new Request(URL, { method: "POST", headers, body: JSON.stringify({ alerts: [makeAlert()] }) });
}

describe("the ingestion API with the database down", () => {
  for (const [label, key] of [
    ["with a valid key", DEMO_KEY],
    ["without a key", null],
  ] as const) {
    it(`answers 503 with Retry-After, not 500 (${label})`, async () => {
      const response = await handleIngestRequest(request(key));
      expect(response.status).toBe(503);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
      const body = (await response.json()) as { type: string; status: number; requestId: string };
      expect(body).toMatchObject({ type: "tag:anti-fraud-console,2026:problem/serviceUnavailable", status: 503 });
      expect(response.headers.get("x-request-id")).toBe(body.requestId);
    });
  }

  it("recognises the outage as both database clients report it, and nothing else", async () => {
    const viaPrisma = await db.$queryRaw`SELECT 1`.then(
      () => null,
      (error: unknown) => error,
    );
    expect(isDatabaseUnavailable(viaPrisma)).toBe(true);
    const pool = new pg.Pool({ connectionString: downUrl });
    const viaPg = await pool.query("SELECT 1").then(
      () => null,
      (error: unknown) => error,
    );
    await pool.end();
    expect(isDatabaseUnavailable(viaPg)).toBe(true);
    expect(isDatabaseUnavailable(new Error("boom"))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("duplicate key"), { code: "23505" }))).toBe(false);
  });
});
