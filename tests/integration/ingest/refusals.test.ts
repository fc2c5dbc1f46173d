// Requests that are refused as a whole: an RFC 9457 problem document, and nothing written —
// except the DENIED audit row of a bad key, which never holds the key.
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { MAX_INGEST_BODY_BYTES } from "@/lib/schemas/ingest";
import { POST } from "@/app/api/v1/alerts/route";
import { openTestDatabase } from "../../support/test-database";
import { counts, delta, DEMO_KEY, makeAlert, post, URL, type Counts } from "./support";

await openTestDatabase("demo");

interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  requestId: string;
  errors?: { path: string; message: string }[];
}

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
const REVOKED_KEY = "revoked-key-for-tests-0001";
const INACTIVE_KEY = "inactive-source-key-0001";

beforeAll(async () => {
  const demo = await db.alertSource.findUniqueOrThrow({ where: { code: "demo-feed" } });
  await db.apiKey.create({ data: { sourceId: demo.id, prefix: "revoked-", keyHash: sha256(REVOKED_KEY), revokedAt: new Date() } });
  const telecom = await db.alertSource.update({ where: { code: "telecom" }, data: { active: false } });
  await db.apiKey.create({ data: { sourceId: telecom.id, prefix: "inactive", keyHash: sha256(INACTIVE_KEY) } });
});

function expectProblem(reply: { status: number; contentType: string | null; body: unknown }, status: number, kind: string): ProblemBody {
  expect(reply.status).toBe(status);
  expect(reply.contentType).toBe("application/problem+json");
  const body = reply.body as ProblemBody;
  expect(body).toMatchObject({ type: `tag:anti-fraud-console,2026:problem/${kind}`, status, title: expect.any(String), detail: expect.any(String) });
  return body;
}

const nothingWritten: Counts = { alerts: 0, persons: 0, audit: 0, events: 0 };

describe("a bad API key", () => {
  const cases: [string, string | null, string][] = [
    ["missing", null, "missing"],
    ["unknown", "not-a-key-at-all", "unknown"],
    ["revoked", REVOKED_KEY, "revoked"],
    ["of a deactivated source", INACTIVE_KEY, "sourceInactive"],
  ];
  for (const [label, key, reason] of cases) {
    it(`(${label}) gets 401 and writes only a DENIED audit row without the key`, async () => {
      const before = await counts();
      const requestId = `deny-${reason}`;
      const reply = await post({ alerts: [makeAlert()] }, { key, requestId });
      const problem = expectProblem(reply, 401, "unauthorized");
      expect(problem.requestId).toBe(requestId);
      expect(reply.headers.get("www-authenticate")).toMatch(/^Bearer realm="alerts"/);
      expect(delta(before, await counts())).toEqual({ ...nothingWritten, audit: 1 });
      const row = await db.auditEvent.findFirstOrThrow({ where: { requestId } });
      expect(row).toMatchObject({ action: "alert.ingest", outcome: "DENIED", actorId: null, details: { reason } });
      const text = JSON.stringify({ ...row, id: row.id.toString() });
      if (key) {
        expect(text).not.toContain(key);
        expect(text).not.toContain(key.slice(0, 8));
        expect(text).not.toContain(sha256(key));
      }
    });
  }

  it("a malformed Authorization header is refused the same way", async () => {
    for (const header of ["Basic abc", "Bearer", "Bearer a b", `Bearer ${"k".repeat(300)}`]) {
      const before = await counts();
      const request = new Request(URL, { method: "POST", headers: { authorization: header, "content-type": "application/json" }, body: "{}" });
      const response = await POST(request);
      expect(response.status).toBe(401);
      expect(delta(before, await counts())).toEqual({ ...nothingWritten, audit: 1 });
    }
  });

  it("the demo key works and marks last_used_at, at most once a minute", async () => {
    const key = await db.apiKey.findUniqueOrThrow({ where: { keyHash: sha256(DEMO_KEY) } });
    await db.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: null } });
    await post({ alerts: [makeAlert()] });
    const first = (await db.apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt;
    expect(first).not.toBeNull();
    await post({ alerts: [makeAlert()] });
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt).toEqual(first);
    await db.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date(Date.now() - 120_000) } });
    await post({ alerts: [makeAlert()] });
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it("revoking a key takes effect on the very next request", async () => {
    const key = "soon-revoked-key-0001";
    const demo = await db.alertSource.findUniqueOrThrow({ where: { code: "demo-feed" } });
    const row = await db.apiKey.create({ data: { sourceId: demo.id, prefix: "soon-rev", keyHash: sha256(key) } });
    expect((await post({ alerts: [makeAlert()] }, { key })).status).toBe(200);
    await db.apiKey.update({ where: { id: row.id }, data: { revokedAt: new Date() } });
    expect((await post({ alerts: [makeAlert()] }, { key })).status).toBe(401);
  });
});

