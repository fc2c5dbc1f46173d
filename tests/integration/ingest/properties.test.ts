// Property tests: whatever a client sends, the answer is never a 5xx, and an invalid item never
// writes a row. Runs are kept modest (each is a real request against a real database).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FraudType, RiskLevel } from "@/prisma/generated/client/enums";
import type { IngestResponse } from "@/lib/schemas/ingest";
import { openTestDatabase } from "../../support/test-database";
import { alertRowsUnder, counts, delta, post, uniqueExternalId, uniquePhone } from "./support";

await openTestDatabase("demo");

const NUM_RUNS = 100;

/** Anything as a request body: JSON when it serialises, its string form when it does not. */
function asBody(value: unknown): string {
  try {
    const json = JSON.stringify(value);
    if (typeof json === "string") return json;
  } catch {
    // BigInt, cycles …
  }
  return String(value);
}

/** Only such ids can be looked up at all (others, with NUL and the like, cannot be stored). */
function isStorableExternalId(id: unknown): id is string {
  return typeof id === "string" && /^[\x21-\x7E]{1,64}$/.test(id);
}

/** A field value that is usually plausible and sometimes anything at all. */
const maybe = <T,>(valid: fc.Arbitrary<T>) => fc.oneof({ weight: 30, arbitrary: valid }, { weight: 1, arbitrary: fc.anything() });

const nastyString = fc.oneof(
  fc.string({ unit: "binary", maxLength: 80 }),
  fc.constantFrom("", " ", "\u0000", "\ud800", "x\u0007y", "'; DROP TABLE alert; --", "%_\\", "😀".repeat(40), "长".repeat(300)),
);
/** Mostly a plausible value, sometimes a nasty string. */
const plausible = (...values: string[]) => fc.oneof({ weight: 15, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: nastyString });

const phone = fc.oneof(
  { weight: 12, arbitrary: fc.constant(null).map(() => uniquePhone()) },
  { weight: 4, arbitrary: fc.constant(null).map(() => `+86 ${uniquePhone()}`) },
  { weight: 1, arbitrary: fc.stringMatching(/^1[3-9]\d{9}$/) },
  { weight: 1, arbitrary: nastyString },
);

const detectedAt = fc.oneof(
  { weight: 20, arbitrary: fc.integer({ min: -200 * 24, max: 0 }).map((h) => new Date(Date.now() + h * 3600_000).toISOString()) },
  { weight: 1, arbitrary: fc.date({ min: new Date("1990-01-01"), max: new Date(Date.now() + 3600_000), noInvalidDate: true }).map((d) => d.toISOString()) },
  { weight: 1, arbitrary: fc.constantFrom("2026-11-21T09:30:00+08:00", "2026-02-30T00:00:00Z", "yesterday", "2026-11-21T09:30:00") },
  { weight: 1, arbitrary: nastyString },
);

const person = fc.record(
  {
    name: maybe(plausible("张三", "欧阳修远", " 李四 ")),
    phone: maybe(phone),
    idNumber: maybe(fc.oneof({ weight: 6, arbitrary: plausible("11010519491231002X", "11010519491231002x", " 11010519491231002X ") }, { weight: 1, arbitrary: fc.constant("110105194912310021") })),
    address: maybe(plausible("江州市东湖区东湖街道西岸社区1栋", "某地")),
  },
  { requiredKeys: ["name", "phone"] },
);

const baseAlert = fc.record(
  {
    externalId: maybe(fc.oneof({ weight: 8, arbitrary: fc.constant(null).map(() => uniqueExternalId("p")) }, { weight: 1, arbitrary: nastyString })),
    riskLevel: maybe(plausible(...Object.values(RiskLevel))),
    fraudType: maybe(plausible(...Object.values(FraudType))),
    detectedAt: maybe(detectedAt),
    person: maybe(person),
    stationCode: maybe(plausible("D01S01", "D10S05", "D02S03", "D01", "ZZZ")),
    callerNumbers: maybe(fc.oneof({ weight: 8, arbitrary: fc.array(plausible("+85255512345", "00 1 555 0100"), { maxLength: 3 }) }, { weight: 1, arbitrary: fc.array(plausible("+85255512345"), { minLength: 45, maxLength: 60 }) })),
    appNames: maybe(fc.array(plausible("某某金融", "安全防护"), { maxLength: 3 })),
    urls: maybe(fc.array(plausible("http://fake.example/x"), { maxLength: 3 })),
    suspectAccounts: maybe(fc.array(plausible("6222000011112222"), { maxLength: 3 })),
    amountInTransferFen: maybe(
      fc.oneof(
        { weight: 6, arbitrary: fc.integer({ min: 0, max: 2_000_000_000 }) },
        { weight: 1, arbitrary: fc.oneof(fc.integer({ min: -10, max: -1 }), fc.double(), fc.constantFrom(Number.MAX_SAFE_INTEGER, 2 ** 63)) },
      ),
    ),
  },
  { requiredKeys: ["externalId", "riskLevel", "fraudType", "detectedAt", "person"] },
);

