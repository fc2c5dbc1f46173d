// Requests racing each other (several connections of the pool at once): one externalId is one
// record, and one person gets one queue item.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { IngestAlertInput } from "@/lib/schemas/ingest";
import { personsWithPhone, phoneIndex } from "../../support/personal-data";
import { openTestDatabase } from "../../support/test-database";
import { makeAlert, post, uniquePhone } from "./support";

await openTestDatabase("demo");

const send = (...alerts: IngestAlertInput[]) => post({ alerts });

describe("concurrent requests", () => {
  it("two identical requests racing yield one record: one created, one duplicate with its id", async () => {
    for (let round = 0; round < 5; round++) {
      const alert = makeAlert();
      const ids = [`race-${round}-a-${alert.externalId}`, `race-${round}-b-${alert.externalId}`];
      const [a, b] = await Promise.all([post({ alerts: [alert] }, { requestId: ids[0] }), post({ alerts: [alert] }, { requestId: ids[1] })]);
      expect([a.status, b.status]).toEqual([200, 200]);
      const outcomes = [a.body.results[0]!, b.body.results[0]!];
      expect(outcomes.map((r) => r.outcome).sort()).toEqual(["created", "duplicate"]);
      const alertIds = outcomes.map((r) => ("alertId" in r ? r.alertId : null));
      expect(alertIds[0]).toBe(alertIds[1]);
      expect(await db.alert.count({ where: { externalId: alert.externalId } })).toBe(1);
      expect(await personsWithPhone(alert.person.phone)).toBe(1);
      expect(await db.alertEvent.count({ where: { alertId: alertIds[0]!, kind: "CREATED" } })).toBe(1);
      // Each request has exactly one audit row, and its counts say what that request did.
      const audits = await db.auditEvent.findMany({ where: { requestId: { in: ids } } });
      expect(audits).toHaveLength(2);
      for (const [reply, requestId] of [[a, ids[0]], [b, ids[1]]] as const) {
        const row = audits.find((r) => r.requestId === requestId)!;
        expect(row.details).toEqual({ sourceCode: "demo-feed", ...reply.body.summary });
      }
    }
  });

  it("the same externalId with different payloads racing: one created, one conflict", async () => {
    const alert = makeAlert({ riskLevel: "LOW" });
    const [a, b] = await Promise.all([send(alert), send({ ...alert, riskLevel: "URGENT" })]);
    expect([a.body.results[0]!.outcome, b.body.results[0]!.outcome].sort()).toEqual(["conflict", "created"]);
    expect(await db.alert.count({ where: { externalId: alert.externalId } })).toBe(1);
  });

  it("many batches overlapping in externalIds and persons end with each alert once and one open item per person", async () => {
    const phones = Array.from({ length: 4 }, () => uniquePhone());
    const pool = Array.from({ length: 24 }, (_, i) =>
      makeAlert({ person: { name: "韩八", phone: phones[i % phones.length]! }, riskLevel: (["LOW", "MEDIUM", "HIGH", "URGENT"] as const)[Math.floor(i / 4) % 4] }),
    );
    // Eight requests, each a different slice (overlapping) in a different order.
    const batches = Array.from({ length: 8 }, (_, k) => {
      const slice = pool.filter((_, i) => (i + k) % 3 !== 0);
      return k % 2 === 0 ? slice : [...slice].reverse();
    });
    const auditBefore = await db.auditEvent.count({ where: { action: "alert.ingest" } });
    const replies = await Promise.all(batches.map((b) => send(...b)));
    const audits = await db.auditEvent.findMany({ where: { action: "alert.ingest" }, orderBy: { id: "asc" }, skip: auditBefore });
    expect(audits).toHaveLength(batches.length);
    const sum = (key: string) => audits.reduce((n, r) => n + ((r.details as Record<string, number>)[key] ?? 0), 0);
    expect(sum("created")).toBe(pool.length);
    expect(sum("duplicate")).toBe(batches.reduce((n, b) => n + b.length, 0) - pool.length);
    expect(replies.map((r) => r.status)).toEqual(replies.map(() => 200));
    const created = replies.flatMap((r) => r.body.results.filter((x) => x.outcome === "created"));
    expect(created).toHaveLength(pool.length);
    expect(replies.flatMap((r) => r.body.results).every((x) => x.outcome === "created" || x.outcome === "duplicate")).toBe(true);
    expect(await db.alert.count({ where: { externalId: { in: pool.map((a) => a.externalId) } } })).toBe(pool.length);
    for (const phone of phones) {
      const person = await db.person.findFirstOrThrow({ where: { phones: { some: { phoneIndex: phoneIndex(phone) } } } });
      const open = await db.alert.findMany({ where: { personId: person.id, status: { in: ["NEW", "CLAIMED"] } } });
      expect(open).toHaveLength(1);
      // The open item carries the highest risk any of its repeats had.
      expect(open[0]!.riskLevel).toBe("URGENT");
      expect(await db.alert.count({ where: { personId: person.id, status: "JOINED", joinedAlertId: open[0]!.id } })).toBe(5);
    }
  });
});
