import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addMonths, shanghaiMonth, shanghaiMonthRange } from "@/lib/time";
import { MonthSchema, RankingsQuerySchema } from "@/lib/schemas/rankings";

describe("a month in Asia/Shanghai", () => {
  it("runs from 16:00 UTC on the last day of the month before to 16:00 UTC on its own last day", () => {
    expect(shanghaiMonthRange("2026-03")).toEqual({ start: new Date("2026-02-28T16:00:00Z"), end: new Date("2026-03-31T16:00:00Z") });
    expect(shanghaiMonthRange("2024-02")).toEqual({ start: new Date("2024-01-31T16:00:00Z"), end: new Date("2024-02-29T16:00:00Z") });
    expect(shanghaiMonthRange("2026-12")).toEqual({ start: new Date("2026-11-30T16:00:00Z"), end: new Date("2026-12-31T16:00:00Z") });
  });

  it("puts an instant in the Shanghai month, not the UTC one", () => {
    expect(shanghaiMonth(new Date("2026-03-31T15:59:59.999Z"))).toBe("2026-03");
    expect(shanghaiMonth(new Date("2026-03-31T16:00:00Z"))).toBe("2026-04");
    expect(shanghaiMonth(new Date("2025-12-31T16:00:00Z"))).toBe("2026-01");
  });

  it("steps months across years", () => {
    expect(addMonths("2026-12", 1)).toBe("2027-01");
    expect(addMonths("2026-01", -1)).toBe("2025-12");
    expect(addMonths("2026-05", -17)).toBe("2024-12");
  });

  it("for any instant since 1992: its month's range holds it, and months follow each other without a gap", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1992, 0, 1), max: 4_102_444_800_000 }), (ms) => {
        const month = shanghaiMonth(new Date(ms));
        const { start, end } = shanghaiMonthRange(month);
        expect(start.getTime()).toBeLessThanOrEqual(ms);
        expect(end.getTime()).toBeGreaterThan(ms);
        expect(shanghaiMonthRange(addMonths(month, 1)).start).toEqual(end);
        expect(addMonths(addMonths(month, 13), -13)).toBe(month);
      }),
    );
  });

  it("accepts YYYY-MM only", () => {
    for (const ok of ["2026-01", "2026-12", "1999-07"]) expect(MonthSchema.safeParse(ok).success, ok).toBe(true);
    for (const bad of ["2026-13", "2026-00", "2026-1", "26-01", "2026-01-01", "", "2026/01", "' OR 1=1"]) expect(MonthSchema.safeParse(bad).success, bad).toBe(false);
    expect(RankingsQuerySchema.parse({ month: "", sort: "" })).toEqual({ month: undefined, sort: undefined });
    expect(RankingsQuerySchema.safeParse({ sort: "name" }).success).toBe(false);
  });
});