describe("a refused body (valid key) writes nothing at all", () => {
  async function expectRefused(send: () => Promise<{ status: number; contentType: string | null; body: unknown }>, status: number, kind: string) {
    const before = await counts();
    const reply = await send();
    const problem = expectProblem(reply, status, kind);
    expect(delta(before, await counts())).toEqual(nothingWritten);
    return problem;
  }

  it("malformed JSON → 400", async () => {
    await expectRefused(() => post('{"alerts": [', {}), 400, "malformedJson");
    await expectRefused(() => post("", {}), 400, "malformedJson");
    await expectRefused(() => post(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), {}), 400, "malformedJson");
  });

  it("an empty batch → 422", async () => {
    const problem = await expectRefused(() => post({ alerts: [] }), 422, "batchSize");
    expect(problem.errors).toEqual([{ path: "alerts", message: expect.any(String) }]);
  });

  it("1,001 items → 422, even when every item is valid", async () => {
    const alerts = Array.from({ length: 1001 }, () => makeAlert());
    await expectRefused(() => post({ alerts }), 422, "batchSize");
  });

  it("a body that is not { alerts: [...] } → 422", async () => {
    await expectRefused(() => post([makeAlert()]), 422, "invalidRequest");
    await expectRefused(() => post({ alerts: [makeAlert()], extra: 1 }), 422, "invalidRequest");
    await expectRefused(() => post({ items: [makeAlert()] }), 422, "invalidRequest");
    await expectRefused(() => post("null"), 422, "invalidRequest");
    await expectRefused(() => post({ alerts: "many" }), 422, "invalidRequest");
  });

  it("a body over the limit → 413, whether Content-Length says so or only the bytes do", async () => {
    const big = JSON.stringify({ alerts: [makeAlert()], padding: "x".repeat(MAX_INGEST_BODY_BYTES) });
    await expectRefused(() => post(big), 413, "contentTooLarge");
    // Declared too large: refused before a byte is read.
    await expectRefused(() => post('{"alerts":[]}', { headers: { "content-length": String(MAX_INGEST_BODY_BYTES + 1) } }), 413, "contentTooLarge");
    // Streamed without a Content-Length: refused while reading.
    const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > MAX_INGEST_BODY_BYTES * 2) controller.close();
        else {
          sent += chunk.byteLength;
          controller.enqueue(chunk);
        }
      },
    });
    await expectRefused(() => post(endless), 413, "contentTooLarge");
  });

  it("a body stream that breaks off (client gone) → 400, not a server error", async () => {
    let sent = false;
    const broken = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent) controller.error(new Error("connection reset"));
        else {
          sent = true;
          controller.enqueue(new TextEncoder().encode('{"alerts":['));
        }
      },
    });
    await expectRefused(() => post(broken), 400, "malformedJson");
  });

  it("a body exactly at the limit is read (and here, being padding, refused as JSON)", async () => {
    const body = `{"alerts":[${" ".repeat(MAX_INGEST_BODY_BYTES - 13)}]}`;
    expect(Buffer.byteLength(body)).toBe(MAX_INGEST_BODY_BYTES);
    await expectRefused(() => post(body), 422, "batchSize");
  });

  it("a content type other than application/json → 415", async () => {
    const body = { alerts: [makeAlert()] };
    for (const contentType of ["text/plain", "application/x-www-form-urlencoded", "application/json; charset=latin1", "multipart/form-data; boundary=x", null]) {
      await expectRefused(() => post(body, { contentType }), 415, "unsupportedMediaType");
    }
    const ok = await post({ alerts: [makeAlert()] }, { contentType: "Application/JSON; charset=UTF-8" });
    expect(ok.status).toBe(200);
  });

  it("an unusable x-request-id is replaced rather than stored", async () => {
    const reply = await post({ alerts: [makeAlert()] }, { requestId: `bad id ${"x".repeat(100)}` });
    expect(reply.status).toBe(200);
    expect(reply.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
