import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatShanghai, shanghaiDay, shanghaiDayStart } from "@/lib/time";

describe("Asia/Shanghai time", () => {
  it("shows a UTC instant in Shanghai time", () => {
    expect(formatShanghai("2026-11-20T16:30:00Z")).toBe("2026-11-21 00:30");
    expect(formatShanghai(new Date("2026-06-01T01:02:03Z"), true)).toBe("2026-06-01 09:02:03");
  });

  it("starts a Shanghai day at 16:00 UTC the day before", () => {
    expect(shanghaiDayStart("2026-11-21").toISOString()).toBe("2026-11-20T16:00:00.000Z");
  });

  // China observed summer time from 1986 to 1991 (UTC+9), which a fixed offset does not model;
  // the console only handles times from 1992 on.
  it("agrees with Intl for any instant since 1992", () => {
    const fmt = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" });
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1992, 0, 1), max: 4_102_444_800_000 }), (ms) => {
        const at = new Date(ms);
        expect(shanghaiDay(at)).toBe(fmt.format(at));
        expect(shanghaiDayStart(shanghaiDay(at)).getTime()).toBeLessThanOrEqual(ms);
      }),
    );
  });
});
