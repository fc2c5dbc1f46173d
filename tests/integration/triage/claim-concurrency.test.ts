// Two analysts must never hold the same alert: 50 analysts race over 1,000 alerts.
import { describe, expect, it } from "vitest";
process.env.DB_POOL_SIZE = "30";
import { db } from "@/lib/db";
import { claimAlert } from "@/lib/server/alerts/claim-alert";
import { ConflictError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { openTestDatabase } from "../../support/test-database";
import { signInAs } from "../../support/actors";
import { createNewAlerts } from "../../support/alert-factory";

await openTestDatabase("demo");

describe("claiming under concurrency", () => {
  it("50 concurrent claimers over 1,000 alerts: every alert is claimed at most once", async () => {
    const template = await db.user.findUniqueOrThrow({ where: { username: "analyst1" } });
    const analysts: Actor[] = [];
    for (let i = 0; i < 50; i++) {
      await db.user.create({
        data: { username: `race${i}`, displayName: `研判员${i}`, role: "ANALYST", unitId: template.unitId, passwordHash: template.passwordHash },
      });
      analysts.push(await signInAs(`race${i}`));
    }
    const ids = await createNewAlerts(1000);

    const wins = new Map<string, string[]>();
    let conflicts = 0;
    // Each analyst walks the list from a different offset, so every alert is contested.
    await Promise.all(
      analysts.map(async (analyst, n) => {
        for (let k = 0; k < 60; k++) {
          const id = ids[(n * 20 + k * 17) % ids.length]!;
          try {
            await claimAlert(analyst, { alertId: id });
            wins.set(id, [...(wins.get(id) ?? []), analyst.userId]);
          } catch (error) {
            if (!(error instanceof ConflictError)) throw error;
            conflicts++;
          }
        }
      }),
    );

    expect(conflicts).toBeGreaterThan(0);
    for (const [, winners] of wins) expect(new Set(winners).size).toBe(1);
    const claimed = await db.alert.findMany({ where: { id: { in: ids }, status: "CLAIMED" }, select: { id: true, assigneeId: true } });
    expect(claimed.length).toBe(wins.size);
    for (const row of claimed) expect(row.assigneeId).toBe(wins.get(row.id)![0]);
    // One audit row and one timeline event per successful claim; each refused claim is one denial.
    expect(await db.auditEvent.count({ where: { action: "alert.claim", outcome: "SUCCESS", entityId: { in: ids } } })).toBe(claimed.length);
    expect(await db.auditEvent.count({ where: { action: "alert.claim", outcome: "DENIED", entityId: { in: ids } } })).toBe(conflicts);
    expect(await db.alertEvent.count({ where: { kind: "CLAIMED", alertId: { in: ids } } })).toBe(claimed.length);
  });
});
