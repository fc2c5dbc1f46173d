// The process's one LISTEN connection (lib/server/realtime/live-changes.ts) as a live page uses it:
// the page says "ready" when `liveChangesListening` resolves, so a change committed right after
// that must reach the subscriber — even on the very first subscription, which opens the connection.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { liveChangesListening, subscribeToLiveChanges, type LiveChange } from "@/lib/server/realtime/live-changes";
import { openTestDatabase } from "../../support/test-database";
import { createNewAlerts } from "../../support/alert-factory";

await openTestDatabase("demo");

describe("the live listener", () => {
  it("hears a change committed as soon as it says it listens, on the first subscription", async () => {
    const station = await db.orgUnit.findUniqueOrThrow({ where: { code: "D03S01" } });
    const heard: LiveChange[] = [];
    let resolveHeard: () => void = () => {};
    const alertHeard = new Promise<void>((resolve) => (resolveHeard = resolve));
    const unsubscribe = subscribeToLiveChanges((change) => {
      heard.push(change);
      if (change.kind === "change" && change.topic === "alert" && change.keys.includes(`s:${station.id}`)) resolveHeard();
    });
    try {
      await liveChangesListening();
      await createNewAlerts(1, { stationCode: "D03S01" });
      const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 5_000));
      expect(await Promise.race([alertHeard.then(() => "heard"), timeout])).toBe("heard");
    } finally {
      unsubscribe();
    }
  });

  it("answers at once when the connection is already listening", async () => {
    const unsubscribe = subscribeToLiveChanges(() => {});
    try {
      await liveChangesListening();
      const again = await Promise.race([liveChangesListening().then(() => "at once"), new Promise((r) => setImmediate(() => r("later")))]);
      expect(again).toBe("at once");
    } finally {
      unsubscribe();
    }
  });
});
