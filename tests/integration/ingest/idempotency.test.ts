// Idempotency per source + externalId: replays are duplicates, changed payloads are conflicts,
// and neither changes anything. One request = one audit row, in the same transaction.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { IngestItemResult } from "@/lib/schemas/ingest";
import { openPhone, personData, personsWithPhone } from "../../support/personal-data";
import { openTestDatabase } from "../../support/test-database";
import { counts, delta, makeAlert, post, uniqueExternalId, uniqueIdNumber, uniquePhone } from "./support";

await openTestDatabase("demo");

const ids = (results: IngestItemResult[]) => results.map((r) => ("alertId" in r ? r.alertId : null));

describe("replaying a batch", () => {
  it("creates each alert once; the third reply is all duplicates with the same ids", async () => {
    const batch = { alerts: [makeAlert(), makeAlert({ riskLevel: "URGENT" }), makeAlert({ riskLevel: "LOW" })] };
    const before = await counts();

    const first = await post(batch);
    expect(first.status).toBe(200);
    expect(first.contentType).toBe("application/json");
    expect(first.body.results.map((r) => [r.index, r.status, r.outcome])).toEqual([
      [0, 201, "created"],
      [1, 201, "created"],
      [2, 201, "created"],
    ]);
    const afterFirst = await counts();
    expect(delta(before, afterFirst)).toEqual({ alerts: 3, persons: 3, audit: 1, events: 3 });

    const second = await post(batch);
    const third = await post(batch);
    for (const reply of [second, third]) {
      expect(reply.status).toBe(200);
      expect(reply.body.results.map((r) => [r.status, r.outcome])).toEqual([
        [200, "duplicate"],
        [200, "duplicate"],
        [200, "duplicate"],
      ]);
      expect(ids(reply.body.results)).toEqual(ids(first.body.results));
    }
    expect(third.body.summary).toEqual({ created: 0, duplicate: 3, conflict: 0, invalid: 0, joined: 0 });
    // Only the audit rows of the two replays were added.
    expect(delta(afterFirst, await counts())).toEqual({ alerts: 0, persons: 0, audit: 2, events: 0 });
  });

  it("treats the same alert written differently (phone prefix, time zone, key order, null vs absent) as a duplicate", async () => {
    const alert = makeAlert({ detectedAt: "2026-11-01T08:00:00+08:00", callerNumbers: ["+85255512345"] });
    const first = await post({ alerts: [alert] });
    expect(first.body.results[0]).toMatchObject({ outcome: "created" });
    const respelled = {
      person: { phone: `+86 ${alert.person.phone.slice(0, 3)} ${alert.person.phone.slice(3, 7)}-${alert.person.phone.slice(7)}`, name: ` ${alert.person.name} `, address: null },
      detectedAt: "2026-11-01T00:00:00.000Z",
      callerNumbers: ["+852 5551 2345"],
      urls: [],
      fraudType: alert.fraudType,
      riskLevel: alert.riskLevel,
      externalId: alert.externalId,
      cityCode: alert.cityCode,
    };
    const again = await post({ alerts: [respelled] });
    expect(again.body.results[0]).toMatchObject({ status: 200, outcome: "duplicate", alertId: ids(first.body.results)[0] });
  });
});

