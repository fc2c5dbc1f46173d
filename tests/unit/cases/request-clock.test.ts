import { describe, expect, it } from "vitest";
import { firstStopDueAt, freezeEndsAt, freezeReminderAt, minutesBetween, stopReminderAt } from "@/lib/cases/request-clock";
import { applyStop } from "@/lib/cases/transfer-ledger";

describe("the money workflow's clocks", () => {
  it("gives the first stop 30 minutes from the report", () => {
    expect(firstStopDueAt(new Date("2026-12-03T06:00:00Z")).toISOString()).toBe("2026-12-03T06:30:00.000Z");
    expect(minutesBetween(new Date("2026-12-03T06:00:00Z"), new Date("2026-12-03T06:29:59Z"))).toBe(29);
  });

  it("runs a freeze six calendar months on Shanghai's calendar, to the month's last day when shorter", () => {
    // 2026-08-31 10:00 Shanghai + 6 months = 2027-02-28 10:00 Shanghai.
    expect(freezeEndsAt(new Date("2026-08-31T02:00:00Z"), 6).toISOString()).toBe("2027-02-28T02:00:00.000Z");
    // 2026-12-31 23:30 Shanghai (15:30 UTC) is already the next month's day in Shanghai terms.
    expect(freezeEndsAt(new Date("2026-12-31T15:30:00Z"), 6).toISOString()).toBe("2027-06-30T15:30:00.000Z");
    expect(freezeEndsAt(new Date("2026-01-15T00:00:00Z"), 12).toISOString()).toBe("2027-01-15T00:00:00.000Z");
    expect(() => freezeEndsAt(new Date(), 13)).toThrow(RangeError);
  });

  it("reminds 6 h before a stop lapses and 7 days before a freeze does", () => {
    const at = new Date("2026-12-01T00:00:00Z");
    const stopped = applyStop({ amountFen: 100n, stoppedFen: 0n, stopEndsAt: null, frozenFen: 0n, freezeEndsAt: null, returnedFen: 0n, movedOnFen: 0n }, 100n, 0n, at);
    if (!stopped.ok) throw new Error("refused");
    expect(stopReminderAt(stopped.holding.stopEndsAt!).toISOString()).toBe("2026-12-02T18:00:00.000Z");
    expect(freezeReminderAt(new Date("2027-06-01T00:00:00Z")).toISOString()).toBe("2027-05-25T00:00:00.000Z");
  });
});
