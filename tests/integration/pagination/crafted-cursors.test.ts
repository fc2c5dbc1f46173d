// A cursor comes back from the client, so it can be anything. The list functions refuse one they
// did not make with the typed error, before a single query is sent: these crafted cursors used to
// reach PostgreSQL (or Prisma's validation) and end as a 500 with the query printed to stdout.
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { ValidationError } from "@/lib/errors";
import { encodeAlertListCursor, encodeAuditCursor, encodeQueueCursor } from "@/lib/pagination";
import { listAlerts } from "@/lib/server/alerts/list-alerts";
import { listTriageQueue } from "@/lib/server/alerts/list-triage-queue";
import { listAuditEvents } from "@/lib/server/audit/list-audit-events";
import { AlertListFilterSchema } from "@/lib/schemas/alerts";
import { QueueFilterSchema } from "@/lib/schemas/triage";
import { AuditFilterSchema } from "@/lib/schemas/audit";
import { openTestDatabase } from "../../support/test-database";
import { signInAs } from "../../support/actors";

await openTestDatabase("demo");

const b64 = (text: string) => Buffer.from(text).toString("base64url");
const ID = "3f2b8c1e-9a4d-4e7b-8c2f-1a2b3c4d5e6f";
const AT = "2026-11-21T09:30:00.000Z";
const NOT_A_UUID = "-".repeat(36);
const YEAR_MINUS_271821 = new Date(-8.64e15).toISOString();

/**
 * Runs `list` on the real client, counting the queries it sends (the client is observed through a
 * Prisma query extension, not replaced: every query still goes to the database).
 */
async function observe(list: () => Promise<unknown>): Promise<{ error: unknown; queries: number }> {
  const g = globalThis as unknown as { afcDb?: Db };
  const real = g.afcDb;
  if (!real) throw new Error("the client is created by the sign-in before this runs");
  let queries = 0;
  g.afcDb = real.$extends({
    query: {
      async $allOperations({ args, query }) {
        queries++;
        return query(args);
      },
    },
  }) as unknown as Db;
  try {
    await list();
    return { error: undefined, queries };
  } catch (error) {
    return { error, queries };
  } finally {
    g.afcDb = real;
  }
}

async function expectRefusedWithoutQuery(list: () => Promise<unknown>) {
  const { error, queries } = await observe(list);
  expect(error).toBeInstanceOf(ValidationError);
  expect(error).toMatchObject({ code: "invalidCursor", field: "cursor" });
  expect(queries).toBe(0);
}

async function expectTakenAndQueried(list: () => Promise<unknown>) {
  const { error, queries } = await observe(list);
  expect(error).toBeUndefined();
  expect(queries).toBeGreaterThan(0);
}

let leader: Actor;
let auditor: Actor;
let analyst: Actor;
beforeAll(async () => {
  leader = await signInAs("leader");
  auditor = await signInAs("auditor");
  analyst = await signInAs("analyst1");
});

const alertList = (cursor: string) => () => listAlerts(leader, AlertListFilterSchema.parse({ cursor }));
const queue = (cursor: string) => () => listTriageQueue(analyst, QueueFilterSchema.parse({ cursor }));
const auditTrail = (cursor: string) => () => listAuditEvents(auditor, AuditFilterSchema.parse({ cursor }));

describe("a cursor made from a real row is taken, and queried", () => {
  // Without this, "refused without a query" could also mean "refuses everything". (The demo city
  // has fewer than a page of open alerts and audit rows, so the cursors are made from page one.)
  it("alert list", async () => {
    const [row] = (await listAlerts(leader, AlertListFilterSchema.parse({}))).items;
    const cursor = encodeAlertListCursor({ at: new Date(row!.detectedAt), id: row!.id });
    await expectTakenAndQueried(alertList(cursor));
  });
  it("queue", async () => {
    const [row] = (await listTriageQueue(analyst, QueueFilterSchema.parse({}))).items;
    const cursor = encodeQueueCursor({ risk: row!.riskLevel, deadline: new Date(row!.firstContactDeadline), id: row!.id });
    await expectTakenAndQueried(queue(cursor));
  });
  it("audit trail", async () => {
    const [row] = (await listAuditEvents(auditor, AuditFilterSchema.parse({}))).rows;
    await expectTakenAndQueried(auditTrail(encodeAuditCursor(BigInt(row!.id))));
  });
});

describe("crafted cursors are refused before any query", () => {
  it.each([
    ["a non-UUID id that passes [0-9a-f-]{36}, old format", b64(`${AT}|${NOT_A_UUID}`)],
    ["a date in year −271821, old format", b64(`${YEAR_MINUS_271821}|${ID}`)],
    ["a non-UUID id", b64(JSON.stringify({ d: AT, i: NOT_A_UUID }))],
    ["a date in year −271821", b64(JSON.stringify({ d: YEAR_MINUS_271821, i: ID }))],
    ["a date in 1970", b64(JSON.stringify({ d: "1970-01-01T00:00:00.000Z", i: ID }))],
    ["longer than any cursor", "A".repeat(5_000)],
  ])("alert list: %s", async (_, cursor) => {
    await expectRefusedWithoutQuery(alertList(cursor));
  });

  it.each([
    ["a risk named toString", { r: "toString", d: AT, i: ID }],
    ["a risk named constructor", { r: "constructor", d: AT, i: ID }],
    ["a non-UUID id that passes [0-9a-f-]{36}", { r: "HIGH", d: AT, i: NOT_A_UUID }],
    ["a deadline in year −271821", { r: "HIGH", d: YEAR_MINUS_271821, i: ID }],
  ])("queue: %s", async (_, value) => {
    await expectRefusedWithoutQuery(queue(b64(JSON.stringify(value))));
  });

  it.each([
    ["an id past bigint", "9223372036854775808"],
    ["the largest 19-digit number", "9999999999999999999"],
    ["not a number", "abc"],
  ])("audit trail: %s", async (_, cursor) => {
    await expectRefusedWithoutQuery(auditTrail(cursor));
  });
});