describe("a changed payload under a known externalId", () => {
  it("is a conflict that names the existing alert and changes nothing", async () => {
    const original = makeAlert({ riskLevel: "MEDIUM" });
    const created = await post({ alerts: [original] });
    const alertId = ids(created.body.results)[0]!;
    const snapshot = async () => {
      const alert = await db.alert.findUniqueOrThrow({ where: { id: alertId }, include: { person: true, events: true } });
      return JSON.stringify(alert, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
    };
    const before = await snapshot();
    const beforeCounts = await counts();

    const changed = { ...original, riskLevel: "URGENT" as const, person: { ...original.person, address: "江州市某路1号", idNumber: "11010519491231002X" } };
    const reply = await post({ alerts: [changed] });
    expect(reply.status).toBe(200);
    expect(reply.body.results).toEqual([{ index: 0, externalId: original.externalId, status: 409, outcome: "conflict", alertId }]);
    expect(reply.body.summary).toMatchObject({ conflict: 1, created: 0 });
    expect(await snapshot()).toBe(before);
    expect(delta(beforeCounts, await counts())).toEqual({ alerts: 0, persons: 0, audit: 1, events: 0 });
  });

  it("is judged per source: another source may use the same externalId", async () => {
    const alert = makeAlert();
    await post({ alerts: [alert] });
    const national = await db.alertSource.findUniqueOrThrow({ where: { code: "national" } });
    const { createHash } = await import("node:crypto");
    const key = `test-national-key-${uniqueExternalId()}`;
    await db.apiKey.create({ data: { sourceId: national.id, prefix: key.slice(0, 8), keyHash: createHash("sha256").update(key).digest("hex") } });
    const reply = await post({ alerts: [alert] }, { key });
    expect(reply.body.results[0]).toMatchObject({ status: 201, outcome: "created" });
    // Same person (same phone), and the national alert joins the open demo-feed one.
    expect(reply.body.results[0]).toHaveProperty("joinedAlertId");
  });
});

describe("a mixed batch", () => {
  it("answers each item in order and writes only the good ones", async () => {
    const known = makeAlert();
    const knownReply = await post({ alerts: [known] });
    const knownId = ids(knownReply.body.results)[0];
    const good = makeAlert({ riskLevel: "HIGH" });
    const invalid = { ...makeAlert(), person: { name: "李四", phone: "12345" }, surprise: true };
    const before = await counts();

    const reply = await post({ alerts: [good, invalid, known, "not an alert", { ...known, riskLevel: "LOW" }] });
    expect(reply.status).toBe(200);
    const [r0, r1, r2, r3, r4] = reply.body.results;
    expect(r0).toMatchObject({ index: 0, externalId: good.externalId, status: 201, outcome: "created" });
    expect(r1).toMatchObject({ index: 1, externalId: invalid.externalId, status: 422, outcome: "invalid" });
    expect(r1 && "errors" in r1 ? r1.errors : []).toEqual(
      expect.arrayContaining([
        { path: "person.phone", message: expect.stringContaining("mobile") },
        { path: "surprise", message: "unknown field" },
      ]),
    );
    expect(r2).toEqual({ index: 2, externalId: known.externalId, status: 200, outcome: "duplicate", alertId: knownId });
    expect(r3).toMatchObject({ index: 3, externalId: null, status: 422, outcome: "invalid", errors: [{ path: "", message: expect.any(String) }] });
    expect(r4).toMatchObject({ index: 4, status: 409, outcome: "conflict", alertId: knownId });
    expect(reply.body.summary).toEqual({ created: 1, duplicate: 1, conflict: 1, invalid: 2, joined: 0 });

    expect(delta(before, await counts())).toEqual({ alerts: 1, persons: 1, audit: 1, events: 1 });
    expect(await db.alert.count({ where: { externalId: invalid.externalId } })).toBe(0);
    expect(await personsWithPhone("12345")).toBe(0);
  });

  it("answers a repeated externalId inside one request like a replay of its first occurrence", async () => {
    const a = makeAlert();
    const reply = await post({ alerts: [a, a, { ...a, riskLevel: "URGENT" }] });
    const [first, again, changed] = reply.body.results;
    expect(first).toMatchObject({ outcome: "created" });
    expect(again).toMatchObject({ status: 200, outcome: "duplicate", alertId: ids([first!])[0] });
    expect(changed).toMatchObject({ status: 409, outcome: "conflict", alertId: ids([first!])[0] });
    expect(await db.alert.count({ where: { externalId: a.externalId } })).toBe(1);
  });

  it("still answers 200 with only invalid items, and writes only the audit row", async () => {
    const before = await counts();
    const reply = await post({ alerts: [{}, { externalId: "x" }] });
    expect(reply.status).toBe(200);
    expect(reply.body.results.map((r) => r.outcome)).toEqual(["invalid", "invalid"]);
    expect(delta(before, await counts())).toEqual({ alerts: 0, persons: 0, audit: 1, events: 0 });
  });
});

describe("the audit trail and the stored alert", () => {
  it("writes one alert.ingest row per request with counts only, carrying the request id", async () => {
    const requestId = `req-${uniqueExternalId()}`;
    const person = { name: "赵六", phone: uniquePhone(), idNumber: uniqueIdNumber(), address: "江州市某小区" };
    const alert = makeAlert({ person });
    const reply = await post({ alerts: [alert, { bad: true }] }, { requestId });
    expect(reply.headers.get("x-request-id")).toBe(requestId);
    const rows = await db.auditEvent.findMany({ where: { requestId } });
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row).toMatchObject({ action: "alert.ingest", outcome: "SUCCESS", actorId: null, entityType: "alert_source" });
    expect(row.details).toEqual({ sourceCode: "demo-feed", created: 1, duplicate: 0, conflict: 0, invalid: 1, joined: 0 });
    const text = JSON.stringify({ ...row, id: row.id.toString() });
    for (const secret of Object.values(person)) expect(text).not.toContain(secret);
  });

  it("stores the normalised values, the deadline from the city's own rule and a CREATED event", async () => {
    const city = await db.orgUnit.findUniqueOrThrow({ where: { code: "JZ" }, select: { id: true } });
    await db.deadlineRule.create({ data: { cityId: city.id, kind: "FIRST_CONTACT", riskLevel: "HIGH", amount: 7 } });
    const phone = uniquePhone();
    const idNumber = uniqueIdNumber();
    const alert = makeAlert({
      riskLevel: "HIGH",
      fraudType: "IMPERSONATE_AUTHORITY",
      detectedAt: "2026-11-20T10:00:00+08:00",
      person: { name: "钱七", phone: `+86 ${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`, idNumber: idNumber.toLowerCase() },
      callerNumbers: ["00 852 5551 2345", "+1 (555) 0100"],
      appNames: ["某某金融"],
      urls: ["hxxp://fake.example/loan"],
      suspectAccounts: ["6222 0000 1111 2222"],
      amountInTransferFen: 4_500_000,
    });
    const reply = await post({ alerts: [alert] });
    const alertId = ids(reply.body.results)[0]!;
    const stored = await db.alert.findUniqueOrThrow({ where: { id: alertId }, include: { person: true, events: true, source: true } });
    expect(stored).toMatchObject({
      externalId: alert.externalId,
      status: "NEW",
      riskLevel: "HIGH",
      fraudType: "IMPERSONATE_AUTHORITY",
      callerNumbers: ["0085255512345", "+1(555)0100"],
      appNames: ["某某金融"],
      urls: ["hxxp://fake.example/loan"],
      suspectAccounts: ["6222 0000 1111 2222"],
      amountInTransferFen: 4_500_000n,
      version: 1,
      joinedAlertId: null,
    });
    expect(stored.source.code).toBe("demo-feed");
    expect(stored.payloadHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.detectedAt.toISOString()).toBe("2026-11-20T02:00:00.000Z");
    expect(stored.firstContactDeadline.toISOString()).toBe("2026-11-20T02:07:00.000Z");
    expect(await personData(stored.personId)).toMatchObject({ phones: [phone], idNumber: idNumber.toUpperCase(), name: "钱七" });
    expect(openPhone(stored.phoneSealed)).toBe(phone);
    expect(stored.events.map((e) => [e.kind, e.data])).toEqual([
      ["CREATED", { sourceCode: "demo-feed", externalId: alert.externalId, riskLevel: "HIGH" }],
    ]);
    expect(stored.events.map((e) => e.cityId)).toEqual([city.id]);
    // The other city keeps the installation's default (15 minutes for high risk).
    const other = await post({ alerts: [makeAlert({ cityCode: "LC", riskLevel: "HIGH", detectedAt: "2026-11-20T10:00:00+08:00" })] });
    const otherAlert = await db.alert.findUniqueOrThrow({ where: { id: ids(other.body.results)[0]! } });
    expect(otherAlert.firstContactDeadline.toISOString()).toBe("2026-11-20T02:15:00.000Z");
    expect(await db.alertEvent.findMany({ where: { alertId: otherAlert.id }, select: { kind: true, cityId: true } })).toEqual([
      { kind: "CREATED", cityId: otherAlert.cityId },
    ]);
  });
});