/** A member the API does not know, somewhere in the item. */
const withUnknownField = fc
  .tuple(baseAlert, fc.string({ minLength: 1, maxLength: 10 }), fc.anything(), fc.boolean())
  .map(([alert, key, value, inPerson]) => {
    const name = `x_${key}`;
    const target = inPerson && typeof alert.person === "object" && alert.person !== null && !Array.isArray(alert.person);
    return target
      ? { ...alert, person: { ...(alert.person as Record<string, unknown>), [name]: value ?? 0 } }
      : { ...alert, [name]: value ?? 0 };
  });

const alertShaped = fc.oneof({ weight: 6, arbitrary: baseAlert }, { weight: 1, arbitrary: withUnknownField });

describe("no input yields a 5xx", () => {
  it("fc.anything() as the body", async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (value) => {
        const reply = await post(asBody(value));
        expect(reply.status).toBeLessThan(500);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it("fc.json() as the body, bare and as the alerts array", async () => {
    await fc.assert(
      fc.asyncProperty(fc.json(), fc.array(fc.jsonValue(), { minLength: 1, maxLength: 5 }), async (json, items) => {
        expect((await post(json)).status).toBeLessThan(500);
        const reply = await post({ alerts: items });
        expect(reply.status).toBe(200);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it("raw strings and bytes with any content type", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ unit: "binary" }), fc.uint8Array({ maxLength: 200 })),
        fc.option(fc.constantFrom("application/json", "text/plain", "application/json; charset=utf-16", ";;", "application/json;charset")),
        async (body, contentType) => {
          const reply = await post(body, { contentType });
          expect(reply.status).toBeLessThan(500);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
});

describe("alert-shaped items with random field values", () => {
  it("never yield a 5xx, and only the created ones write rows", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(alertShaped, { minLength: 1, maxLength: 5 }), async (alerts) => {
        // Ids repeat across iterations (nastyString's constants, shrinking's replays): what is
        // stored under them before this request is the baseline, not an empty table.
        const lookedUp = alerts.map((a) => (a as { externalId?: unknown }).externalId).filter(isStorableExternalId);
        const rowsBefore = await alertRowsUnder(lookedUp);
        const before = await counts();
        const reply = await post<IngestResponse>({ alerts });
        expect(reply.status).toBe(200);
        const { results, summary } = reply.body;
        expect(results).toHaveLength(alerts.length);
        expect(results.map((r) => r.index)).toEqual(alerts.map((_, i) => i));
        for (const r of results) expect([200, 201, 409, 422]).toContain(r.status);
        const changed = delta(before, await counts());
        expect(changed.alerts).toBe(summary.created);
        expect(changed.persons).toBeLessThanOrEqual(summary.created);
        expect(changed.audit).toBe(1);
        // Invalid items left nothing behind under their externalIds: the rows there are the ones
        // that were there before the request.
        const externalIdAt = (i: number) => (alerts[i] as { externalId?: unknown }).externalId;
        const invalidIds = results.flatMap((r, i) => {
          const id = externalIdAt(i);
          return r.outcome === "invalid" && isStorableExternalId(id) ? [id] : [];
        });
        const createdIds = results.flatMap((r, i) => (r.outcome === "created" ? [externalIdAt(i)] : []));
        const strays = new Set(invalidIds.filter((id) => !createdIds.includes(id)));
        if (strays.size > 0) {
          expect(await alertRowsUnder([...strays])).toEqual(rowsBefore.filter((row) => strays.has(row.externalId)));
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it("a batch whose items are all invalid writes no alert, person or event", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(withUnknownField, { minLength: 1, maxLength: 5 }), async (alerts) => {
        const before = await counts();
        const reply = await post<IngestResponse>({ alerts });
        expect(reply.status).toBe(200);
        expect(reply.body.results.every((r) => r.outcome === "invalid")).toBe(true);
        expect(delta(before, await counts())).toEqual({ alerts: 0, persons: 0, events: 0, audit: 1 });
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
