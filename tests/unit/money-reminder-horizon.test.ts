import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { freezeReminderAt, freezeReminderHorizon, stopReminderAt, stopReminderHorizon } from "@/lib/cases/request-clock";

// The sweep compares ends_at with one horizon; it must pick exactly the requests whose reminder
// time has come.
describe("the reminder horizons", () => {
  const instant = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2040, 0, 1) }).map((ms) => new Date(ms));

  it("a stop is due exactly when its reminder time has come", () => {
    fc.assert(fc.property(instant, instant, (now, endsAt) => (stopReminderAt(endsAt) <= now) === (endsAt <= stopReminderHorizon(now))));
  });

  it("a freeze is due exactly when its reminder time has come", () => {
    fc.assert(fc.property(instant, instant, (now, endsAt) => (freezeReminderAt(endsAt) <= now) === (endsAt <= freezeReminderHorizon(now))));
  });

  it("6 hours before a stop ends, 7 days before a freeze does", () => {
    const now = new Date("2026-12-03T00:00:00Z");
    expect(stopReminderHorizon(now)).toEqual(new Date("2026-12-03T06:00:00Z"));
    expect(freezeReminderHorizon(now)).toEqual(new Date("2026-12-10T00:00:00Z"));
  });
});
